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

export type { SortChangeDetail };

declare global {
  interface GlobalEventHandlersEventMap {
    'ai-load': CustomEvent<LoadDetail>;
    'ai-error': CustomEvent<ErrorDetail>;
    'ai-sort-change': CustomEvent<SortChangeDetail>;
  }
}
