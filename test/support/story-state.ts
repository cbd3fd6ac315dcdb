/**
 * THE "rendered" predicate of a story (scripts/check-storybook.js has the same one, for the built
 * Storybook), shared by the browser tests that render stories: which data elements there are, what
 * each shows, and when every ai-* element has finished updating.
 */

/** The elements that load and show data, wherever they are: in the story or in another's shadow root. */
const DATA_TAGS = ['ai-voice-usage', 'ai-messaging-usage', 'ai-usage-history', 'ai-usage-calls'];

const LOADING = '[aria-busy="true"], table.skeleton, .chart-skeleton';
const ROWS = 'table:not(.skeleton) > tbody:not([aria-hidden="true"]) > tr[part~="row"]';
const CONTENT = `[part~="state"], [part~="permission-notice"], [part~="chart"], ${ROWS}`;

/** Every element matching `test` under `root`, in light DOM and nested shadow roots. */
export function deepElements(root: ParentNode, test: (el: Element) => boolean): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (test(el)) found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot, test));
  }
  return found;
}

export const dataElements = (root: ParentNode) => deepElements(root, (el) => DATA_TAGS.includes(el.localName));

/**
 * What a data element shows. `loading`: a skeleton or a busy region anywhere in it; `content`: rows,
 * a chart, a state panel or notice, and nothing loading; `blank`: neither, or a screen that disagrees
 * with the reflected `status` (loading ⇔ status=loading, content ⇔ ready|empty|error|unconfigured).
 */
export function shows(el: Element): 'loading' | 'content' | 'blank' {
  const root = el.shadowRoot;
  const screen = root?.querySelector(LOADING) ? 'loading' : root?.querySelector(CONTENT) ? 'content' : 'blank';
  const status = el.getAttribute('status');
  if (status === 'loading') return screen === 'loading' ? 'loading' : 'blank';
  return status && screen === 'content' ? 'content' : 'blank';
}

/** Lets every ai-* element, and those each renders (at any depth), finish its pending update. */
export async function updatesDone(root: ParentNode): Promise<void> {
  const done = new Set<Element>();
  for (;;) {
    const pending = deepElements(root, (el) => el.localName.startsWith('ai-') && !done.has(el));
    if (pending.length === 0) return;
    for (const el of pending) done.add(el);
    await Promise.all(pending.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete));
  }
}
