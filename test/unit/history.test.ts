import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateCallsPage } from '../../src/validate/calls.js';
import { monthOverMonth, niceTicks, validateHistory } from '../../src/validate/history.js';
import { formatChange, formatDuration, formatMonth } from '../../src/format/format.js';
import { chartSummary } from '../../src/components/usage-history/history-chart.js';

const m = (month: string, billableMinutes: unknown, callsEngaged: unknown = 10, nonBillableCalls: unknown = 1) => ({ month, billableMinutes, callsEngaged, nonBillableCalls });

describe('validateHistory', () => {
  it('gives one row per month of the period, zero for months the backend left out', async () => {
    const view = await validateHistory({ months: [m('2026-09', 100), m('2026-11', 120)] }, '2026-08', '2026-11');
    assert.deepEqual(
      view.rows.map((r) => [r.month, r.billableMinutes, r.absent]),
      [
        ['2026-08', 0, true],
        ['2026-09', 100, false],
        ['2026-10', 0, true],
        ['2026-11', 120, false],
      ],
    );
    assert.equal(view.problems.length, 0);
  });

  it('reports bad values, months outside the period and duplicates without dropping valid months', async () => {
    const view = await validateHistory({ months: [m('2026-10', -5), m('2026-11', 1), m('2026-11', 2), m('2027-01', 3), m('nov', 4)] }, '2026-10', '2026-11');
    assert.equal(view.rows[0]!.billableMinutes, undefined);
    assert.equal(view.rows[0]!.hasProblem, true);
    assert.equal(view.rows[1]!.billableMinutes, 1);
    const text = view.problems.map((p) => p.message).join('\n');
    assert.match(text, /Month 2026-10: billable minutes is -5/);
    assert.match(text, /2026-11 appears more than once/);
    assert.match(text, /2027-01 is outside the period/);
    assert.match(text, /Row 5: the month is the text “nov”/);
  });

  it('rejects an answer without a months list', async () => {
    await assert.rejects(() => validateHistory({ history: [] }, '2026-01', '2026-02'), /no “months” list/);
  });
});

describe('monthOverMonth', () => {
  it('is the change against the previous month, with no base after zero or an invalid month', async () => {
    const view = await validateHistory({ months: [m('2026-08', 100), m('2026-09', 150), m('2026-10', 0), m('2026-11', 30)] }, '2026-08', '2026-11');
    assert.deepEqual(monthOverMonth(view.rows, 'billableMinutes'), [undefined, 0.5, -1, undefined]);
    assert.equal(formatChange(0.5, 'en'), '+50%');
    assert.equal(formatChange(-0.066, 'en'), '-6.6%');
    assert.equal(formatChange(0, 'en'), '0%');
    assert.equal(formatChange(undefined, 'en'), '—');
  });
});

describe('niceTicks', () => {
  it('uses round steps that reach the maximum', () => {
    assert.deepEqual(niceTicks(9265), [0, 2500, 5000, 7500, 10000]);
    assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(niceTicks(0), [0, 1]);
  });
});

describe('formatDuration', () => {
  it('writes m:ss under an hour and h:mm:ss from an hour, never 0:60', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(14), '0:14');
    assert.equal(formatDuration(59.6), '1:00');
    assert.equal(formatDuration(60), '1:00');
    assert.equal(formatDuration(3599.5), '1:00:00');
    assert.equal(formatDuration(3725), '1:02:05');
    assert.equal(formatDuration(-1), '—');
    assert.equal(formatDuration(Number.NaN), '—');
  });
});

describe('formatMonth in any time zone', () => {
  it('reads February for 2025-02 whatever the runtime zone', () => {
    assert.equal(formatMonth('2025-02', 'en-US'), 'February 2025');
  });
});

describe('chartSummary', () => {
  it('says the period, total, peak and latest change in words', async () => {
    const view = await validateHistory({ months: [m('2026-09', 100), m('2026-10', 200), m('2026-11', 150)] }, '2026-09', '2026-11');
    assert.equal(
      chartSummary(view.rows, 'billableMinutes', 'en-US'),
      'Billable minutes per month, September 2026 to November 2026: 450 in total; highest in October 2026 (200); November 2026: 150 billable minutes, -25% on the month before.',
    );
  });
});

describe('validateCallsPage', () => {
  const call = (over: Record<string, unknown> = {}) => ({
    id: 'c1',
    startedAt: '2026-11-02T08:00:00Z',
    durationSeconds: 65,
    agentId: 'a1',
    agentName: 'Astrid',
    takenBy: { kind: 'user', name: 'Anna' },
    billable: true,
    ...over,
  });

  it('reads a page, allows a missing taker, and reports a malformed one', async () => {
    const view = await validateCallsPage({ total: 1234, items: [call(), call({ id: 'c2', takenBy: undefined }), call({ id: 'c3', takenBy: { kind: 7 } })] }, 100);
    assert.equal(view.total, 1234);
    assert.equal(view.rows[0]!.takenByName, 'Anna');
    assert.equal(view.rows[1]!.takenByKind, undefined);
    assert.equal(view.rows[1]!.hasProblem, false);
    assert.equal(view.rows[2]!.hasProblem, true);
    assert.match(view.problems[0]!.message, /^Call 103: who took the call \(kind\) is 7/);
  });

  it('rejects a page without a valid total', async () => {
    await assert.rejects(() => validateCallsPage({ items: [] }, 0), /no valid “total”/);
    await assert.rejects(() => validateCallsPage({ total: -1, items: [] }, 0), /no valid “total”/);
  });
});
