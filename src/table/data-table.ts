/**
 * The one table core every element renders through: a native `<table>` in the element's shadow
 * root, sortable headers (a `<button>` in each, `aria-sort` on the sorted one), grouped headers
 * for paired columns, a totals row, and stable parts for theming.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { emit } from '../events.js';
import { cellClass, rows as bodyRows } from './rows.js';
import { collator, formatSort, nextSort, parseSort, sortRows, type SortState, type SortValue } from './sort.js';
import { isWindowed } from './window.js';

export { cellClass } from './rows.js';

export interface Column<R> {
  /** Stable key, used by the `sort` attribute and events. */
  key: string;
  /** Header text. */
  label: string;
  /** Group header for paired columns; consecutive columns with the same group share it. */
  group?: string;
  /** Numbers: end-aligned with tabular figures. */
  numeric?: boolean;
  /** This column's cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean;
  /** The value the column sorts by; columns without one are not sortable (unless `sortable`). */
  sortValue?: (row: R) => SortValue;
  /** Sortable although it has no `sortValue`: the rows come sorted from elsewhere (a server). */
  sortable?: boolean;
  /** The cell's content: text, numbers, DOM nodes or a lit template (never markup from data). */
  cell: (row: R) => unknown;
  /** The totals row's content for this column. */
  total?: (rows: readonly R[]) => unknown;
  /** Hidden when the table is narrower than 640px (its content should then show elsewhere). */
  hideWhenNarrow?: boolean;
}

export interface TableOptions<R> {
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** Extra classes for a row (e.g. `inactive`, `has-problem`). */
  rowClass?: (row: R) => string;
  /** Accessible name of the table. */
  caption: string;
  /** Label of the totals row's first cell; omit for no totals row. */
  totalsLabel?: string;
  /** The rows arrive sorted (server-side sorting): show the sort, do not apply it. */
  presorted?: boolean;
  /** For a window onto a longer list: the list's length and the first shown row's index (0-based). */
  window?: { total: number; offset: number };
  /** Loading: show this many shimmering rows instead of `rows`, in the same table (the header, and focus on it, stay). */
  loadingRows?: number;
}

export interface SortableHost extends ReactiveControllerHost, HTMLElement {
  /** `key:asc|desc`, reflected; unset for the data's own order. */
  sort: string | undefined;
  /** The locale for collation. */
  readonly effectiveLocale: string | undefined;
}

const SORT_ICON = html`<svg part="sort-indicator" class="sort-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M8 3.5 12 8.5H4z" class="up"></path>
  <path d="M8 12.5 4 7.5h8z" class="down"></path>
</svg>`;

/**
 * Holds no state of its own beyond memoised sorting: the sort lives in the host's `sort` property
 * so it reflects to the attribute and survives re-renders.
 */
/** Where a table's sort state lives; by default the host's `sort` property. */
export interface SortAccess {
  get(): string | undefined;
  set(value: string): void;
}

export class DataTableController<R> implements ReactiveController {
  private memo: { rows: readonly R[]; sort: string; locale: string | undefined; result: readonly R[] } | undefined;
  private readonly access: SortAccess;

  constructor(
    private readonly host: SortableHost | (ReactiveControllerHost & HTMLElement & { readonly effectiveLocale: string | undefined }),
    access?: SortAccess,
  ) {
    host.addController(this);
    this.access = access ?? { get: () => (host as SortableHost).sort, set: (value) => ((host as SortableHost).sort = value) };
  }

  hostDisconnected(): void {
    this.memo = undefined;
  }

  get sortState(): SortState | undefined {
    return parseSort(this.access.get());
  }

  private built: { inputs: readonly unknown[]; columns: readonly Column<R>[] } | undefined;

  /**
   * The columns, built again only when one of `inputs` changes (compared with `===`). A table's rows
   * are built once per set of columns, so a table whose columns are new on every render would
   * rebuild every row on every render.
   */
  columnsFor(inputs: readonly unknown[], build: () => readonly Column<R>[]): readonly Column<R>[] {
    const built = this.built;
    if (!built || built.inputs.length !== inputs.length || built.inputs.some((input, i) => input !== inputs[i])) this.built = { inputs, columns: build() };
    return (this.built as { columns: readonly Column<R>[] }).columns;
  }

  /** Rows in display order, memoised on (rows, sort, locale). */
  sorted(rows: readonly R[], columns: readonly Column<R>[]): readonly R[] {
    const sort = this.sortState;
    const column = sort && columns.find((c) => c.key === sort.key && c.sortValue);
    if (!sort || !column?.sortValue) return rows;
    const memo = this.memo;
    const key = this.access.get() ?? '';
    if (memo && memo.rows === rows && memo.sort === key && memo.locale === this.host.effectiveLocale) return memo.result;
    const result = sortRows(rows, column.sortValue, sort.direction, collator(this.host.effectiveLocale));
    this.memo = { rows, sort: key, locale: this.host.effectiveLocale, result };
    return result;
  }

  private activate(key: string): void {
    const next = nextSort(this.sortState, key);
    if (emit(this.host, 'ai-sort-change', { sortKey: next.key, sortDirection: next.direction }, { cancelable: true })) this.access.set(formatSort(next));
  }

