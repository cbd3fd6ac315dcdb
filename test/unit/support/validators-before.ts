/**
 * The validators as they were before they ran in time slices: the reference the sliced ones must
 * equal, row for row and problem for problem (test/unit/properties.test.ts). Helpers that did not
 * change are imported.
 */
import { UsageDataError } from '../../../src/sources/data-source.js';
import { isMonth, monthRange } from '../../../src/model/months.js';
import { isTimeZone, readHeader, requireList, rowKeys, RowReader, type Problem } from '../../../src/validate/validate.js';
import { rowLabel } from '../../../src/validate/agent-rows.js';
import type { VoiceAgentsView } from '../../../src/validate/voice-agents.js';
import type { MessagingAgentsView } from '../../../src/validate/messaging-agents.js';
import type { HistoryRow, HistoryView, LeftOutRow } from '../../../src/validate/history.js';
import type { CallsPageView } from '../../../src/validate/calls.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (typeof value === 'string') {
    const short = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return value.trim() === '' ? 'an empty text' : `the text “${short}”`;
  }
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER
        ? `about ${value.toExponential(3)}`
        : String(value)
      : 'not a finite number';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

export function readRows<T>(
  list: unknown[],
  problems: Problem[],
  read: (reader: RowReader, row: Json, index: number) => T,
  labelOf: (row: Json, index: number) => string,
): (T & { hasProblem: boolean })[] {
  // `Array.from`, not `map`: `map` skips the holes of a sparse array and leaves them in its result.
  return Array.from({ length: list.length }, (_, index) => {
    const item: unknown = index in list ? list[index] : undefined;
    const row = isObject(item) ? item : {};
    const label = labelOf(row, index);
    if (!(index in list)) {
      problems.push({ row: index + 1, message: `${label} is missing (an empty slot in the list); its values are not available.` });
    } else if (!isObject(item)) {
      problems.push({ row: index + 1, message: `${label} is ${describe(item)}, not an object.` });
    }
    const reader = new RowReader(row, index + 1, label, problems);
    const value = read(reader, row, index);
    // Marked after reading, so every field the row's reader rejected counts.
    return { ...value, hasProblem: reader.invalid.size > 0 };
  });
}

export function countProblemRows(problems: readonly Problem[]): number {
  return new Set(problems.filter((p) => p.row !== undefined).map((p) => p.row)).size;
}

export function readAgentRows<T>(list: unknown[], problems: Problem[], fields: (reader: RowReader) => T) {
  const keyOf = rowKeys();
  return readRows(
    list,
    problems,
    (r, _row, index) => {
      const id = r.id('id', 'the id');
      return {
        key: keyOf(id, index),
        id,
        name: r.text('name', 'the name'),
        entityName: r.text('entity.name', 'the entity name'),
        entityType: r.text('entity.type', 'the entity type'),
        ...fields(r),
      };
    },
    rowLabel,
  );
}

export function validateVoiceAgents(input: unknown): VoiceAgentsView {
  const OPERATION = 'voice/agents';
  const list = requireList(input, OPERATION, 'agents');
  const problems: Problem[] = [];
  const { body, asOf } = readHeader(input, problems, OPERATION);
  let month: string | undefined;
  if (isMonth(body.month)) month = body.month;
  else problems.push({ message: `The answer to ${OPERATION} has no valid “month” (YYYY-MM); the month is not shown.` });
  let timeZone: string | undefined;
  if (isTimeZone(body.timeZone)) timeZone = body.timeZone;
  else problems.push({ message: `The answer to ${OPERATION} has no valid “timeZone”; times are shown in this browser’s time zone.` });

  const rows = readAgentRows(list, problems, (r) => ({
    active: r.bool('active', 'active'),
    activatedAt: r.instant('activatedAt', 'the activation time'),
    callsEngagedThisMonth: r.count('callsEngagedThisMonth', 'calls engaged this month'),
    callsHandledSinceActivation: r.count('callsHandledSinceActivation', 'calls handled since activation'),
    billableMinutesThisMonth: r.amount('billableMinutesThisMonth', 'billable minutes this month'),
    billableMinutesSinceActivation: r.amount('billableMinutesSinceActivation', 'billable minutes since activation'),
    nonBillableCallsThisMonth: r.count('nonBillableCallsThisMonth', 'non-billable calls this month'),
    nonBillableCallsSinceActivation: r.count('nonBillableCallsSinceActivation', 'non-billable calls since activation'),
  }));
  return { month, timeZone, asOf, rows, problems, rowsWithProblems: countProblemRows(problems) };
}

