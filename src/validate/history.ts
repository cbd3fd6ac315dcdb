/** `voice/history` validation and the arithmetic the history view shows (pure, no DOM). */
import { monthRange, isMonth } from '../model/months.js';
import type { VoiceHistoryResponse } from '../model/types.js';
import { readRows, requireList, type Problem, countProblemRows } from './validate.js';

export interface HistoryRow {
  key: string;
  month: string;
  callsEngaged: number | undefined;
  billableMinutes: number | undefined;
  nonBillableCalls: number | undefined;
  /** True when the backend sent no figures for this month (shown as zero usage). */
  absent: boolean;
  hasProblem: boolean;
}

export interface HistoryView {
  rows: HistoryRow[];
  problems: Problem[];
  rowsWithProblems: number;
}

export type HistoryMetric = 'billableMinutes' | 'callsEngaged' | 'nonBillableCalls';

const OPERATION = 'voice/history';

/**
 * Validates a `voice/history` answer into one row per month of `from`..`to`, oldest first. Months the
 * backend leaves out had no usage (zero); months outside the range, duplicated or malformed are kept
 * out of the chart but reported.
 */
export function validateHistory(input: VoiceHistoryResponse | unknown, from: string, to: string): HistoryView {
  const list = requireList(input, OPERATION, 'months');
  const problems: Problem[] = [];
  const read = readRows(
    list,
    problems,
    (r) => ({
      month: r.month('month', 'the month'),
      callsEngaged: r.count('callsEngaged', 'calls engaged'),
      billableMinutes: r.amount('billableMinutes', 'billable minutes'),
      nonBillableCalls: r.count('nonBillableCalls', 'non-billable calls'),
    }),
    (row, index) => (isMonth(row.month) ? `Month ${row.month}` : `Row ${index + 1}`),
  );
  const byMonth = new Map<string, (typeof read)[number]>();
  read.forEach((row, index) => {
    if (row.month === undefined) return;
    if (row.month < from || row.month > to) {
      problems.push({ row: index + 1, message: `Month ${row.month} is outside the period asked for (${from} to ${to}); it is not shown.` });
    } else if (byMonth.has(row.month)) {
      problems.push({ row: index + 1, message: `Month ${row.month} appears more than once; the first is shown.` });
    } else byMonth.set(row.month, row);
  });
  const rows = monthRange(from, to).map((month): HistoryRow => {
    const row = byMonth.get(month);
    if (!row) return { key: month, month, callsEngaged: 0, billableMinutes: 0, nonBillableCalls: 0, absent: true, hasProblem: false };
    return {
      key: month,
      month,
      callsEngaged: row.callsEngaged,
      billableMinutes: row.billableMinutes,
      nonBillableCalls: row.nonBillableCalls,
      absent: false,
      hasProblem: row.hasProblem,
    };
  });
  return { rows, problems, rowsWithProblems: countProblemRows(problems) };
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
