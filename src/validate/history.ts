/** `voice/history` validation and the arithmetic the history view shows (pure, no DOM). */
import { monthRange, isMonth } from '../model/months.js';
import type { VoiceHistoryResponse } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { readRows, requireList, type Problem, countProblemRows, ROWS_PER_STEP, type ValidateOptions } from './validate.js';

export interface HistoryRow {
  key: string;
  month: string;
  callsEngaged: number | undefined;
  billableMinutes: number | undefined;
  nonBillableCalls: number | undefined;
  /** True when the backend sent no row at all for this month (shown as zero usage). */
  absent: boolean;
  /** True when a row of the answer that belongs to this month could not be shown (its figures are left out). */
  incomplete: boolean;
  hasProblem: boolean;
}

/** A row of the answer that could not be placed in a month of the period: reported, never silently dropped. */
export interface LeftOutRow {
  /** 1-based row number in the answer. */
  row: number;
  /** The month it would have belonged to, where that can be told (e.g. "2026-03 " → 2026-03). */
  month: string | undefined;
  callsEngaged: number | undefined;
  billableMinutes: number | undefined;
  nonBillableCalls: number | undefined;
}

export interface HistoryView {
  rows: HistoryRow[];
  /** Rows of the answer not shown in any month (an unreadable, repeated or out-of-period month); totals leave them out and say so. */
  leftOut: LeftOutRow[];
  problems: Problem[];
  rowsWithProblems: number;
}

export type HistoryMetric = 'billableMinutes' | 'callsEngaged' | 'nonBillableCalls';

/** The figures the history shows, in the order the chart's toggle offers them. */
export const HISTORY_METRICS: readonly HistoryMetric[] = ['billableMinutes', 'callsEngaged', 'nonBillableCalls'];

/** `metric` when it is one of the history's figures (own names only), else billable minutes. */
export function historyMetric(metric: unknown): HistoryMetric {
  return HISTORY_METRICS.includes(metric as HistoryMetric) ? (metric as HistoryMetric) : 'billableMinutes';
}

const OPERATION = 'voice/history';

/** The month a malformed month text was meant to be, where that is unambiguous: "2026-03 " or "\u200b2026-03" → 2026-03. */
function intendedMonth(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const stripped = value.replace(/[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/gu, '');
  return isMonth(stripped) ? stripped : undefined;
}

const figure = (value: number | undefined, unit: string) => (value === undefined ? `${unit} not available` : `${value} ${unit}`);

function figures(row: { callsEngaged: number | undefined; billableMinutes: number | undefined; nonBillableCalls: number | undefined }): string {
  return [figure(row.callsEngaged, 'calls engaged'), figure(row.billableMinutes, 'billable minutes'), figure(row.nonBillableCalls, 'non-billable calls')].join(', ');
}

/**
 * Validates a `voice/history` answer into one row per month of `from`..`to`, oldest first. Months the
 * backend leaves out had no usage (zero). A row that cannot be placed in a month of the period (a
 * malformed month such as "2026-03 " or "2026-13", a month repeated, a month outside the period) is
 * never dropped silently: it is reported with its figures, listed in `leftOut` (the totals say they
 * are incomplete), and the month it would have belonged to is marked; that month shows "not
 * available", not zero, when it had no usable row. Runs in time slices; rejects with a
 * `UsageDataError` when the answer is unusable as a whole, with the signal's reason when aborted.
 */
export function validateHistory(input: VoiceHistoryResponse | unknown, from: string, to: string, options: ValidateOptions = {}): Promise<HistoryView> {
  return runInSlices(historyView(input, from, to), options.signal);
}

function* historyView(input: unknown, from: string, to: string): Steps<HistoryView> {
  const list = requireList(input, OPERATION, 'months');
  const problems: Problem[] = [];
  const read = yield* readRows(
    list,
    problems,
    (r, row) => ({
      month: r.month('month', 'the month'),
      intended: intendedMonth(row.month),
      callsEngaged: r.count('callsEngaged', 'calls engaged'),
      billableMinutes: r.amount('billableMinutes', 'billable minutes'),
      nonBillableCalls: r.count('nonBillableCalls', 'non-billable calls'),
    }),
    (row, index) => (isMonth(row.month) ? `Month ${row.month}` : `Row ${index + 1}`),
  );
  const byMonth = new Map<string, (typeof read)[number]>();
  const leftOut: LeftOutRow[] = [];
  const incomplete = new Set<string>();
  const leave = (row: (typeof read)[number], index: number, month: string | undefined, why: string) => {
    leftOut.push({ row: index + 1, month, callsEngaged: row.callsEngaged, billableMinutes: row.billableMinutes, nonBillableCalls: row.nonBillableCalls });
    if (month !== undefined) incomplete.add(month);
    problems.push({ row: index + 1, message: `Row ${index + 1} is not shown: ${why}. Its figures (${figures(row)}) are left out of the totals.` });
  };
  const period = `${from} to ${to}`;
  for (const [index, row] of read.entries()) {
    if (index % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    if (row.month === undefined) {
      const meant = row.intended;
      const inside = meant !== undefined && meant >= from && meant <= to;
      leave(
        row,
        index,
        inside ? meant : undefined,
        meant === undefined
          ? 'its month is not a month as YYYY-MM'
          : `its month is not exactly YYYY-MM (it looks like ${meant}${inside ? ', which is marked' : `, outside the period ${period}`})`,
      );
    } else if (row.month < from || row.month > to) {
      leave(row, index, undefined, `month ${row.month} is outside the period asked for (${period})`);
    } else if (byMonth.has(row.month)) {
      leave(row, index, row.month, `month ${row.month} appears more than once; the first is shown`);
    } else byMonth.set(row.month, row);
  }
  const rows = monthRange(from, to).map((month): HistoryRow => {
    const row = byMonth.get(month);
    const marked = incomplete.has(month);
    if (!row) {
      // No usable row: zero usage when the backend sent nothing, "not available" when its only row was unusable.
      return marked
        ? { key: month, month, callsEngaged: undefined, billableMinutes: undefined, nonBillableCalls: undefined, absent: false, incomplete: true, hasProblem: true }
        : { key: month, month, callsEngaged: 0, billableMinutes: 0, nonBillableCalls: 0, absent: true, incomplete: false, hasProblem: false };
    }
    return {
      key: month,
      month,
      callsEngaged: row.callsEngaged,
      billableMinutes: row.billableMinutes,
      nonBillableCalls: row.nonBillableCalls,
      absent: false,
      incomplete: marked,
      hasProblem: row.hasProblem || marked,
    };
  });
  return { rows, leftOut, problems, rowsWithProblems: countProblemRows(problems) };
}

/**
 * Change against the previous month as a fraction (0.12 = +12 %); `undefined` for the first month,
 * after a month without a valid figure, or after a month of zero (no base to compare with).
 */
export function monthOverMonth(rows: readonly HistoryRow[], metric: HistoryMetric): (number | undefined)[] {
  return rows.map((row, i) => {
    const previous = i > 0 ? rows[i - 1]?.[metric] : undefined;
    const current = row[metric];
    if (previous === undefined || current === undefined || previous === 0) return undefined;
    return (current - previous) / previous;
  });
}

/** Round tick values for a value axis from 0 to at least `max`: 0, step, 2·step … (step 1, 2 or 5 × 10ⁿ). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}