export function validateMessagingAgents(input: unknown): MessagingAgentsView {
  const OPERATION = 'messaging/agents';
  const list = requireList(input, OPERATION, 'agents');
  const problems: Problem[] = [];
  const { body, asOf } = readHeader(input, problems, OPERATION);
  let timeZone: string | undefined;
  if (body.timeZone !== undefined) {
    if (isTimeZone(body.timeZone)) timeZone = body.timeZone;
    else problems.push({ message: `The answer to ${OPERATION} has an invalid “timeZone”; times are shown in this browser’s time zone.` });
  }
  const rows = readAgentRows(list, problems, (r) => ({
    licenseType: r.text('license.type', 'the license type'),
    licenseEndsAt: r.instant('license.endsAt', 'the license end', true),
    newCasesPercentWhenOpen: r.range('engagement.newCasesPercentWhenOpen', 'the share of new cases', 0, 100),
    handlesWhenClosed: r.bool('engagement.handlesWhenClosed', 'whether it handles cases when closed'),
    priceCredits: r.amount('priceCredits', 'the price in credits'),
    engagedCases: r.count('engagedCases', 'engaged cases'),
  }));
  return { asOf, timeZone, rows, problems, rowsWithProblems: countProblemRows(problems) };
}

function intendedMonth(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const stripped = value.replace(/[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/gu, '');
  return isMonth(stripped) ? stripped : undefined;
}

const figure = (value: number | undefined, unit: string) => (value === undefined ? `${unit} not available` : `${value} ${unit}`);

function figures(row: { callsEngaged: number | undefined; billableMinutes: number | undefined; nonBillableCalls: number | undefined }): string {
  return [figure(row.callsEngaged, 'calls engaged'), figure(row.billableMinutes, 'billable minutes'), figure(row.nonBillableCalls, 'non-billable calls')].join(', ');
}

export function validateHistory(input: unknown, from: string, to: string): HistoryView {
  const OPERATION = 'voice/history';
  const list = requireList(input, OPERATION, 'months');
  const problems: Problem[] = [];
  const read = readRows(
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
  read.forEach((row, index) => {
    const period = `${from} to ${to}`;
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
  });
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

export function validateCallsPage(input: unknown, offset: number): CallsPageView {
  const OPERATION = 'voice/calls';
  const list = requireList(input, OPERATION, 'items');
  const total = (input as { total?: unknown }).total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
    throw new UsageDataError('contract', OPERATION, `The answer to ${OPERATION} has no valid “total” (a whole number of 0 or more).`);
  }
  const problems: Problem[] = [];
  // The calls listed are facts; a count that cannot hold them (or past 2^53 − 1, no longer exact) is not.
  let count = total + 0;
  if (!Number.isSafeInteger(total)) {
    count = offset + list.length;
    problems.push({ message: `The answer to ${OPERATION} gives a “total” too large to be exact; the count shown is of the calls listed (${count}).` });
  } else if (total < offset + list.length) {
    count = offset + list.length;
    problems.push({
      message: `The answer to ${OPERATION} says there are ${total} calls in all, but this page lists ${list.length} from call ${offset + 1}; the count shown is of the calls listed (${count}).`,
    });
  }
  const seen = new Set<string>();
  const rows = readRows(
    list,
    problems,
    (r: RowReader, row, index) => {
      const id = r.id('id', 'the id');
      const key = id !== undefined && !seen.has(id) ? id : `#row-${offset + index + 1}`;
      seen.add(key);
      // A missing taker is allowed ("not recorded"); a malformed one is a problem.
      const takenBy = row.takenBy;
      const hasTaker = takenBy !== undefined && takenBy !== null;
      return {
        key,
        id,
        startedAt: r.instant('startedAt', 'the start time'),
        durationSeconds: r.amount('durationSeconds', 'the length'),
        agentId: r.id('agentId', 'the agent id'),
        agentName: r.text('agentName', 'the agent name'),
        takenByKind: hasTaker ? r.text('takenBy.kind', 'who took the call (kind)') : undefined,
        takenByName: hasTaker ? r.text('takenBy.name', 'who took the call', true) : undefined,
        billable: r.bool('billable', 'billable'),
      };
    },
    (_row, index) => `Call ${offset + index + 1}`,
  );
  return { total: count, rows, problems, rowsWithProblems: countProblemRows(problems) };
}
