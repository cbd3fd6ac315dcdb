/**
 * Shared by every browser test: fails a test on any Lit dev-mode warning, and small helpers that
 * read what a user sees inside the shadow root.
 */
import { expect, waitUntil } from '@open-wc/testing';

const warnings: string[] = [];
const originalWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  // The one-time notice that the development build is in use is expected in tests.
  if (!/Lit is in dev mode/.test(text)) warnings.push(text);
  originalWarn(...args);
};

afterEach(() => {
  const seen = warnings.splice(0);
  expect(seen, `Lit warnings: ${seen.join('\n')}`).to.deep.equal([]);
});

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** Visible text, whitespace collapsed. */
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function bodyRows(el: Element): HTMLTableRowElement[] {
  return [...shadow(el).querySelectorAll<HTMLTableRowElement>('table:not(.skeleton) tbody tr:not(.spacer)')];
}

/** Cell texts of every body row (screen-reader-only text included, as a user of AT hears it). */
export function rowTexts(el: Element): string[][] {
  return bodyRows(el).map((tr) => [...tr.cells].map((c) => text(c)));
}

export function headerButton(el: Element, key: string): HTMLButtonElement {
  const button = shadow(el).querySelector<HTMLButtonElement>(`th[data-key="${key}"] button`);
  if (!button) throw new Error(`no sort button for ${key}`);
  return button;
}

export function headerCell(el: Element, key: string): HTMLTableCellElement {
  const th = shadow(el).querySelector<HTMLTableCellElement>(`th[data-key="${key}"]`);
  if (!th) throw new Error(`no header cell for ${key}`);
  return th;
}

/** Waits until the element shows a table, a state panel other than loading, or the timeout. */
export async function settled(el: Element, what: 'table' | 'state' = 'table'): Promise<void> {
  const selector = what === 'table' ? 'table:not(.skeleton) tbody tr:not(.spacer)' : '.state';
  await waitUntil(() => shadow(el).querySelector(selector), `no ${what} shown`, { timeout: 5000 });
}

/** Asserts nothing like NaN/undefined/null/[object Object] is rendered anywhere in the element. */
export function expectCleanText(el: Element): void {
  const all = text(shadow(el) as unknown as Element);
  expect(all).not.to.match(/\bNaN\b|\bundefined\b|\bnull\b|\[object Object\]/);
}

/** Unique tags keep each test's requests apart in the demo backend's log. */
let counter = 0;
export const uniqueTag = (name: string) => `${name}-${Date.now().toString(36)}-${++counter}`;

export async function serverLog(tag: string): Promise<{ method: string; operation: string; query: Record<string, string> }[]> {
  const response = await fetch(`/api/_log?tag=${encodeURIComponent(tag)}`);
  return (await response.json()).requests;
}

/** Where to look: an element's shadow root when it has one, else the element (or root) itself. */
const scopeOf = (el: Element | ShadowRoot): Element | ShadowRoot => (el instanceof Element && el.shadowRoot ? el.shadowRoot : el);

/** The first element of the shadow root with this part name (what `::part(name)` styles; see the element's `@csspart`). */
export function byPart<E extends Element = HTMLElement>(el: Element, name: string): E | null {
  return shadow(el).querySelector<E>(`[part~="${name}"]`);
}

/** Every element of the shadow root with this part name. */
export function allByPart<E extends Element = HTMLElement>(el: Element, name: string): E[] {
  return [...shadow(el).querySelectorAll<E>(`[part~="${name}"]`)];
}

const IMPLICIT_ROLES: Record<string, string> = { button: 'button', dialog: 'dialog', table: 'table', tr: 'row', td: 'cell', select: 'combobox', li: 'listitem', meter: 'meter' };

/** The explicit `role`, else the implicit role of the elements the components use. */
function roleOf(node: Element): string | null {
  const explicit = node.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0]!;
  const tag = node.localName;
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'input') return (node as HTMLInputElement).type === 'search' ? 'searchbox' : (node as HTMLInputElement).type === 'checkbox' ? 'checkbox' : 'textbox';
  if (tag === 'a') return node.hasAttribute('href') ? 'link' : null;
  if (tag === 'th') return node.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
  if (tag === 'section') return node.hasAttribute('aria-label') || node.hasAttribute('aria-labelledby') ? 'region' : null;
  return IMPLICIT_ROLES[tag] ?? null;
}

/** The accessible name, roughly as assistive tech computes it: aria-labelledby, aria-label, then the text. */
export function accessibleName(node: Element): string {
  const labelledBy = node.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = node.getRootNode() as Document | ShadowRoot;
    return labelledBy
      .split(/\s+/)
      .map((id) => text(root.getElementById(id)))
      .join(' ')
      .trim();
  }
  return (node.getAttribute('aria-label') ?? text(node)).replace(/\s+/g, ' ').trim();
}

/**
 * Elements with this ARIA role, optionally with this accessible name (the whole name, or a pattern),
 * in `el`'s shadow root (or in `el` itself when it has none).
 */
export function allByRole<E extends Element = HTMLElement>(el: Element | ShadowRoot, role: string, name?: string | RegExp): E[] {
  return [...scopeOf(el).querySelectorAll<E>('*')].filter((node) => {
    if (roleOf(node) !== role) return false;
    if (name === undefined) return true;
    const actual = accessibleName(node);
    return typeof name === 'string' ? actual === name : name.test(actual);
  });
}

/** The first element with this ARIA role (and accessible name), or null. */
export function byRole<E extends Element = HTMLElement>(el: Element | ShadowRoot, role: string, name?: string | RegExp): E | null {
  return allByRole<E>(el, role, name)[0] ?? null;
}
