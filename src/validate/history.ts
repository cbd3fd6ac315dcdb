/** `voice/history` validation and the arithmetic the history view shows (pure, no DOM). */
import { monthRange, isMonth } from '../model/months.js';
import type { VoiceHistoryResponse } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { msg, str } from '../i18n/localize.js';
import { readRows, requireList, type Problem, countProblemRows, ROWS_PER_STEP, type ValidateOptions, rowProblem, type Words } from './validate.js';

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

/* Field labels of data problem messages. */
const THE_MONTH: Words = () =>
  msg('the month', { desc: 'A field of a month of the history, in a data problem message such as “Row 3: the month is missing; expected a month as YYYY-MM.”' });
const CALLS_ENGAGED: Words = () =>
  msg('calls engaged', {
    desc: 'A field of a month of the history (calls AI agents answered), in a data problem message such as “Month 2026-03: calls engaged is missing; expected …”.',
  });
const BILLABLE_MINUTES: Words = () =>
  msg('billable minutes', { desc: 'A field of a month of the history, in a data problem message such as “Month 2026-03: billable minutes is missing; expected …”.' });
const NON_BILLABLE_CALLS: Words = () =>
  msg('non-billable calls', { desc: 'A field of a month of the history, in a data problem message such as “Month 2026-03: non-billable calls is missing; expected …”.' });

type Figures = { callsEngaged: number | undefined; billableMinutes: number | undefined; nonBillableCalls: number | undefined };

/** "12 calls engaged, 30 billable minutes, non-billable calls not available": a left-out row's figures, in the language in force. */
function figures(row: Figures): string {
  const { callsEngaged: calls, billableMinutes: minutes, nonBillableCalls: nonBillable } = row;
  return [
    calls === undefined
      ? msg('calls engaged not available', { desc: 'A figure of a history row left out of the totals, listed in a data problem message.' })
      : msg(str`${calls} calls engaged`, {
          desc: 'A figure of a history row left out of the totals, listed in a data problem message. Any count, 1 included: “label: number” is fine.',
        }),
    minutes === undefined
      ? msg('billable minutes not available', { desc: 'A figure of a history row left out of the totals, listed in a data problem message.' })
      : msg(str`${minutes} billable minutes`, {
          desc: 'A figure of a history row left out of the totals, listed in a data problem message. Any amount, 1 included: “label: number” is fine.',
        }),
    nonBillable === undefined
      ? msg('non-billable calls not available', { desc: 'A figure of a history row left out of the totals, listed in a data problem message.' })
      : msg(str`${nonBillable} non-billable calls`, {
          desc: 'A figure of a history row left out of the totals, listed in a data problem message. Any count, 1 included: “label: number” is fine.',
        }),
  ].join(', ');
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
      month: r.month('month', THE_MONTH),
      intended: intendedMonth(row.month),
      callsEngaged: r.count('callsEngaged', CALLS_ENGAGED),
      billableMinutes: r.amount('billableMinutes', BILLABLE_MINUTES),
      nonBillableCalls: r.count('nonBillableCalls', NON_BILLABLE_CALLS),
    }),
    (row, index): Words => {
      if (isMonth(row.month)) {
        const month = row.month;
        return () => msg(str`Month ${month}`, { desc: 'Names a month of the history (YYYY-MM) in a data problem message, e.g. “Month 2026-03: billable minutes is missing; …”.' });
      }
      const n = index + 1;
      return () => msg(str`Row ${n}`, { desc: 'Names a row of the data in a data problem message, e.g. “Row 3: the id is missing; …”.' });
    },
  );
  const byMonth = new Map<string, (typeof read)[number]>();
  const leftOut: LeftOutRow[] = [];
  const incomplete = new Set<string>();
  /** Leaves a row out, with the message saying why: `words(n, figures)` for row `n` and its figures. */
  const leave = (row: (typeof read)[number], index: number, month: string | undefined, words: (n: number, figures: string) => string) => {
    const left: LeftOutRow = { row: index + 1, month, callsEngaged: row.callsEngaged, billableMinutes: row.billableMinutes, nonBillableCalls: row.nonBillableCalls };
    leftOut.push(left);
    if (month !== undefined) incomplete.add(month);
    problems.push(rowProblem(left.row, () => words(left.row, figures(left))));
  };
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
          ? (n, f) =>
              msg(str`Row ${n} is not shown: its month is not a month as YYYY-MM. Its figures (${f}) are left out of the totals.`, {
                desc: 'Data problem message about a row of the monthly history. YYYY-MM is the format of the data: keep it. The second placeholder lists the row’s figures.',
              })
          : inside
            ? (n, f) =>
                msg(str`Row ${n} is not shown: its month is not exactly YYYY-MM (it looks like ${meant}, which is marked). Its figures (${f}) are left out of the totals.`, {
                  desc: 'Data problem message about a row of the monthly history; the month it looks like is marked in the table. YYYY-MM is the format of the data: keep it. The last placeholder lists the row’s figures.',
                })
            : (n, f) =>
                msg(
                  str`Row ${n} is not shown: its month is not exactly YYYY-MM (it looks like ${meant}, outside the period ${from} to ${to}). Its figures (${f}) are left out of the totals.`,
                  {
                    desc: 'Data problem message about a row of the monthly history. YYYY-MM is the format of the data: keep it. Months are YYYY-MM; the last placeholder lists the row’s figures.',
                  },
                ),
      );
    } else if (row.month < from || row.month > to) {
      const month = row.month;
      leave(row, index, undefined, (n, f) =>
        msg(str`Row ${n} is not shown: month ${month} is outside the period asked for (${from} to ${to}). Its figures (${f}) are left out of the totals.`, {
          desc: 'Data problem message about a row of the monthly history. Months are YYYY-MM; the last placeholder lists the row’s figures.',
        }),
      );
    } else if (byMonth.has(row.month)) {
      const month = row.month;
      leave(row, index, row.month, (n, f) =>
        msg(str`Row ${n} is not shown: month ${month} appears more than once; the first is shown. Its figures (${f}) are left out of the totals.`, {
          desc: 'Data problem message about a row of the monthly history. The month is YYYY-MM; the last placeholder lists the row’s figures.',
        }),
      );
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
