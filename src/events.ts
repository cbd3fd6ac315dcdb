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

/** `ai-trial-activate-request`: the user confirmed activation; cancel to handle it yourself (nothing is sent). */
export type TrialActivateRequestDetail = Record<string, never>;

/** `ai-trial-activated`: the server confirmed the trial as active. */
export interface TrialActivatedDetail {
  trial: { status: 'active'; endsAt: string | undefined };
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
    'ai-trial-activate-request': CustomEvent<TrialActivateRequestDetail>;
    'ai-trial-activated': CustomEvent<TrialActivatedDetail>;
    'ai-show-history': CustomEvent<Record<string, never>>;
  }
}
