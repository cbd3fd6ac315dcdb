/**
 * Every public event: its detail type, and the one way the elements dispatch it. All of them bubble
 * and are composed, so a host listens on the element or any ancestor, across shadow roots.
 */
import type { SortDirection } from './model/types.js';

/** `ai-load`: data arrived and is shown (`status` is `ready` or `empty`). */
export interface LoadDetail {
  /** Rows shown. */
  count: number;
  /** Rows kept despite invalid values (shown as "not available"). */
  rowsWithProblems: number;
}

/** `ai-error`: loading failed and the error state is shown (`status` is `error`). */
export interface ErrorDetail {
  /** Usually a `UsageDataError`, with `kind` (`timeout` among them), `status` and `operation`. */
  error: unknown;
}

/**
 * `ai-session-expired`: the backend answered 401, so the session has expired (or there is none).
 * Fired once per failure by the element that got it; the element shows "Your session has expired"
 * and retries nothing by itself. Sign the user in again, then call `reload()`.
 */
export interface SessionExpiredDetail {
  /** The contract operation that was refused, e.g. `voice/agents`. */
  operation: string;
}

/** `ai-sort-change`: the user sorted a column. Cancel it to keep the current order. */
export interface SortChangeDetail {
  sortKey: string;
  sortDirection: SortDirection;
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

/** `ai-show-history`: the user asked for the month-by-month history (from the usage dialog). */
export type ShowHistoryDetail = Record<string, never>;

/** `ai-tab-change`: the user switched tabs in `<ai-licenses-usage>`. */
export interface TabChangeDetail {
  tab: 'voice' | 'messaging';
}

/** `ai-month-change`: the user picked another month in the calls list. */
export interface MonthChangeDetail {
  month: string;
}

/** Every public event by name, with its detail. */
export interface AiUsageEventDetails {
  'ai-load': LoadDetail;
  'ai-error': ErrorDetail;
  'ai-session-expired': SessionExpiredDetail;
  'ai-sort-change': SortChangeDetail;
  'ai-filter-change': FilterChangeDetail;
  'ai-export': ExportDetail;
  'ai-tab-change': TabChangeDetail;
  'ai-month-change': MonthChangeDetail;
  'ai-trial-activate-request': TrialActivateRequestDetail;
  'ai-trial-activated': TrialActivatedDetail;
  'ai-show-history': ShowHistoryDetail;
}

export type AiUsageEventName = keyof AiUsageEventDetails;

/**
 * Dispatches a public event from `target`: bubbles and crosses shadow roots. Returns `false` when a
 * listener cancelled a cancelable event.
 */
export function emit<K extends AiUsageEventName>(target: EventTarget, type: K, detail: AiUsageEventDetails[K], options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: !!options.cancelable }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ai-load': CustomEvent<LoadDetail>;
    'ai-error': CustomEvent<ErrorDetail>;
    'ai-session-expired': CustomEvent<SessionExpiredDetail>;
    'ai-sort-change': CustomEvent<SortChangeDetail>;
    'ai-filter-change': CustomEvent<FilterChangeDetail>;
    'ai-export': CustomEvent<ExportDetail>;
    'ai-tab-change': CustomEvent<TabChangeDetail>;
    'ai-month-change': CustomEvent<MonthChangeDetail>;
    'ai-trial-activate-request': CustomEvent<TrialActivateRequestDetail>;
    'ai-trial-activated': CustomEvent<TrialActivatedDetail>;
    'ai-show-history': CustomEvent<ShowHistoryDetail>;
  }
}
