import type { MessagingAgentsResponse } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { msg, str } from '../i18n/localize.js';
import { countProblemRows, isTimeZone, problemOf, readHeader, requireList, type Problem, type ValidateOptions, type Words } from './validate.js';
import { readAgentRows } from './agent-rows.js';

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

/* Field labels of data problem messages. */
const THE_LICENSE_TYPE: Words = () =>
  msg('the license type', { desc: 'A field of an AI messaging agent row, in a data problem message such as “Row 3: the license type is missing; expected a text.”' });
const THE_LICENSE_END: Words = () =>
  msg('the license end', { desc: 'A field of an AI messaging agent row (when its license ends), in a data problem message such as “Row 3: the license end is …; expected …”.' });
const SHARE_OF_NEW_CASES: Words = () =>
  msg('the share of new cases', {
    desc: 'A field of an AI messaging agent row (the percentage of new cases it takes while open), in a data problem message such as “Row 3: the share of new cases is …; expected a number from 0 to 100.”',
  });
const HANDLES_WHEN_CLOSED: Words = () =>
  msg('whether it handles cases when closed', {
    desc: 'A field of an AI messaging agent row (whether it handles cases outside opening hours), in a data problem message such as “Row 3: whether it handles cases when closed is missing; expected true or false.”',
  });
const THE_PRICE_IN_CREDITS: Words = () =>
  msg('the price in credits', { desc: 'A field of an AI messaging agent row, in a data problem message such as “Row 3: the price in credits is missing; expected …”.' });
const ENGAGED_CASES: Words = () =>
  msg('engaged cases', { desc: 'A field of an AI messaging agent row (cases it engaged in), in a data problem message such as “Row 3: engaged cases is missing; expected …”.' });

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
    else {
      problems.push(
        problemOf(() =>
          msg(str`The answer to ${OPERATION} has an invalid “timeZone”; times are shown in this browser’s time zone.`, {
            desc: 'Data problem message. “timeZone” is a JSON key of the data: keep it as it is. The operation (messaging/agents) is the name of a REST call.',
          }),
        ),
      );
    }
  }
  const rows = yield* readAgentRows(list, problems, (r) => ({
    licenseType: r.text('license.type', THE_LICENSE_TYPE),
    licenseEndsAt: r.instant('license.endsAt', THE_LICENSE_END, true),
    newCasesPercentWhenOpen: r.range('engagement.newCasesPercentWhenOpen', SHARE_OF_NEW_CASES, 0, 100),
    handlesWhenClosed: r.bool('engagement.handlesWhenClosed', HANDLES_WHEN_CLOSED),
    priceCredits: r.amount('priceCredits', THE_PRICE_IN_CREDITS),
    engagedCases: r.count('engagedCases', ENGAGED_CASES),
  }));
  return { asOf, timeZone, rows, problems, rowsWithProblems: countProblemRows(problems) };
}
