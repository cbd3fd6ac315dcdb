/** Hostile data at the validation and formatting layer: values that used to break the screen. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entityTypeLabel, formatAmount, formatChange, formatCount, formatCurrency, formatMonth, formatPercent, isBlankText, numberFormat } from '../../src/format/format.js';
import { describeLicense } from '../../src/format/license.js';
import { addMonths, isMonth, monthRange } from '../../src/model/months.js';
import { historyRange } from '../../src/model/history-range.js';
import { validateCallsPage } from '../../src/validate/calls.js';
import { validateHistory } from '../../src/validate/history.js';
import { validateVoicePlan } from '../../src/validate/plan.js';
import { validateVoiceAgents } from '../../src/validate/voice-agents.js';
import { validateMessagingAgents } from '../../src/validate/messaging-agents.js';
import { chartSummary } from '../../src/components/usage-history/history-chart.js';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString'];

const agent = (over: Record<string, unknown> = {}) => ({
  id: 'a1',
  name: 'Astrid',
  active: true,
  entity: { id: 'e1', name: 'Support', type: 'response-group' },
  activatedAt: '2026-01-05T09:00:00Z',
  callsEngagedThisMonth: 1,
  callsHandledSinceActivation: 2,
  billableMinutesThisMonth: 3,
  billableMinutesSinceActivation: 4,
  nonBillableCallsThisMonth: 5,
  nonBillableCallsSinceActivation: 6,
  ...over,
});

const m = (month: unknown, billableMinutes: unknown = 100, callsEngaged: unknown = 10, nonBillableCalls: unknown = 1) => ({
  month,
  billableMinutes,
  callsEngaged,
  nonBillableCalls,
});

describe('prototype keys as data', () => {
  it('shows an entity type named like an Object member by its own name', () => {
    for (const type of PROTOTYPE_KEYS) {
      const label = entityTypeLabel(type);
      assert.equal(typeof label, 'string');
      assert.doesNotMatch(label, /\[object|function|native code/, type);
      assert.ok(label.toLowerCase().includes(type.replace(/_/g, '').toLowerCase()), `${type} → ${label}`);
    }
    assert.equal(entityTypeLabel('constructor'), 'Constructor');
    assert.equal(entityTypeLabel('__proto__'), '__proto__');
    assert.equal(entityTypeLabel('sip-trunk'), 'Sip trunk');
    assert.equal(entityTypeLabel('phone-number'), 'Phone number');
    for (const type of PROTOTYPE_KEYS) {
      const license = describeLicense(type, undefined, new Date('2026-11-01T00:00:00Z'), 'en');
      assert.doesNotMatch(license?.label ?? '', /\[object|function|native code/, type);
    }
  });
});

describe('negative zero', () => {
  it('formats -0 as 0 in counts, amounts, percentages, changes and prices', () => {
    assert.equal(formatCount(-0, 'en'), '0');
    assert.equal(formatAmount(-0, 'en'), '0');
    assert.equal(formatAmount(-0.01, 'en'), '0');
    assert.equal(formatPercent(-0, 'en'), '0%');
    assert.equal(formatChange(-0, 'en'), '0%');
    assert.equal(formatCurrency(-0, 'EUR', 'en'), '€0.00');
    assert.equal(numberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(-0), '0%');
    assert.equal(numberFormat('en', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(-0), '€0.00');
    assert.equal(formatCount(-3, 'en'), '-3');
  });

  it('reads -0 as 0 when validating', async () => {
    const view = await validateVoiceAgents({ month: '2026-11', timeZone: 'UTC', agents: [agent({ billableMinutesThisMonth: -0, callsEngagedThisMonth: -0 })] });
    assert.ok(Object.is(view.rows[0]!.billableMinutesThisMonth, 0));
    assert.ok(Object.is(view.rows[0]!.callsEngagedThisMonth, 0));
    assert.equal(view.problems.length, 0);
    const history = await validateHistory({ months: [m('2026-11', -0, -0, -0)] }, '2026-11', '2026-11');
    assert.equal(chartSummary(history.rows, 'billableMinutes', 'en'), 'Billable minutes per month, November 2026 to November 2026: 0 in total; November 2026: 0 billable minutes.');
  });
});

describe('history rows that cannot be placed in a month', () => {
  it('never drops them: reports their figures, marks the month, and shows "not available" where the only row was unusable', async () => {
    const view = await validateHistory(
      { months: [m('2026-01', 10), m('2026-02 ', 9000), m('2026-13', 7), m('2026-01', 20), m('2027-05', 30), m('2026-03', 40)] },
      '2026-01',
      '2026-04',
    );
    assert.deepEqual(
      view.rows.map((r) => [r.month, r.billableMinutes, r.incomplete, r.hasProblem]),
      [
        ['2026-01', 10, true, true],
        ['2026-02', undefined, true, true],
        ['2026-03', 40, false, false],
        ['2026-04', 0, false, false],
      ],
    );
    assert.deepEqual(
      view.leftOut.map((r) => [r.row, r.month, r.billableMinutes]),
      [
        [2, '2026-02', 9000],
        [3, undefined, 7],
        [4, '2026-01', 20],
        [5, undefined, 30],
      ],
    );
    const text = view.problems.map((p) => p.message).join('\n');
    assert.match(text, /Row 2 is not shown: .*2026-02.*9000 billable minutes/);
    assert.match(text, /Row 3 is not shown: .*7 billable minutes/);
    assert.match(text, /Row 4 is not shown: month 2026-01 appears more than once.*20 billable minutes/);
    assert.match(text, /Row 5 is not shown: month 2027-05 is outside the period.*30 billable minutes/);
    assert.equal(view.rowsWithProblems, 4);
    assert.match(chartSummary(view.rows, 'billableMinutes', 'en', view.leftOut.length), /in total \(incomplete\).*4 rows of the answer not placed in a month/);
  });
});

describe('months at the edges', () => {
  it('accepts months from 0001-01 to 9999-12 only', () => {
    for (const ok of ['0001-01', '0099-12', '9999-12']) assert.ok(isMonth(ok), ok);
    for (const bad of ['0000-01', '0000-11', '10000-01', '00-1--10', '-001-01', '2026-13', '2026-03 ']) assert.ok(!isMonth(bad), bad);
  });

  it('never builds a malformed month, and formats years 1–99 as themselves', () => {
    assert.equal(addMonths('0001-03', -11), '0001-01');
    assert.equal(addMonths('9999-12', 1), '9999-12');
    assert.deepEqual(monthRange('9999-11', '9999-12'), ['9999-11', '9999-12']);
    assert.equal(formatMonth('0005-03', 'en'), 'March 5');
    assert.equal(formatMonth('0099-12', 'en'), 'December 99');
    assert.equal(formatMonth('9999-12', 'en'), 'December 9999');
  });

  it('keeps every history range well formed, whatever the organization month', () => {
    for (const current of ['0001-05', '9999-12', '0000-05', 'garbage']) {
      const range = historyRange(undefined, undefined, 'last-12', current);
      assert.ok(isMonth(range.from) && isMonth(range.to) && range.from <= range.to, `${current}: ${JSON.stringify(range)}`);
    }
    assert.deepEqual(historyRange(undefined, undefined, 'last-12', '0001-05'), { from: '0001-01', to: '0001-05' });
    assert.deepEqual(historyRange(undefined, undefined, 'last-6', '9999-12'), { from: '9999-07', to: '9999-12' });
  });

  it('ignores a custom from before 0001-01 and keeps a custom period to at most ten years', () => {
    assert.deepEqual(historyRange('0000-12', '2026-03', 'last-6', '2026-11'), { from: '2026-06', to: '2026-11' });
    assert.deepEqual(historyRange('0001-01', '2026-03', 'last-6', '2026-11'), { from: '2016-04', to: '2026-03' });
  });

  it('rejects an organization month in year 0000 with a problem', async () => {
    const view = await validateVoiceAgents({ month: '0000-05', timeZone: 'UTC', agents: [] });
    assert.equal(view.month, undefined);
    assert.match(view.problems.map((p) => p.message).join('\n'), /no valid “month”/);
  });
});

describe('other hostile values', () => {
  it('treats names made only of zero-width characters as blank', () => {
    assert.ok(isBlankText('\u200b\u200c\u200d\u2060\ufeff'));
    assert.ok(isBlankText('\u200e\u200f \u00ad'));
    assert.ok(!isBlankText('Astrid\u200b'));
    assert.ok(!isBlankText('ا'));
  });

  it('trusts the calls listed over a total that cannot hold them, and says so', async () => {
    const call = (id: string) => ({
      id,
      startedAt: '2026-11-02T10:00:00Z',
      durationSeconds: 60,
      agentId: 'a',
      agentName: 'A',
      takenBy: { kind: 'ai-agent', name: 'A' },
      billable: true,
    });
    const view = await validateCallsPage({ total: 1, items: [call('1'), call('2'), call('3')] }, 50);
    assert.equal(view.total, 53);
    assert.match(view.problems[0]!.message, /says there are 1 calls in all, but this page lists 3 from call 51/);
    assert.equal((await validateCallsPage({ total: 120, items: [call('1')] }, 0)).total, 120);
  });

  it('shows integers past 2^53 − 1 as not available, with a problem', async () => {
    const view = await validateVoiceAgents({ month: '2026-11', timeZone: 'UTC', agents: [agent({ callsEngagedThisMonth: 2 ** 53 + 2, billableMinutesThisMonth: 1e300 })] });
    assert.equal(view.rows[0]!.callsEngagedThisMonth, undefined);
    assert.equal(view.rows[0]!.billableMinutesThisMonth, undefined);
    assert.equal(view.rows[0]!.hasProblem, true);
    assert.match(view.problems.map((p) => p.message).join('\n'), /calls engaged this month is about 9\.007e\+15; expected a number of at most 9,007,199,254,740,991/);
    assert.equal(
      (await validateVoiceAgents({ month: '2026-11', timeZone: 'UTC', agents: [agent({ callsEngagedThisMonth: Number.MAX_SAFE_INTEGER })] })).rows[0]!.callsEngagedThisMonth,
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('keeps a hole of a sparse array as a row of unavailable values, with a problem', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const agents = [agent(), , agent({ id: 'a3' })];
    const view = await validateMessagingAgents({ agents });
    assert.equal(view.rows.length, 3);
    assert.ok(1 in view.rows, 'no hole in the rows');
    assert.equal(view.rows[1]!.name, undefined);
    assert.equal(view.rows[1]!.hasProblem, true);
    assert.match(view.problems.map((p) => p.message).join('\n'), /Row 2 is missing \(an empty slot in the list\)/);
  });

  it('falls back to billable minutes for an unknown chart metric', async () => {
    const view = await validateHistory({ months: [m('2026-11', 5)] }, '2026-11', '2026-11');
    for (const metric of ['bogus', 'constructor', '__proto__', '']) {
      assert.match(chartSummary(view.rows, metric as 'billableMinutes', 'en'), /^Billable minutes per month/);
    }
  });

  it('reports trial dates that contradict the trial status', () => {
    const plan = (trial: Record<string, unknown>, now?: Date) => validateVoicePlan({ trial, currentPlanId: null, plans: [] }, 'voice/plan', now);
    const available = plan({ status: 'available', endsAt: '2026-12-01T00:00:00Z' });
    assert.equal(available.trial.endsAt, undefined);
    assert.match(available.problems[0]!.message, /has not started, yet it has an end/);
    const now = new Date('2026-11-15T00:00:00Z');
    assert.match(plan({ status: 'active', endsAt: '2026-11-01T00:00:00Z' }, now).problems[0]!.message, /marked active, but its end .* has passed/);
    assert.match(plan({ status: 'expired', endsAt: '2026-12-01T00:00:00Z' }, now).problems[0]!.message, /marked expired, but its end .* is still ahead/);
    assert.equal(plan({ status: 'active', endsAt: '2026-12-01T00:00:00Z' }, now).problems.length, 0);
  });
});
