import type { MessagingAgentsResponse } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { countProblemRows, isTimeZone, readAgentRows, readHeader, requireList, type Problem, type ValidateOptions } from './validate.js';

/** One validated row of `<ai-messaging-usage>`; `undefined` marks a value that was missing or invalid. */
export interface MessagingAgentRow {
  key: string;
  id: string | undefined;
  name: string | undefined;
  entityName: string | undefined;
  entityType: string | undefined;
  licenseType: string | undefined;
  licenseEndsAt: string | undefined;
  newCasesPercentWhenOpen: number | undefined;
  handlesWhenClosed: boolean | undefined;
  priceCredits: number | undefined;
  engagedCases: number | undefined;
  hasProblem: boolean;
}

export interface MessagingAgentsView {
  asOf: string | undefined;
  timeZone: string | undefined;
  rows: MessagingAgentRow[];
  problems: Problem[];
  rowsWithProblems: number;
}

const OPERATION = 'messaging/agents';

/**
 * Validates a `messaging/agents` answer in time slices (a long list never holds the page up). Rejects
 * with a `UsageDataError` when the answer is unusable as a whole, with the signal's reason when aborted.
 */
export function validateMessagingAgents(input: MessagingAgentsResponse | unknown, options: ValidateOptions = {}): Promise<MessagingAgentsView> {
  return runInSlices(messagingAgentsView(input), options.signal);
}

function* messagingAgentsView(input: unknown): Steps<MessagingAgentsView> {
  const list = requireList(input, OPERATION, 'agents');
  const problems: Problem[] = [];
  const { body, asOf } = readHeader(input, problems, OPERATION);
  let timeZone: string | undefined;
  if (body.timeZone !== undefined) {
    if (isTimeZone(body.timeZone)) timeZone = body.timeZone;
    else problems.push({ message: `The answer to ${OPERATION} has an invalid “timeZone”; times are shown in this browser’s time zone.` });
  }
  const rows = yield* readAgentRows(list, problems, (r) => ({
    licenseType: r.text('license.type', 'the license type'),
    licenseEndsAt: r.instant('license.endsAt', 'the license end', true),
    newCasesPercentWhenOpen: r.range('engagement.newCasesPercentWhenOpen', 'the share of new cases', 0, 100),
    handlesWhenClosed: r.bool('engagement.handlesWhenClosed', 'whether it handles cases when closed'),
    priceCredits: r.amount('priceCredits', 'the price in credits'),
    engagedCases: r.count('engagedCases', 'engaged cases'),
  }));
  return { asOf, timeZone, rows, problems, rowsWithProblems: countProblemRows(problems) };
}
