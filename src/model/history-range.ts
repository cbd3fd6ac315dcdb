/** The months and pages the history and calls list show (pure, no DOM). */
import { addMonths, isMonth, monthInTimeZone, monthsBetween } from './months.js';

export type HistoryPeriod = 'last-6' | 'last-12';

/** Page sizes the calls list offers; the contract allows at most 500. */
export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;

/** The longest period shown (ten years): a longer custom period keeps its last month and shows the ten years up to it. */
export const MAX_PERIOD_MONTHS = 120;

/**
 * The months shown: `from`..`to` when both are months (`0001-01`…`9999-12`) and in order (at most
 * `MAX_PERIOD_MONTHS` of them, ending at `to`), else the last 6 or 12 months up to `current` (never
 * before `0001-01`). A `current` that is not a month is replaced by this month in UTC.
 */
export function historyRange(from: unknown, to: unknown, period: HistoryPeriod | string, current: string): { from: string; to: string } {
  if (isMonth(from) && isMonth(to) && from <= to) {
    return monthsBetween(from, to) < MAX_PERIOD_MONTHS ? { from, to } : { from: addMonths(to, -(MAX_PERIOD_MONTHS - 1)), to };
  }
  const last = isMonth(current) ? current : monthInTimeZone(new Date(), 'UTC');
  return { from: addMonths(last, period === 'last-6' ? -5 : -11), to: last };
}

/** The month whose calls are listed: `month` when inside the range, else the range's last month. */
export function callsMonth(month: unknown, range: { from: string; to: string }): string {
  return isMonth(month) && month >= range.from && month <= range.to ? month : range.to;
}

/** A page size the backend accepts: a whole number from 1 to 500 (50 for anything unusable). */
export function pageLimit(pageSize: unknown): number {
  return Math.min(500, Math.max(1, Math.floor(Number(pageSize) || 50)));
}

/** Where a page of `limit` rows starting at `offset` sits in a list of `total`. */
export function pageBounds(total: number, offset: number, limit: number, shown: number) {
  const lastOffset = Math.max(0, Math.floor((total - 1) / limit) * limit);
  return {
    /** 1-based index of the first row shown (0 for an empty list). */
    first: total === 0 ? 0 : offset + 1,
    /** 1-based index of the last row shown. */
    last: Math.min(total, offset + shown),
    lastOffset,
    hasPrevious: offset > 0,
    hasNext: offset + limit < total,
    /** Clamps a requested offset into the list. */
    clamp: (requested: number) => Math.max(0, Math.min(lastOffset, requested)),
  };
}
