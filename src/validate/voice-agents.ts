import { isMonth } from '../model/months.js';
import { totalOf, type ColumnTotal } from '../model/totals.js';
import type { VoiceAgentsResponse } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { msg, str } from '../i18n/localize.js';
import { countProblemRows, isTimeZone, problemOf, readHeader, requireList, type Problem, type ValidateOptions, type Words } from './validate.js';
import { readAgentRows } from './agent-rows.js';

/** One validated row of `<ai-voice-usage>`; `undefined` marks a value that was missing or invalid. */
export interface VoiceAgentRow {
  /** Stable key for rendering: the id, or the row number when the id is unusable. */
  key: string;
  id: string | undefined;
  name: string | undefined;
  active: boolean | undefined;
  entityName: string | undefined;
  entityType: string | undefined;
  activatedAt: string | undefined;
  callsEngagedThisMonth: number | undefined;
  callsHandledSinceActivation: number | undefined;
  billableMinutesThisMonth: number | undefined;
  billableMinutesSinceActivation: number | undefined;
  nonBillableCallsThisMonth: number | undefined;
  nonBillableCallsSinceActivation: number | undefined;
  /** True when any value of the row was invalid. */
  hasProblem: boolean;
}

export interface VoiceAgentsView {
  month: string | undefined;
  timeZone: string | undefined;
  asOf: string | undefined;
  rows: VoiceAgentRow[];
  problems: Problem[];
  /** Number of rows with at least one problem. */
  rowsWithProblems: number;
}

const OPERATION = 'voice/agents';

/* Field labels of data problem messages (fields of an AI voice agent row). */
const ACTIVE: Words = () =>
  msg('active', { desc: 'A field of an AI voice agent row (whether the agent is active), in a data problem message such as “Row 3: active is missing; expected true or false.”' });
const THE_ACTIVATION_TIME: Words = () =>
  msg('the activation time', { desc: 'A field of an AI voice agent row, in a data problem message such as “Row 3: the activation time is missing; expected …”.' });
const CALLS_ENGAGED_THIS_MONTH: Words = () =>
  msg('calls engaged this month', { desc: 'A field of an AI voice agent row, in a data problem message such as “Row 3: calls engaged this month is missing; expected …”.' });
const CALLS_HANDLED_SINCE_ACTIVATION: Words = () =>
  msg('calls handled since activation', {
    desc: 'A field of an AI voice agent row, in a data problem message such as “Row 3: calls handled since activation is missing; expected …”.',
  });
const BILLABLE_MINUTES_THIS_MONTH: Words = () =>
  msg('billable minutes this month', { desc: 'A field of an AI voice agent row, in a data problem message such as “Row 3: billable minutes this month is missing; expected …”.' });
const BILLABLE_MINUTES_SINCE_ACTIVATION: Words = () =>
  msg('billable minutes since activation', {
    desc: 'A field of an AI voice agent row, in a data problem message such as “Row 3: billable minutes since activation is missing; expected …”.',
  });
const NON_BILLABLE_CALLS_THIS_MONTH: Words = () =>
  msg('non-billable calls this month', {
    desc: 'A field of an AI voice agent row, in a data problem message such as “Row 3: non-billable calls this month is missing; expected …”.',
  });
const NON_BILLABLE_CALLS_SINCE_ACTIVATION: Words = () =>
  msg('non-billable calls since activation', {
    desc: 'A field of an AI voice agent row, in a data problem message such as “Row 3: non-billable calls since activation is missing; expected …”.',
  });

/**
 * Validates a `voice/agents` answer in time slices (a long list never holds the page up). Rejects
 * with a `UsageDataError` when the answer is unusable as a whole, with the signal's reason when aborted.
 */
export function validateVoiceAgents(input: VoiceAgentsResponse | unknown, options: ValidateOptions = {}): Promise<VoiceAgentsView> {
  return runInSlices(voiceAgentsView(input), options.signal);
}

function* voiceAgentsView(input: unknown): Steps<VoiceAgentsView> {
  const list = requireList(input, OPERATION, 'agents');
  const problems: Problem[] = [];
  const { body, asOf } = readHeader(input, problems, OPERATION);
  let month: string | undefined;
  if (isMonth(body.month)) month = body.month;
  else {
    problems.push(
      problemOf(() =>
        msg(str`The answer to ${OPERATION} has no valid “month” (YYYY-MM); the month is not shown.`, {
          desc: 'Data problem message. “month” is a JSON key and YYYY-MM the format of the data: keep them as they are. The operation (voice/agents) is the name of a REST call.',
        }),
      ),
    );
  }
  let timeZone: string | undefined;
  if (isTimeZone(body.timeZone)) timeZone = body.timeZone;
  else {
    problems.push(
      problemOf(() =>
        msg(str`The answer to ${OPERATION} has no valid “timeZone”; times are shown in this browser’s time zone.`, {
          desc: 'Data problem message. “timeZone” is a JSON key of the data: keep it as it is. The operation (voice/agents) is the name of a REST call.',
        }),
      ),
    );
  }

  const rows = yield* readAgentRows(list, problems, (r) => ({
    active: r.bool('active', ACTIVE),
    activatedAt: r.instant('activatedAt', THE_ACTIVATION_TIME),
    callsEngagedThisMonth: r.count('callsEngagedThisMonth', CALLS_ENGAGED_THIS_MONTH),
    callsHandledSinceActivation: r.count('callsHandledSinceActivation', CALLS_HANDLED_SINCE_ACTIVATION),
    billableMinutesThisMonth: r.amount('billableMinutesThisMonth', BILLABLE_MINUTES_THIS_MONTH),
    billableMinutesSinceActivation: r.amount('billableMinutesSinceActivation', BILLABLE_MINUTES_SINCE_ACTIVATION),
    nonBillableCallsThisMonth: r.count('nonBillableCallsThisMonth', NON_BILLABLE_CALLS_THIS_MONTH),
    nonBillableCallsSinceActivation: r.count('nonBillableCallsSinceActivation', NON_BILLABLE_CALLS_SINCE_ACTIVATION),
  }));
  return { month, timeZone, asOf, rows, problems, rowsWithProblems: countProblemRows(problems) };
}

export type VoiceNumberField =
  | 'callsEngagedThisMonth'
  | 'callsHandledSinceActivation'
  | 'billableMinutesThisMonth'
  | 'billableMinutesSinceActivation'
  | 'nonBillableCallsThisMonth'
  | 'nonBillableCallsSinceActivation';

export interface VoiceSummary {
  agents: number;
  active: number;
  inactive: number;
  billableMinutesThisMonth: ColumnTotal;
  callsEngagedThisMonth: ColumnTotal;
}

export function summarizeVoiceAgents(rows: readonly VoiceAgentRow[]): VoiceSummary {
  return {
    agents: rows.length,
    active: rows.filter((r) => r.active === true).length,
    inactive: rows.filter((r) => r.active === false).length,
    billableMinutesThisMonth: totalOf(rows, (r) => r.billableMinutesThisMonth),
    callsEngagedThisMonth: totalOf(rows, (r) => r.callsEngagedThisMonth),
  };
}
