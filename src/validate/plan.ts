/** `voice/plan` validation, and the arithmetic of the usage meter (pure, no DOM). */
import { daysInMonth, monthInTimeZone } from '../model/months.js';
import type { TrialStatus, VoicePlan } from '../model/types.js';
import { runNow } from '../core/yield.js';
import { isIsoInstant, readRows, requireList, type Problem } from './validate.js';
import { UsageDataError } from '../sources/data-source.js';

export interface PlanRow {
  key: string;
  id: string | undefined;
  name: string | undefined;
  currency: string | undefined;
  pricePerMinute: number | undefined;
  includedMinutes: number | undefined;
  hasProblem: boolean;
}

export interface PlanView {
  trial: {
    status: TrialStatus;
    endsAt: string | undefined;
    /** Length of a trial in days, where the backend says (an optional extension of the contract). */
    days: number | undefined;
  };
  currentPlanId: string | null;
  plans: PlanRow[];
  problems: Problem[];
}

const OPERATION = 'voice/plan';
const STATUSES: TrialStatus[] = ['available', 'active', 'expired', 'unavailable'];

/**
 * Validates a `voice/plan` (or `voice/trial`) answer. Trial dates that contradict the status are
 * reported: an end for a trial that has not started (`available`, `unavailable`) is not shown; with
 * `now` (the moment "days left" counts from), an `active` trial whose end has passed and an `expired`
 * one whose end is still ahead are reported too (the status is kept: the server decides billing).
 */
export function validateVoicePlan(input: VoicePlan | unknown, operation = OPERATION, now?: Date): PlanView {
  const list = requireList(input, operation, 'plans');
  const body = input as Record<string, unknown>;
  const problems: Problem[] = [];
  const trialIn = body.trial;
  if (typeof trialIn !== 'object' || trialIn === null) {
    throw new UsageDataError('contract', operation, `The answer to ${operation} has no “trial”.`);
  }
  const t = trialIn as Record<string, unknown>;
  let status: TrialStatus = 'unavailable';
  if (STATUSES.includes(t.status as TrialStatus)) status = t.status as TrialStatus;
  else problems.push({ message: `The trial status is not one of ${STATUSES.join(', ')}; the trial is treated as unavailable.` });
  let endsAt: string | undefined;
  if (t.endsAt !== undefined) {
    if (isIsoInstant(t.endsAt)) endsAt = t.endsAt;
    else problems.push({ message: 'The trial’s end is not a date and time with an offset; it is not shown.' });
  }
  if (endsAt !== undefined && (status === 'available' || status === 'unavailable')) {
    problems.push({ message: `The trial is ${status}, so it has not started, yet it has an end (${endsAt}); the end is not shown.` });
    endsAt = undefined;
  }
  const contradiction = trialContradiction({ status, endsAt }, now);
  if (contradiction) problems.push({ message: contradiction });
  const days = typeof t.days === 'number' && Number.isSafeInteger(t.days) && t.days > 0 ? t.days : undefined;
  let currentPlanId: string | null = null;
  if (typeof body.currentPlanId === 'string') currentPlanId = body.currentPlanId;
  else if (body.currentPlanId !== null && body.currentPlanId !== undefined) problems.push({ message: 'The current plan id is not a text; no plan is marked as current.' });
  // A handful of plans: read at once.
  const plans = runNow(
    readRows(
      list,
      problems,
      (r, _row, index) => {
        const id = r.id('id', 'the id');
        return {
          key: id ?? `#plan-${index + 1}`,
          id,
          name: r.text('name', 'the name'),
          currency: r.code('currency', 'the currency', /^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
          pricePerMinute: r.amount('pricePerMinute', 'the price per minute'),
          includedMinutes: r.amount('includedMinutes', 'the included minutes'),
        };
      },
      (row, index) => `Plan ${index + 1}${typeof row.name === 'string' ? ` (“${row.name}”)` : ''}`,
    ),
  );
  return { trial: { status, endsAt, days }, currentPlanId, plans, problems };
}

/** A sentence when an active trial's end has passed, or an expired trial's end is still ahead, at `now`; else `undefined`. */
export function trialContradiction(trial: { status: TrialStatus; endsAt: string | undefined }, now: Date | undefined): string | undefined {
  if (!now || trial.endsAt === undefined || Number.isNaN(now.getTime())) return undefined;
  const end = Date.parse(trial.endsAt);
  if (trial.status === 'active' && end <= now.getTime()) return `The trial is marked active, but its end (${trial.endsAt}) has passed; the status is shown as the server sent it.`;
  if (trial.status === 'expired' && end > now.getTime())
    return `The trial is marked expired, but its end (${trial.endsAt}) is still ahead; the status is shown as the server sent it.`;
  return undefined;
}

export interface UsageProjection {
  used: number;
  included: number | undefined;
  /** used / included, where there is an allowance. */
  share: number | undefined;
  /** Minutes by the month's end at the pace so far. */
  projected: number;
  /** Days of the month elapsed (today counted), and the month's length. */
  elapsedDays: number;
  monthDays: number;
}

/**
 * This month's billable minutes against the plan's allowance, and where the month will end at the
 * pace so far. `month` is the organization's current month; `now` is read in its time zone.
 */
export function projectUsage(used: number, included: number | undefined, month: string, now: Date, timeZone: string | undefined): UsageProjection {
  const monthDays = daysInMonth(month);
  const today = monthInTimeZone(now, timeZone ?? 'UTC');
  const day = Number(new Intl.DateTimeFormat('en-US', { timeZone: timeZone ?? 'UTC', day: 'numeric' }).format(now));
  const elapsedDays = today === month ? Math.min(monthDays, Math.max(1, day)) : today > month ? monthDays : 1;
  const projected = elapsedDays >= monthDays ? used : Math.round((used / elapsedDays) * monthDays);
  const share = included !== undefined && included > 0 ? used / included : undefined;
  return { used, included, share, projected, elapsedDays, monthDays };
}
