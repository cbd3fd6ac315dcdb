/** `voice/calls` validation (pure, no DOM). */
import type { VoiceCallsPage } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { msg, str } from '../i18n/localize.js';
import { readRows, requireList, RowReader, type Problem, countProblemRows, type ValidateOptions, problemOf, type Words } from './validate.js';
import { THE_ID } from './agent-rows.js';
import { UsageDataError } from '../sources/data-source.js';

export interface CallRow {
  key: string;
  id: string | undefined;
  startedAt: string | undefined;
  durationSeconds: number | undefined;
  agentId: string | undefined;
  agentName: string | undefined;
  takenByKind: string | undefined;
  takenByName: string | undefined;
  billable: boolean | undefined;
  hasProblem: boolean;
}

export interface CallsPageView {
  total: number;
  rows: CallRow[];
  problems: Problem[];
  rowsWithProblems: number;
}

const OPERATION = 'voice/calls';

/* Field labels of data problem messages. */
const THE_START_TIME: Words = () => msg('the start time', { desc: 'A field of a call, in a data problem message such as “Call 3: the start time is missing; expected …”.' });
const THE_LENGTH: Words = () => msg('the length', { desc: 'A field of a call (its duration), in a data problem message such as “Call 3: the length is missing; expected …”.' });
const THE_AGENT_ID: Words = () => msg('the agent id', { desc: 'A field of a call, in a data problem message such as “Call 3: the agent id is missing; expected …”.' });
const THE_AGENT_NAME: Words = () => msg('the agent name', { desc: 'A field of a call, in a data problem message such as “Call 3: the agent name is missing; expected …”.' });
const TAKER_KIND: Words = () =>
  msg('who took the call (kind)', {
    desc: 'A field of a call (whether an AI agent or a person took it), in a data problem message such as “Call 3: who took the call (kind) is missing; expected …”.',
  });
const TAKER: Words = () =>
  msg('who took the call', { desc: 'A field of a call (the name of who took it), in a data problem message such as “Call 3: who took the call is empty; expected a text.”.' });
const BILLABLE: Words = () =>
  msg('billable', { desc: 'A field of a call (whether it is billable), in a data problem message such as “Call 3: billable is missing; expected true or false.”.' });

/**
 * Validates a `voice/calls` page in time slices. Rejects with a `UsageDataError` when the answer is
 * unusable as a whole, with the signal's reason when aborted.
 */
export function validateCallsPage(input: VoiceCallsPage | unknown, offset: number, options: ValidateOptions = {}): Promise<CallsPageView> {
  return runInSlices(callsPageView(input, offset), options.signal);
}

function* callsPageView(input: unknown, offset: number): Steps<CallsPageView> {
  const list = requireList(input, OPERATION, 'items');
  const total = (input as { total?: unknown }).total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
    throw new UsageDataError('contract', OPERATION, () =>
      msg(str`The answer to ${OPERATION} has no valid “total” (a whole number of 0 or more).`, {
        desc: 'Error message. “total” is a JSON key of the data: keep it as it is. The operation (voice/calls) is the name of a REST call.',
      }),
    );
  }
  const problems: Problem[] = [];
  // The calls listed are facts; a count that cannot hold them (or past 2^53 − 1, no longer exact) is not.
  let count = total + 0;
  if (!Number.isSafeInteger(total)) {
    count = offset + list.length;
    const shown = count;
    problems.push(
      problemOf(() =>
        msg(str`The answer to ${OPERATION} gives a “total” too large to be exact; the count shown is of the calls listed (${shown}).`, {
          desc: 'Data problem message. “total” is a JSON key of the data: keep it as it is. The operation (voice/calls) is the name of a REST call.',
        }),
      ),
    );
  } else if (total < offset + list.length) {
    count = offset + list.length;
    const [listed, first, shown] = [list.length, offset + 1, count];
    problems.push(
      problemOf(() =>
        msg(
          str`The answer to ${OPERATION} says there are ${total} calls in all, but this page lists ${listed} from call ${first}; the count shown is of the calls listed (${shown}).`,
          {
            desc: 'Data problem message about a page of calls: the total the server gave, the calls on this page, the number of the first, the count shown instead. The operation (voice/calls) is the name of a REST call.',
          },
        ),
      ),
    );
  }
  const seen = new Set<string>();
  const rows = yield* readRows(
    list,
    problems,
    (r: RowReader, row, index) => {
      const id = r.id('id', THE_ID);
      const key = id !== undefined && !seen.has(id) ? id : `#row-${offset + index + 1}`;
      seen.add(key);
      // A missing taker is allowed ("not recorded"); a malformed one is a problem.
      const takenBy = row.takenBy;
      const hasTaker = takenBy !== undefined && takenBy !== null;
      return {
        key,
        id,
        startedAt: r.instant('startedAt', THE_START_TIME),
        durationSeconds: r.amount('durationSeconds', THE_LENGTH),
        agentId: r.id('agentId', THE_AGENT_ID),
        agentName: r.text('agentName', THE_AGENT_NAME),
        takenByKind: hasTaker ? r.text('takenBy.kind', TAKER_KIND) : undefined,
        takenByName: hasTaker ? r.text('takenBy.name', TAKER, true) : undefined,
        billable: r.bool('billable', BILLABLE),
      };
    },
    (_row, index) => {
      const n = offset + index + 1;
      return () => msg(str`Call ${n}`, { desc: 'Names a call (a row of the calls list) in a data problem message, e.g. “Call 3: the length is missing; …”.' });
    },
  );
  return { total: count, rows, problems, rowsWithProblems: countProblemRows(problems) };
}
