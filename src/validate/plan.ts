/** `voice/plan` validation, and the arithmetic of the usage meter (pure, no DOM). */
import { daysInMonth, monthInTimeZone } from '../model/months.js';
import type { TrialStatus, VoicePlan } from '../model/types.js';
import { runNow } from '../core/yield.js';
import { msg, str } from '../i18n/localize.js';
import { isIsoInstant, problemOf, readRows, requireList, type Problem, type Words } from './validate.js';
import { THE_ID, THE_NAME } from './agent-rows.js';
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

/* Field labels of data problem messages (fields of a pricing plan). */
const THE_CURRENCY: Words = () => msg('the currency', { desc: 'A field of a pricing plan, in a data problem message such as “Plan 2: the currency is missing; expected …”.' });
const THE_PRICE_PER_MINUTE: Words = () =>
  msg('the price per minute', { desc: 'A field of a pricing plan, in a data problem message such as “Plan 2: the price per minute is missing; expected …”.' });
const THE_INCLUDED_MINUTES: Words = () =>
  msg('the included minutes', {
    desc: 'A field of a pricing plan (minutes included in its price), in a data problem message such as “Plan 2: the included minutes is missing; expected …”.',
  });
const CURRENCY_CODE: Words = () =>
  msg('an ISO 4217 code such as EUR', { desc: 'Completes “…; expected …” in a data problem message: what a currency should have been. Keep ISO 4217 and EUR.' });

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
    throw new UsageDataError('contract', operation, () =>
      msg(str`The answer to ${operation} has no “trial”.`, {
        desc: 'Error message. “trial” is a JSON key of the data: keep it as it is. The operation (e.g. voice/plan) is the name of a REST call.',
      }),
    );
  }
  const t = trialIn as Record<string, unknown>;
  let status: TrialStatus = 'unavailable';
  if (STATUSES.includes(t.status as TrialStatus)) status = t.status as TrialStatus;
  else {
    const statuses = STATUSES.join(', ');
    problems.push(
      problemOf(() =>
        msg(str`The trial status is not one of ${statuses}; the trial is treated as unavailable.`, {
          desc: 'Data problem message about the AI Voice trial. The placeholder lists the status codes of the data (available, active, …): keep them as they are.',
        }),
      ),
    );
  }
  let endsAt: string | undefined;
  if (t.endsAt !== undefined) {
    if (isIsoInstant(t.endsAt)) endsAt = t.endsAt;
    else problems.push(problemOf(() => msg('The trial’s end is not a date and time with an offset; it is not shown.', { desc: 'Data problem message about the AI Voice trial.' })));
  }
  if (endsAt !== undefined && (status === 'available' || status === 'unavailable')) {
    const end = endsAt;
    const available = status === 'available';
    problems.push(
      problemOf(() =>
        available
          ? msg(str`The trial is available, so it has not started, yet it has an end (${end}); the end is not shown.`, {
              desc: 'Data problem message about the AI Voice trial. The placeholder is the end the server sent (an ISO 8601 date and time).',
            })
          : msg(str`The trial is unavailable, so it has not started, yet it has an end (${end}); the end is not shown.`, {
              desc: 'Data problem message about the AI Voice trial. The placeholder is the end the server sent (an ISO 8601 date and time).',
            }),
      ),
    );
    endsAt = undefined;
  }
  const contradiction = contradictionWords({ status, endsAt }, now);
  if (contradiction) problems.push(problemOf(contradiction));
  const days = typeof t.days === 'number' && Number.isSafeInteger(t.days) && t.days > 0 ? t.days : undefined;
  let currentPlanId: string | null = null;
  if (typeof body.currentPlanId === 'string') currentPlanId = body.currentPlanId;
  else if (body.currentPlanId !== null && body.currentPlanId !== undefined)
    problems.push(problemOf(() => msg('The current plan id is not a text; no plan is marked as current.', { desc: 'Data problem message about the pricing plans.' })));
  // A handful of plans: read at once.
  const plans = runNow(
    readRows(
      list,
      problems,
      (r, _row, index) => {
        const id = r.id('id', THE_ID);
        return {
          key: id ?? `#plan-${index + 1}`,
          id,
          name: r.text('name', THE_NAME),
          currency: r.code('currency', THE_CURRENCY, /^[A-Z]{3}$/, CURRENCY_CODE),
          pricePerMinute: r.amount('pricePerMinute', THE_PRICE_PER_MINUTE),
          includedMinutes: r.amount('includedMinutes', THE_INCLUDED_MINUTES),
        };
      },
      (row, index): Words => {
        const n = index + 1;
        const name = row.name;
        return typeof name === 'string'
          ? () =>
              msg(str`Plan ${n} (“${name}”)`, {
                desc: 'Names a pricing plan in a data problem message, e.g. “Plan 2 (“Pro”): the currency is missing; …”. The second placeholder is the plan’s name.',
              })
          : () => msg(str`Plan ${n}`, { desc: 'Names a pricing plan in a data problem message, e.g. “Plan 2: the currency is missing; …”.' });
      },
    ),
  );
  return { trial: { status, endsAt, days }, currentPlanId, plans, problems };
}

/** A sentence when an active trial's end has passed, or an expired trial's end is still ahead, at `now`; else `undefined`. In the language in force. */
export function trialContradiction(trial: { status: TrialStatus; endsAt: string | undefined }, now: Date | undefined): string | undefined {
  return contradictionWords(trial, now)?.();
}

/** `trialContradiction`'s sentence as words made when read (what is compared is decided now). */
function contradictionWords(trial: { status: TrialStatus; endsAt: string | undefined }, now: Date | undefined): Words | undefined {
  const endsAt = trial.endsAt;
  if (!now || endsAt === undefined || Number.isNaN(now.getTime())) return undefined;
  const end = Date.parse(endsAt);
  if (trial.status === 'active' && end <= now.getTime()) {
    return () =>
      msg(str`The trial is marked active, but its end (${endsAt}) has passed; the status is shown as the server sent it.`, {
        desc: 'Data problem message about the AI Voice trial. The placeholder is the end the server sent (an ISO 8601 date and time).',
      });
  }
  if (trial.status === 'expired' && end > now.getTime()) {
    return () =>
      msg(str`The trial is marked expired, but its end (${endsAt}) is still ahead; the status is shown as the server sent it.`, {
        desc: 'Data problem message about the AI Voice trial. The placeholder is the end the server sent (an ISO 8601 date and time).',
      });
  }
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
