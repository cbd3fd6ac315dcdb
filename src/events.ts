import type { SortChangeDetail } from './table/data-table.js';

/** `ai-load`: data arrived and is shown. */
export interface LoadDetail {
  /** Rows shown. */
  count: number;
  /** Rows kept despite invalid values (shown as "not available"). */
  rowsWithProblems: number;
}

/** `ai-error`: loading failed and the error state is shown. */
export interface ErrorDetail {
  /** Usually a `UsageDataError`, with `kind`, `status` and `operation`. */
  error: unknown;
}

/** `ai-filter-change`: the user typed in the filter box. */
export interface FilterChangeDetail {
  filter: string;
}

/** `ai-export`: a CSV export is about to download. Cancel it to handle the file yourself. */
export interface ExportDetail {
  filename: string;
  /** RFC 4180 text of exactly what is shown (filter and sort applied), numbers unformatted. */
  csv: string;
  rowCount: number;
}

/** `ai-tab-change`: the user switched tabs in `<ai-licenses-usage>`. */
export interface TabChangeDetail {
  tab: 'voice' | 'messaging';
}

export type { SortChangeDetail };

declare global {
  interface GlobalEventHandlersEventMap {
    'ai-load': CustomEvent<LoadDetail>;
    'ai-error': CustomEvent<ErrorDetail>;
    'ai-sort-change': CustomEvent<SortChangeDetail>;
    'ai-filter-change': CustomEvent<FilterChangeDetail>;
    'ai-export': CustomEvent<ExportDetail>;
    'ai-tab-change': CustomEvent<TabChangeDetail>;
  }
}
