/**
 * What every filterable table offers besides its rows: the filter (value, memo, `ai-filter-change`),
 * the rows shown (filter, then sort), and the CSV export of exactly those rows.
 */
import { currentScope } from '../i18n/localize.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import { toCsv, type CsvField } from '../table/csv.js';
import { DataTableController, type Column } from '../table/data-table.js';
import { filterRows, prepareFilter } from '../table/filter.js';
import { collator, prepareSortKeys } from '../table/sort.js';
import { FocusKeeper } from '../ui/focus-keeper.js';
import { inBackground } from './yield.js';

/** Lists from this many rows get their search texts folded and their text columns ranked ahead of the first query or sort, in the background. */
const PREPARE_FROM = 2000;

export interface TableToolsHost extends ReactiveControllerHost, HTMLElement {
  /** `key:asc|desc`; the table core reads and writes it. */
  sort: string | undefined;
  /** The filter text; this controller writes it when the user types. */
  filter: string;
  readonly effectiveLocale: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface TableToolsOptions<R> {
  /** Builds the columns; called again only when the locale or `columnsKey` changes (a row's cells are built once). */
  columns: () => readonly Column<R>[];
  /** What else the cells depend on besides the row and the locale (e.g. the reference date and time zone of "16 days left"). */
  columnsKey?: () => string;
  /** The texts the filter searches. */
  searchable: (row: R) => readonly (string | undefined)[];
  csvFields: () => readonly CsvField<R>[];
}

export class TableTools<R> implements ReactiveController {
  /** The one table core, with the sort in the host's `sort` property. */
  readonly table: DataTableController<R>;
  private memo: { rows: readonly R[]; filter: string; result: readonly R[] } | undefined;

  constructor(
    private readonly host: TableToolsHost,
    private readonly options: TableToolsOptions<R>,
  ) {
    // Focus that a re-render would drop (Retry giving way to the rows, Export CSV disabled by a reload) moves to the table's region or the state panel.
    this.table = new DataTableController<R>(host);
    new FocusKeeper(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.memo = undefined;
    this.preparing?.controller.abort();
    this.preparing = undefined;
  }

  /** The table's columns, built once per locale and language (and `columnsKey`). */
  get columns(): readonly Column<R>[] {
    // Keyed by the words' language too: columns built outside the element's scope are English.
    return this.table.columnsFor([this.host.effectiveLocale, currentScope().language, this.options.columnsKey?.()], this.options.columns);
  }

  private preparing: { rows: readonly R[]; locale: string | undefined; controller: AbortController } | undefined;

  /**
   * Folds the search texts of a long list and ranks its text columns in time slices of background
   * priority (after the page's own tasks and paints), so that the first keystroke and the first sort
   * are as quick as the next.
   */
  private prepare(rows: readonly R[]): void {
    const locale = this.host.effectiveLocale;
    if (rows.length < PREPARE_FROM || (this.preparing?.rows === rows && this.preparing.locale === locale)) return;
    this.preparing?.controller.abort();
    const { signal } = (this.preparing = { rows, locale, controller: new AbortController() }).controller;
    const order = collator(locale);
    const texts = this.columns.filter((c) => c.sortValue && !c.numeric);
    inBackground(async () => {
      await prepareFilter(rows, this.options.searchable, { signal });
      for (const column of texts) await prepareSortKeys(rows, column.sortValue!, order, { signal });
    }).catch(() => undefined);
  }

  /** Rows that pass the filter, in the data's order (memoised on rows and filter). */
  filtered(rows: readonly R[]): readonly R[] {
    this.prepare(rows);
    const memo = this.memo;
    if (memo && memo.rows === rows && memo.filter === this.host.filter) return memo.result;
    const result = filterRows(rows, this.host.filter, this.options.searchable);
    this.memo = { rows, filter: this.host.filter, result };
    return result;
  }

  /** Rows as shown: filtered, then sorted. */
  shown(rows: readonly R[]): readonly R[] {
    return this.table.sorted(this.filtered(rows), this.columns);
  }

  /** The user typed in the filter box. */
  setFilter(value: string): void {
    if (value === this.host.filter) return;
    this.host.filter = value;
    emit(this.host, 'ai-filter-change', { filter: value });
  }

  /** Empties the filter and puts focus back in the box. */
  clearFilter(): void {
    this.setFilter('');
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('[part~="filter"]')?.focus());
  }

  /** Builds the CSV of `rows` (as shown), announces it, and downloads it unless a listener cancels; returns the CSV or `undefined`. */
  exportCsv(rows: readonly R[], filename: string): string | undefined {
    const csv = toCsv(this.options.csvFields() as CsvField<R>[], rows);
    if (!emit(this.host, 'ai-export', { filename, csv, rowCount: rows.length }, { cancelable: true })) return undefined;
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.host.renderRoot.append(link);
    link.click();
    link.remove();
    // Some browsers start the download asynchronously: keep the URL alive for a while.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return csv;
  }
}
