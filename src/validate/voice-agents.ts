import { isMonth } from '../model/months.js';
import { totalOf, type ColumnTotal } from '../model/totals.js';
import type { VoiceAgentsResponse } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { countProblemRows, isTimeZone, readAgentRows, readHeader, requireList, type Problem, type ValidateOptions } from './validate.js';

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
  else problems.push({ message: `The answer to ${OPERATION} has no valid “month” (YYYY-MM); the month is not shown.` });
  let timeZone: string | undefined;
  if (isTimeZone(body.timeZone)) timeZone = body.timeZone;
  else problems.push({ message: `The answer to ${OPERATION} has no valid “timeZone”; times are shown in this browser’s time zone.` });

  const rows = yield* readAgentRows(list, problems, (r) => ({
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
