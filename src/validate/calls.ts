/** `voice/calls` validation (pure, no DOM). */
import type { VoiceCallsPage } from '../model/types.js';
import { runInSlices, type Steps } from '../core/yield.js';
import { readRows, requireList, RowReader, type Problem, countProblemRows, type ValidateOptions } from './validate.js';
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
  const rows = yield* readRows(
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
