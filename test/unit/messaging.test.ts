import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateMessagingAgents } from '../../src/validate/messaging-agents.js';
import { daysUntil, describeLicense } from '../../src/format/license.js';
import { sortRows } from '../../src/table/sort.js';

const now = new Date('2026-11-27T10:00:00Z');
const tz = 'Europe/Stockholm';

describe('describeLicense', () => {
  it('reads each license type', () => {
    assert.deepEqual(describeLicense('unlimited', undefined, now, 'en-GB', tz), { kind: 'unlimited', label: 'Unlimited', detail: '', tone: 'success', sortKey: '0' });
    const soon = describeLicense('trial', '2026-11-30T12:00:00Z', now, 'en-GB', tz)!;
    assert.equal(soon.label, 'Trial');
    assert.equal(soon.detail, 'ends 30 Nov 2026 · 3 days left');
    assert.equal(soon.tone, 'warning');
    assert.equal(describeLicense('trial', '2026-12-20T12:00:00Z', now, 'en-GB', tz)!.tone, 'info');
    const expired = describeLicense('trial', '2026-11-20T12:00:00Z', now, 'en-GB', tz)!;
    assert.equal(expired.label, 'Trial expired');
    assert.equal(expired.tone, 'danger');
    assert.equal(describeLicense('pay-as-you-go', undefined, now)!.label, 'Pay as you go');
    assert.equal(describeLicense(undefined, undefined, now), undefined);
  });

  it('counts days left in the organization’s calendar', () => {
    // 23:30 UTC on the 27th is already the 28th in Stockholm.
    assert.equal(daysUntil('2026-11-27T23:30:00Z', now, tz), 1);
    assert.equal(daysUntil('2026-11-27T23:30:00Z', now, 'UTC'), 0);
  });

  it('sorts Unlimited, other types, trials by days left, then expired', () => {
    const licenses = [
      ['trial', '2026-12-20T00:00:00Z'],
      ['trial', '2026-11-01T00:00:00Z'],
      ['enterprise', undefined],
      ['unlimited', undefined],
      ['trial', '2026-11-29T00:00:00Z'],
    ] as const;
    const collator = new Intl.Collator('en', { numeric: true });
    const sorted = sortRows(licenses, ([type, end]) => describeLicense(type, end, now, 'en', tz)?.sortKey, 'asc', collator);
    assert.deepEqual(
      sorted.map(([t, e]) => `${t}${e ? ` ${e.slice(0, 10)}` : ''}`),
      ['unlimited', 'enterprise', 'trial 2026-11-29', 'trial 2026-12-20', 'trial 2026-11-01'],
    );
  });
});

describe('validateMessagingAgents', () => {
  const agent = (over: Record<string, unknown> = {}) => ({
    id: 'm1',
    name: 'Maja',
    entity: { id: 'c1', name: 'Web chat', type: 'web-chat' },
    license: { type: 'trial', endsAt: '2026-12-01T00:00:00Z' },
    engagement: { newCasesPercentWhenOpen: 100, handlesWhenClosed: true },
    priceCredits: 10,
    engagedCases: 321,
    ...over,
  });

  it('reads a valid row', async () => {
    const view = await validateMessagingAgents({ agents: [agent()], timeZone: tz });
    assert.equal(view.problems.length, 0);
    assert.equal(view.timeZone, tz);
    assert.deepEqual(
      { ...view.rows[0] },
      {
        key: 'm1',
        id: 'm1',
        name: 'Maja',
        entityName: 'Web chat',
        entityType: 'web-chat',
        licenseType: 'trial',
        licenseEndsAt: '2026-12-01T00:00:00Z',
        newCasesPercentWhenOpen: 100,
        handlesWhenClosed: true,
        priceCredits: 10,
        engagedCases: 321,
        hasProblem: false,
      },
    );
  });

  it('keeps rows with an out-of-range percentage, a missing license or a text count', async () => {
    const view = await validateMessagingAgents({
      agents: [agent({ engagement: { newCasesPercentWhenOpen: 140, handlesWhenClosed: 'yes' } }), agent({ id: 'm2', license: undefined, engagedCases: 'many' })],
    });
    assert.equal(view.rows.length, 2);
    assert.equal(view.rowsWithProblems, 2);
    assert.equal(view.rows[0]!.newCasesPercentWhenOpen, undefined);
    assert.equal(view.rows[1]!.licenseType, undefined);
    assert.match(view.problems.map((p) => p.message).join('\n'), /the share of new cases is 140; expected a number from 0 to 100/);
  });
});
