/**
 * The rows of a table's body, kept in the DOM by hand: each row is built once (per row object and
 * set of columns) with plain DOM calls and moved, not rebuilt, when the order changes. Up to
 * `WINDOW_THRESHOLD` rows every row is in the DOM; above it only the rows in view (plus a margin),
 * between two spacer rows that keep the scroll height, with `aria-rowindex` on each row so assistive
 * tech knows where in the list it is.
 */
import { noChange, type ElementPart, type RenderOptions } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';
import { currentScope, inScope, type LocaleScope } from '../i18n/localize.js';
import { append, h } from './dom.js';
import { FIRST_SCREEN, isWindowed, rowRange } from './window.js';

/** What the body needs of a column. */
export interface RowColumn<R> {
  numeric?: boolean;
  rowHeader?: boolean;
  hideWhenNarrow?: boolean;
  cell: (row: R) => unknown;
}

export interface RowsSpec<R> {
  rows: readonly R[];
  columns: readonly RowColumn<R>[];
  /** Extra classes for a row; must depend on the row only (a row is built once). */
  rowClass?: ((row: R) => string) | undefined;
  /** `aria-rowindex` of the row before `rows[0]` (header rows and earlier pages); omit when the table shows every row and needs none. */
  indexBase?: number | undefined;
  /** Show this many shimmering rows instead of `rows`. */
  loadingRows?: number | undefined;
}

/** A cell's classes from its column: alignment, narrow-layout visibility, and (optionally) the row-header column. */
export function cellClass(column: Pick<RowColumn<unknown>, 'numeric' | 'hideWhenNarrow' | 'rowHeader'>, rowHeader = true): string {
  return `${column.numeric ? 'numeric' : 'text'}${column.hideWhenNarrow ? ' wide-only' : ''}${rowHeader && column.rowHeader ? ' row-header-col' : ''}`;
}

/** The elements around `el` that scroll, nearest first, across shadow roots (the page's own scrolling is the window's). */
function scrollingAncestors(el: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof HTMLElement && node !== document.body && node !== document.documentElement && /auto|scroll|overlay/.test(getComputedStyle(node).overflowY))
      found.push(node);
  }
  return found;
}

/** A row's height before one has been measured (the default `--ai-usage-row-height`). */
const ESTIMATED_ROW_HEIGHT = 44;

