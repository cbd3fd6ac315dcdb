import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoData } from '../../src/model/demo-dataset.js';
import { validateVoiceAgents } from '../../src/validate/voice-agents.js';

const options = { seed: 11, voiceAgents: 20, month: '2026-11', now: new Date('2026-11-25T12:00:00Z') };

describe('createDemoData', () => {
  it('is deterministic for a seed', () => {
    assert.deepEqual(createDemoData(options), createDemoData(options));
    assert.notDeepEqual(createDemoData(options).voiceAgents, createDemoData({ ...options, seed: 12 }).voiceAgents);
  });

  it('produces answers that pass the contract checks', async () => {
    const view = await validateVoiceAgents(createDemoData(options).voiceAgents);
    assert.equal(view.problems.length, 0);
    assert.equal(view.rows.length, 20);
  });

  it('mixes active and inactive agents, response groups and phone numbers, and several scripts', () => {
    const agents = createDemoData(options).voiceAgents.agents;
    assert.ok(agents.some((a) => a.active) && agents.some((a) => !a.active));
    assert.ok(agents.some((a) => a.entity.type === 'response-group') && agents.some((a) => a.entity.type === 'phone-number'));
    assert.ok(
      agents.some((a) => /[\u0600-\u06ff]/.test(a.name)),
      'an Arabic name',
    );
    assert.ok(
      agents.some((a) => /[\u3040-\u30ff]/.test(a.name)),
      'a Japanese name',
    );
  });

  it('adds up: history sums to the since-activation totals, calls to the month’s figures', () => {
    const data = createDemoData(options);
    for (const agent of data.voiceAgents.agents) {
      const history = data.voiceHistory[agent.id]!;
      assert.equal(
        history.reduce((s, m) => s + m.callsEngaged, 0),
        agent.callsHandledSinceActivation,
      );
      assert.equal(
        history.reduce((s, m) => s + m.billableMinutes, 0),
        agent.billableMinutesSinceActivation,
      );
      assert.equal(history.at(-1)!.billableMinutes, agent.billableMinutesThisMonth);
      const calls = data.voiceCalls['2026-11']!.filter((c) => c.agentId === agent.id);
      assert.equal(calls.length, agent.callsEngagedThisMonth);
      assert.equal(calls.filter((c) => !c.billable).length, agent.nonBillableCallsThisMonth);
      assert.equal(
        calls.filter((c) => c.billable).reduce((s, c) => s + Math.ceil(c.durationSeconds / 60), 0),
        agent.billableMinutesThisMonth,
      );
      assert.ok(calls.every((c) => c.billable === c.durationSeconds >= 15));
    }
  });

  it('inactive agents take no calls this month', () => {
    for (const agent of createDemoData(options).voiceAgents.agents.filter((a) => !a.active)) {
      assert.equal(agent.callsEngagedThisMonth, 0);
    }
  });

  it('scales to a month of about 100,000 calls', () => {
    const data = createDemoData({ ...options, voiceAgents: 12, volume: 40, callMonths: ['2026-10'] });
    const count = data.voiceCalls['2026-10']!.length;
    assert.ok(count > 60_000 && count < 200_000, `got ${count}`);
  });
});
