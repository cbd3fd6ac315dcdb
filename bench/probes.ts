/**
 * How the page reads what a user sees of each contestant: the first data row's text, the sort
 * button of "Billable minutes this month", whether that column shows as sorted ascending, the filter
 * box, the calls list's "Next page" button. For tables (ours, hand-written, lit-virtualizer) only
 * what a user or assistive tech meets is used: rows in a `tbody` or `role="rowgroup"`, header cells
 * with a `<button>`, `aria-sort`, `input[type=search]`, accessible names. So the probes keep working
 * while the insides of our table change (windowing, spacer rows, leaner rows). Vaadin Grid slots its
 * cell contents, so it has its own probe.
 */

export interface Probe {
  firstRowText(host: HTMLElement): string;
  sortButton(host: HTMLElement): HTMLElement | null;
  sortedAscending(host: HTMLElement): boolean;
  filterBox(host: HTMLElement): HTMLInputElement | null;
}

/**
 * Elements named `tag` in the host's light DOM and in its children's shadow roots, in document
 * order, found lazily: a probe runs every frame while the page waits, and stopping at the first
 * match keeps it cheap even with 100,000 rows in the DOM (a `querySelectorAll` would visit them all).
 */
function* byTag(host: Element, tag: string): Generator<Element> {
  yield* host.getElementsByTagName(tag);
  for (const child of host.children) {
    for (const top of child.shadowRoot?.children ?? []) {
      if (top.localName === tag) yield top;
      yield* top.getElementsByTagName(tag);
    }
  }
}

/** The host and its children's shadow roots (for the role-based fallbacks, used only where there is no native table). */
const roots = (host: Element): (Element | ShadowRoot)[] => [host, ...[...host.children].flatMap((c) => (c.shadowRoot ? [c.shadowRoot] : []))];

/** Text as read: text nodes joined by spaces, whitespace collapsed. */
export function textOf(node: Node): string {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let text = walker.nextNode(); text; text = walker.nextNode()) parts.push((text as Text).data);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Whether `text` holds `name` as whole words (so "Agent 2" is not found in "Agent 21"). */
export function hasName(text: string, name: string): boolean {
  return ` ${text} `.includes(` ${name.replace(/\s+/g, ' ').trim()} `);
}

const hidden = (el: Element) => el.getAttribute('aria-hidden') === 'true';

/** The first row with text among `rows`, skipping rows hidden from assistive tech and header rows (skeleton and spacer rows have no text). */
function firstWithText(rows: Iterable<Element>): string | undefined {
  for (const row of rows) {
    if (hidden(row) || row.querySelector('th[scope="col"], [role="columnheader"]')) continue;
    const text = textOf(row);
    if (text) return text;
  }
  return undefined;
}

/** The first data row: in a `tbody` (or a `role="rowgroup"`) that is not hidden from assistive tech. */
function firstTableRow(host: HTMLElement): string {
  let tables = false;
  for (const body of byTag(host, 'tbody')) {
    tables = true;
    if (body.closest('[aria-hidden="true"]')) continue;
    const text = firstWithText(body.children);
    if (text) return text;
  }
  if (tables) return '';
  for (const root of roots(host)) {
    for (const group of root.querySelectorAll('[role="rowgroup"]')) {
      if (group.closest('[aria-hidden="true"]')) continue;
      const text = firstWithText(group.querySelectorAll(':scope > [role="row"]'));
      if (text) return text;
    }
  }
  return '';
}

const BILLABLE_MONTH = /billable minutes\W+this month/i;

/** The `<button>` in the header cell of "Billable minutes, this month" (header cells come before the rows: found early). */
function tableSortButton(host: HTMLElement): HTMLElement | null {
  const match = (cell: Element) => {
    const button = cell.querySelector('button');
    return button && BILLABLE_MONTH.test(textOf(button)) ? button : null;
  };
  let tables = false;
  for (const cell of byTag(host, 'th')) {
    tables = true;
    const button = match(cell);
    if (button) return button;
  }
  if (tables) return null;
  for (const root of roots(host)) {
    for (const cell of root.querySelectorAll('[role="columnheader"]')) {
      const button = match(cell);
      if (button) return button;
    }
  }
  return null;
}

function filterBox(host: HTMLElement): HTMLInputElement | null {
  for (const input of byTag(host, 'input')) if ((input as HTMLInputElement).type === 'search') return input as HTMLInputElement;
  return null;
}

/** Ours, hand-written DOM and lit-virtualizer: table semantics as assistive tech reads them. */
export const tableProbe: Probe = {
  firstRowText: firstTableRow,
  sortButton: tableSortButton,
  sortedAscending: (host) => tableSortButton(host)?.closest('th, [role="columnheader"]')?.getAttribute('aria-sort') === 'ascending',
  filterBox,
};

type GridRow = HTMLTableRowElement & { index?: number };

const sorter = (host: HTMLElement) =>
  [...host.querySelectorAll<HTMLElement & { path?: string; direction?: string | null }>('vaadin-grid-sorter')].find((s) => s.path === 'billableMinutesThisMonth') ?? null;

/** Vaadin Grid: its rows are reused out of order (each knows its `index`); cell contents are slotted from the light DOM. */
export const vaadinProbe: Probe = {
  firstRowText(host) {
    const items = host.querySelector('vaadin-grid')?.shadowRoot?.querySelector('#items');
    const row = items && ([...items.children] as GridRow[]).find((r) => !r.hidden && r.index === 0);
    if (!row) return '';
    return [...row.querySelectorAll('slot')]
      .flatMap((slot) => slot.assignedElements().map(textOf))
      .join(' ')
      .trim();
  },
  sortButton: sorter,
  sortedAscending: (host) => sorter(host)?.direction === 'asc',
  filterBox: () => null,
};

/** The calls list's "Next page" button, by its accessible name. */
export function nextPageButton(host: HTMLElement): HTMLButtonElement | null {
  for (const button of byTag(host, 'button')) {
    if (/^next page$/i.test(button.getAttribute('aria-label') ?? textOf(button))) return button as HTMLButtonElement;
  }
  return null;
}
