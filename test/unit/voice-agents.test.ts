import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageDataError } from '../../src/sources/data-source.js';
import { summarizeVoiceAgents, validateVoiceAgents } from '../../src/validate/voice-agents.js';

const agent = (over: Record<string, unknown> = {}) => ({
  id: 'a1',
  name: 'Astrid',
  active: true,
  entity: { id: 'rg1', name: 'Support', type: 'response-group' },
  activatedAt: '2026-01-05T09:00:00+01:00',
  callsEngagedThisMonth: 10,
  callsHandledSinceActivation: 100,
  billableMinutesThisMonth: 25.5,
  billableMinutesSinceActivation: 300,
  nonBillableCallsThisMonth: 1,
  nonBillableCallsSinceActivation: 9,
  ...over,
});

const answer = (agents: unknown[], over: Record<string, unknown> = {}) => ({ month: '2026-11', timeZone: 'Europe/Stockholm', agents, ...over });

describe('validateVoiceAgents', () => {
  it('passes a valid answer through with no problems', async () => {
    const view = await validateVoiceAgents(answer([agent()]));
    assert.equal(view.problems.length, 0);
    assert.equal(view.month, '2026-11');
    assert.equal(view.timeZone, 'Europe/Stockholm');
    assert.equal(view.rows[0]?.billableMinutesThisMonth, 25.5);
    assert.equal(view.rows[0]?.entityType, 'response-group');
    assert.equal(view.rows[0]?.hasProblem, false);
  });

  it('keeps a row with bad values, blanks only those values, and names them', async () => {
    const view = await validateVoiceAgents(
      answer([agent(), agent({ id: 'a2', name: 'Bo', billableMinutesThisMonth: -4, callsEngagedThisMonth: '12', nonBillableCallsThisMonth: 1.5 })]),
    );
    assert.equal(view.rows.length, 2);
    const row = view.rows[1]!;
    assert.equal(row.hasProblem, true);
    assert.equal(row.billableMinutesThisMonth, undefined);
    assert.equal(row.callsEngagedThisMonth, undefined);
    assert.equal(row.nonBillableCallsThisMonth, undefined);
    assert.equal(row.callsHandledSinceActivation, 100);
    assert.equal(view.rowsWithProblems, 1);
    assert.deepEqual(
      view.problems.map((p) => p.message),
      [
        'Row 2 (“\u2068Bo\u2069”): calls engaged this month is the text “12”; expected a whole number of 0 or more.',
        'Row 2 (“\u2068Bo\u2069”): billable minutes this month is -4; expected a number of 0 or more.',
        'Row 2 (“\u2068Bo\u2069”): non-billable calls this month is 1.5; expected a whole number of 0 or more.',
      ],
    );
  });

  it('reports missing and null values without echoing null', async () => {
    const bad = agent({ name: undefined, billableMinutesSinceActivation: null });
    const view = await validateVoiceAgents(answer([bad]));
    const messages = view.problems.map((p) => p.message).join('\n');
    assert.match(messages, /Row 1: the name is missing/);
    assert.match(messages, /billable minutes since activation is empty/);
    assert.doesNotMatch(messages, /\bnull\b|\bundefined\b/);
  });

  it('keeps a row that is not even an object', async () => {
    const view = await validateVoiceAgents(answer([agent(), 'oops', null]));
    assert.equal(view.rows.length, 3);
    assert.equal(view.rows[1]?.name, undefined);
    assert.equal(view.rowsWithProblems, 2);
    assert.match(view.problems.find((p) => p.row === 2)!.message, /Row 2 is the text “oops”, not an object\./);
  });

  it('gives duplicate or missing ids their own row keys', async () => {
    const view = await validateVoiceAgents(answer([agent(), agent(), agent({ id: undefined })]));
    assert.deepEqual(
      view.rows.map((r) => r.key),
      ['a1', '#row-2', '#row-3'],
    );
  });

  it('accepts numeric ids as text', async () => {
    assert.equal((await validateVoiceAgents(answer([agent({ id: 42 })]))).rows[0]?.id, '42');
  });

  it('flags a wrong month or time zone but still shows the rows', async () => {
    const view = await validateVoiceAgents(answer([agent()], { month: '11/2026', timeZone: 'Mars/Olympus' }));
    assert.equal(view.month, undefined);
    assert.equal(view.timeZone, undefined);
    assert.equal(view.rows.length, 1);
    assert.equal(view.problems.length, 2);
    assert.equal(view.rowsWithProblems, 0);
  });

  it('rejects an answer that is not an object or has no agents list', async () => {
    await assert.rejects(
      () => validateVoiceAgents('hello'),
      (e: unknown) => e instanceof UsageDataError && e.kind === 'contract',
    );
    await assert.rejects(() => validateVoiceAgents({ agents: {} }), /has no “agents” list/);
    await assert.rejects(() => validateVoiceAgents([]), /is not a JSON object/);
  });

  it('checks activation times and asOf for an offset', async () => {
    const view = await validateVoiceAgents(answer([agent({ activatedAt: '2026-01-05 09:00' })], { asOf: 'now' }));
    assert.equal(view.rows[0]?.activatedAt, undefined);
    assert.equal(view.asOf, undefined);
    assert.equal(view.problems.length, 2);
  });
});

describe('summarizeVoiceAgents', () => {
  it('counts active agents and sums minutes, counting what it leaves out', async () => {
    const view = await validateVoiceAgents(answer([agent(), agent({ id: 'b', active: false, billableMinutesThisMonth: 'x' })]));
    const s = summarizeVoiceAgents(view.rows);
    assert.equal(s.agents, 2);
    assert.equal(s.active, 1);
    assert.equal(s.inactive, 1);
    assert.deepEqual(s.billableMinutesThisMonth, { sum: 25.5, missing: 1 });
    assert.deepEqual(s.callsEngagedThisMonth, { sum: 20, missing: 0 });
  });
});