class RowsDirective<R> extends AsyncDirective {
  private body: HTMLTableSectionElement | undefined;
  private options: RenderOptions | undefined;
  /** The language the element renders in: rows drawn later, on scroll, speak it too. */
  private scope: LocaleScope | undefined;
  private spec: RowsSpec<R> | undefined;
  private columns: readonly RowColumn<R>[] | undefined;
  private built = new Map<R, HTMLTableRowElement>();
  private rowHeight = ESTIMATED_ROW_HEIGHT;
  private listening: HTMLElement | undefined;
  /** The table's scroller and the scrolling boxes around it: what the visible part is clipped to. */
  private clips: HTMLElement[] = [];
  private frame = 0;
  private resize: ResizeObserver | undefined;
  /** What the body shows now, so a scroll that changes nothing touches nothing. */
  private drawn: { rows: readonly R[]; columns: readonly RowColumn<R>[]; indexBase: number | undefined; start: number; end: number; rowHeight: number } | undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('rows() belongs on a <tbody>');
  }

  render(_spec: RowsSpec<R>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [spec]: [RowsSpec<R>]): unknown {
    this.body = part.element as HTMLTableSectionElement;
    this.options = part.options;
    this.scope = currentScope();
    if (spec.columns !== this.columns) {
      this.built.clear();
      this.columns = spec.columns;
    }
    this.spec = spec;
    this.sync();
    return noChange;
  }

  protected override disconnected(): void {
    this.listen(false);
  }

  protected override reconnected(): void {
    this.sync();
  }

  private readonly onScroll = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.sync();
    });
  };

  /**
   * Follows scrolling and size changes while the table is windowed: of the table's own scroller, of
   * every element around it that scrolls (in the page or in other shadow roots, whose scroll events
   * do not reach the window) and of the page.
   */
  private listen(on: boolean): void {
    const scroller = on ? (this.body?.closest<HTMLElement>('.scroller') ?? undefined) : undefined;
    if (scroller === this.listening) {
      // On the first render the table is still in lit's fragment: the boxes around it are known once it is in the page.
      if (scroller?.isConnected && this.clips.length === 0) this.watch([scroller, ...scrollingAncestors(scroller)]);
      return;
    }
    for (const el of this.clips) el.removeEventListener('scroll', this.onScroll);
    this.clips = [];
    if (this.listening) {
      removeEventListener('scroll', this.onScroll, true);
      this.resize?.disconnect();
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    this.listening = scroller;
    if (!scroller) return;
    addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    if (scroller.isConnected) this.watch([scroller, ...scrollingAncestors(scroller)]);
  }

  private watch(clips: HTMLElement[]): void {
    this.clips = clips;
    this.resize ??= new ResizeObserver(this.onScroll);
    for (const el of clips) {
      el.addEventListener('scroll', this.onScroll, { passive: true });
      this.resize.observe(el);
    }
  }

  /** Where the visible part of the table lies (inside the viewport and every scrolling box around it), from the top of the first row. */
  private viewport(body: HTMLElement): { top: number; bottom: number } {
    const rows = body.getBoundingClientRect();
    let top = 0;
    let bottom = innerHeight;
    for (const el of this.clips) {
      const box = el.getBoundingClientRect();
      top = Math.max(top, box.top);
      bottom = Math.min(bottom, box.bottom);
    }
    return { top: top - rows.top, bottom: bottom - rows.top };
  }

  private row(row: R, columns: readonly RowColumn<R>[], rowClass: RowsSpec<R>['rowClass']): HTMLTableRowElement {
    let tr = this.built.get(row);
    if (tr) return tr;
    tr = document.createElement('tr');
    tr.setAttribute('part', 'row');
    const classes = rowClass?.(row).trim();
    if (classes) tr.className = classes;
    for (const column of columns) {
      const cell = document.createElement(column.rowHeader ? 'th' : 'td');
      if (column.rowHeader) cell.setAttribute('scope', 'row');
      cell.setAttribute('part', column.rowHeader ? 'cell row-header' : column.numeric ? 'cell numeric-cell' : 'cell');
      cell.className = cellClass(column);
      append(cell, column.cell(row), this.options);
      tr.appendChild(cell);
    }
    this.built.set(row, tr);
    return tr;
  }

  private spacer(height: number, columns: number): HTMLTableRowElement {
    const cell = h('td', { colspan: String(columns) });
    cell.style.height = `${height}px`;
    return h('tr', { class: 'spacer', 'aria-hidden': 'true' }, cell) as HTMLTableRowElement;
  }

  private sync(): void {
    if (this.scope) inScope(this.scope, () => this.draw(false));
  }

  private draw(remeasured: boolean): void {
    const { body, spec } = this;
    if (!body || !spec || !this.isConnected) return;
    const { rows, columns, rowClass, indexBase, loadingRows } = spec;
    if (loadingRows) {
      this.listen(false);
      this.built.clear();
      this.drawn = undefined;
      const bone = () => h('tr', { class: 'loading' }, ...columns.map((c) => h('td', { class: cellClass(c, false) }, h('span', { class: 'bone' }))));
      body.replaceChildren(...Array.from({ length: loadingRows }, bone));
      return;
    }
    const windowed = isWindowed(rows.length);
    this.listen(windowed);
    const drawn = this.drawn;
    // A first window is drawn without asking for layout (that would lay out the page twice in this
    // update); the next frame measures where the table is and corrects the range.
    const measured = windowed && !!drawn;
    const { start, end } = !windowed
      ? { start: 0, end: rows.length }
      : measured
        ? rowRange({ total: rows.length, rowHeight: this.rowHeight, ...this.viewport(body) })
        : { start: 0, end: Math.min(rows.length, FIRST_SCREEN) };
    if (windowed && !measured) this.onScroll();
    // A render that changes nothing the body shows (a new spec object with the same rows, columns and
    // indices) leaves the rows alone: a selection, find-in-page and a screen reader's place stay.
    if (
      drawn &&
      drawn.rows === rows &&
      drawn.columns === columns &&
      drawn.indexBase === indexBase &&
      drawn.start === start &&
      drawn.end === end &&
      drawn.rowHeight === this.rowHeight
    )
      return;
    this.drawn = { rows, columns, indexBase, start, end, rowHeight: this.rowHeight };
    const previous = this.built;
    this.built = new Map();
    const shown: HTMLTableRowElement[] = [];
    for (let i = start; i < end; i++) {
      const row = rows[i] as R;
      const built = previous.get(row);
      if (built) this.built.set(row, built);
      const tr = built ?? this.row(row, columns, rowClass);
      if (indexBase !== undefined) tr.setAttribute('aria-rowindex', String(indexBase + i + 1));
      else tr.removeAttribute('aria-rowindex');
      shown.push(tr);
    }
    const nodes: Node[] = [...shown];
    if (start > 0) nodes.unshift(this.spacer(start * this.rowHeight, columns.length));
    if (end < rows.length) nodes.push(this.spacer((rows.length - end) * this.rowHeight, columns.length));
    body.replaceChildren(...nodes);
    if (measured && shown.length > 0 && this.measure(shown) && !remeasured) this.draw(true);
  }

  /** Learns the row height from the rendered rows; true when it changed (the spacers and the range then need laying again). */
  private measure(shown: HTMLTableRowElement[]): boolean {
    const first = (shown[0] as HTMLTableRowElement).getBoundingClientRect();
    const last = (shown[shown.length - 1] as HTMLTableRowElement).getBoundingClientRect();
    const height = (last.bottom - first.top) / shown.length;
    if (!(height > 0) || Math.abs(height - this.rowHeight) <= 0.5) return false;
    this.rowHeight = height;
    return true;
  }
}

/** The body's rows (`<tbody ${rows(spec)}>`): every row, or above `WINDOW_THRESHOLD` the ones in view. */
export const rows = directive(RowsDirective) as <R>(spec: RowsSpec<R>) => unknown;