  private headerCell(column: Column<R>, sort: SortState | undefined, attrs: { rowspan?: number }): TemplateResult {
    const sortable = column.sortable ?? !!column.sortValue;
    const sorted = sort?.key === column.key && sortable ? sort.direction : undefined;
    const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : nothing;
    const align = cellClass(column);
    const hiddenGroup = column.group ? html`<span class="visually-hidden">${column.group}, </span>` : nothing;
    const content = sortable
      ? html`<button type="button" part="sort-button" class="sort-button ${sorted ? `sorted ${sorted}` : ''}" @click=${() => this.activate(column.key)}>
          ${hiddenGroup}<span class="label">${column.label}</span>${SORT_ICON}
        </button>`
      : html`${hiddenGroup}<span class="label">${column.label}</span>`;
    return html`<th scope="col" part="header-cell" class="${align}" data-key=${column.key} rowspan=${attrs.rowspan ?? nothing} aria-sort=${ariaSort}>${content}</th>`;
  }

  private header(columns: readonly Column<R>[], sort: SortState | undefined, indexed = false): TemplateResult {
    const grouped = columns.some((c) => c.group);
    if (!grouped) {
      return html`<tr part="header-row" aria-rowindex=${indexed ? 1 : nothing}>
        ${columns.map((c) => this.headerCell(c, sort, {}))}
      </tr>`;
    }
    const top: TemplateResult[] = [];
    const bottom: TemplateResult[] = [];
    for (let i = 0; i < columns.length;) {
      const column = columns[i] as Column<R>;
      if (!column.group) {
        top.push(this.headerCell(column, sort, { rowspan: 2 }));
        i++;
        continue;
      }
      let span = 0;
      while (columns[i + span]?.group === column.group) span++;
      top.push(
        html`<th scope="colgroup" colspan=${span} part="header-cell group-header-cell" class="group">
          <span class="label">${column.group}</span>
        </th>`,
      );
      for (let j = i; j < i + span; j++) bottom.push(this.headerCell(columns[j] as Column<R>, sort, {}));
      i += span;
    }
    return html`<tr part="header-row" aria-rowindex=${indexed ? 1 : nothing}>
        ${top}
      </tr>
      <tr part="header-row" aria-rowindex=${indexed ? 2 : nothing}>
        ${bottom}
      </tr>`;
  }

  /** `<colgroup>`s matching the grouped headers, so `scope="colgroup"` has groups to name. */
  private colgroups(columns: readonly Column<R>[]): TemplateResult[] {
    const out: TemplateResult[] = [];
    for (let i = 0; i < columns.length;) {
      let span = 1;
      const group = columns[i]?.group;
      if (group) while (columns[i + span]?.group === group) span++;
      out.push(group ? html`<colgroup span=${span}></colgroup>` : html`<col />`);
      i += span;
    }
    return out;
  }

  render(options: TableOptions<R>): TemplateResult {
    const { columns, rowClass } = options;
    const sort = this.sortState;
    const rows = options.presorted ? options.rows : this.sorted(options.rows, columns);
    const headerRows = columns.some((c) => c.group) ? 2 : 1;
    // Row indices (and the row count) when only part of the list is in the DOM: a server's page, or a window of a long list.
    const total = options.window?.total ?? rows.length;
    const indexed = !options.loadingRows && (!!options.window || isWindowed(rows.length));
    const offset = options.window?.offset ?? 0;
    const footer = options.totalsLabel === undefined ? 0 : 1;
    return html`<div class="scroller" part="scroller" tabindex="0" role="region" aria-label=${options.caption} aria-busy=${options.loadingRows ? 'true' : nothing}>
      <table part="table" class=${options.loadingRows ? 'skeleton' : nothing} aria-rowcount=${indexed ? total + headerRows + footer : nothing}>
        <caption class="visually-hidden">
          ${options.caption}
        </caption>
        ${this.colgroups(columns)}
        <thead part="header">
          ${this.header(columns, sort, indexed)}
        </thead>
        <tbody
          part="body"
          aria-hidden=${options.loadingRows ? 'true' : nothing}
          ${bodyRows({ rows, columns, rowClass, indexBase: indexed ? headerRows + offset : undefined, loadingRows: options.loadingRows })}
        ></tbody>
        ${
          options.totalsLabel === undefined
            ? nothing
            : html`<tfoot>
                <tr part="totals-row" aria-rowindex=${indexed ? total + headerRows + 1 : nothing}>
                  ${columns.map((c) =>
                    c.rowHeader
                      ? html`<th scope="row" part="cell totals-cell" class="text row-header-col">${options.totalsLabel}</th>`
                      : html`<td part="cell totals-cell${c.numeric ? ' numeric-cell' : ''}" class=${cellClass(c, false)}>${c.total ? c.total(rows) : nothing}</td>`,
                  )}
                </tr>
              </tfoot>`
        }
      </table>
    </div>`;
  }

  /**
   * A placeholder of the table's shape before any data: the real header (without sort buttons) and
   * shimmering rows. A table that reloads keeps its own header instead (`loadingRows`).
   */
  renderSkeleton(columns: readonly Column<R>[], caption: string, rowCount = 5): TemplateResult {
    const headerColumns = columns.map((c) => ({ ...c, sortValue: undefined, sortable: false }));
    return html`<div class="scroller" part="scroller">
      <table part="table" class="skeleton">
        <caption class="visually-hidden">
          ${caption}
        </caption>
        <thead part="header">
          ${this.header(headerColumns, undefined)}
        </thead>
        <tbody aria-hidden="true">
          ${Array.from(
            { length: rowCount },
            () =>
              html`<tr part="row">
                ${columns.map((c) => html`<td class=${cellClass(c, false)}><span class="bone"></span></td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
