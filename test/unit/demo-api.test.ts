import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApi, parseScenario } from '../../demo/api.js';
import type { VoiceAgentsResponse, VoiceCallsPage } from '../../src/model/types.js';
import { validateCallsPage } from '../../src/validate/calls.js';
import { validateVoiceAgents } from '../../src/validate/voice-agents.js';

describe('demo backend scenarios', () => {
  it('reads number flags within their ranges and switch flags by name', () => {
    const s = parseScenario('latency=99999,status=200,calls=403,agents=3,seed=5,hang,trial-unreadable,not-json,trial=expired,tag=x');
    assert.equal(s.latency, 30_000);
    assert.equal(s.status, 400);
    assert.equal(s.callsStatus, 403);
    assert.equal(s.agents, 3);
    assert.equal(s.seed, 5);
    assert.equal(s.hang, true);
    assert.equal(s.trialUnreadable, true);
    assert.equal(s.notJson, true);
    assert.equal(s.trickle, false);
    assert.equal(s.trial, 'expired');
    assert.equal(s.tag, 'x');
  });

  it('ignores unknown flags, prototype names and bad values', () => {
    const s = parseScenario('constructor,__proto__=1,toString=2,hasOwnProperty,trial=forever,volume=abc,agents=7');
    assert.deepEqual(s, { ...parseScenario(''), agents: 7 });
    assert.equal(Object.getPrototypeOf(s), Object.prototype);
    // Not decodable: no flags at all.
    assert.deepEqual(parseScenario('agents=7,%E0%A4%A'), parseScenario(''));
  });

  it('reads the bulk flags within their ranges', () => {
    const s = parseScenario('bulk-agents=200000,bulk-calls');
    assert.equal(s.bulkAgents, 110_000);
    assert.equal(s.bulkCalls, 100_000);
    assert.equal(parseScenario('').bulkAgents, undefined);
    assert.equal(parseScenario('bulk-agents=250').bulkAgents, 250);
  });
});

describe('demo backend bulk data (the benchmark’s)', () => {
  const api = createApi();
  const get = async (path: string) => {
    const answer = await api.handle('GET', new URL(path, 'http://localhost'));
    assert.ok(answer, `no answer for ${path}`);
    return { status: answer.status, body: JSON.parse(answer.body) as unknown };
  };

  it('answers voice/agents with N valid agents, unique names and billable minutes that never tie, the same every time', async () => {
    const { status, body } = await get('/api/scenarios/bulk-agents=1000/voice/agents');
    assert.equal(status, 200);
    const answer = body as VoiceAgentsResponse;
    assert.equal(answer.agents.length, 1000);
    assert.equal(new Set(answer.agents.map((a) => a.id)).size, 1000);
    assert.equal(new Set(answer.agents.map((a) => a.name)).size, 1000);
    assert.deepEqual(
      answer.agents.map((a) => a.billableMinutesThisMonth).sort((a, b) => a - b),
      Array.from({ length: 1000 }, (_, i) => i),
    );
    const view = await validateVoiceAgents(answer);
    assert.deepEqual(view.problems, []);
    assert.equal(view.rows.length, 1000);
    assert.equal(view.rows.filter((r) => r.active === false).length, 200);
    assert.deepEqual((await get('/api/scenarios/bulk-agents=1000/voice/agents')).body, body);
    assert.notDeepEqual((await get('/api/scenarios/bulk-agents=1000,seed=8/voice/agents')).body, body);
  });

  it('keeps the other switches working with bulk agents', async () => {
    const broken = (await get('/api/scenarios/bulk-agents=20,malformed/voice/agents')).body as VoiceAgentsResponse;
    assert.equal(broken.agents.length, 20);
    assert.ok((await validateVoiceAgents(broken)).rowsWithProblems > 0);
    assert.equal((await get('/api/scenarios/bulk-agents=20,status=503/voice/agents')).status, 503);
    // Without the flag, the demo dataset as before.
    assert.equal(((await get('/api/ai-usage/voice/agents')).body as VoiceAgentsResponse).agents.length, 14);
  });

  it('pages voice/calls through N calls of the month asked for, newest first by default, without gaps or repeats', async () => {
    const base = '/api/scenarios/bulk-calls=100000/voice/calls?month=2026-02';
    const first = (await get(`${base}&sort=startedAt:desc&offset=0&limit=500`)).body as VoiceCallsPage;
    const second = (await get(`${base}&sort=startedAt:desc&offset=500&limit=500`)).body as VoiceCallsPage;
    const last = (await get(`${base}&sort=startedAt:desc&offset=99900&limit=500`)).body as VoiceCallsPage;
    assert.equal(first.total, 100_000);
    assert.equal(first.items.length, 500);
    assert.equal(last.items.length, 100);
    const times = [...first.items, ...second.items].map((c) => Date.parse(c.startedAt));
    assert.ok(
      times.every((t, i) => i === 0 || t < (times[i - 1] as number)),
      'strictly newest first across pages',
    );
    assert.ok([...first.items, ...last.items].every((c) => c.startedAt.startsWith('2026-02-')));
    assert.equal(new Set([...first.items, ...second.items, ...last.items].map((c) => c.id)).size, 1100);
    const view = await validateCallsPage(first, 0);
    assert.deepEqual(view.problems, []);
    assert.equal(view.rows.length, 500);
    // Consecutive calls belong to different agents.
    assert.notEqual(first.items[0]?.agentName, first.items[1]?.agentName);
  });

  it('sorts and filters bulk calls as asked, and refuses a page over 500', async () => {
    const base = '/api/scenarios/bulk-calls=5000/voice/calls?month=2026-11';
    const byLength = (await get(`${base}&sort=durationSeconds:asc&offset=0&limit=500`)).body as VoiceCallsPage;
    const lengths = byLength.items.map((c) => c.durationSeconds);
    assert.deepEqual(
      lengths,
      [...lengths].sort((a, b) => a - b),
    );
    const agentId = byLength.items[0]?.agentId as string;
    const own = (await get(`${base}&agentId=${agentId}&offset=0&limit=500`)).body as VoiceCallsPage;
    assert.ok(own.total > 0 && own.total < 5000);
    assert.ok(own.items.every((c) => c.agentId === agentId));
    assert.equal((await get(`${base}&offset=0&limit=501`)).status, 400);
    assert.equal((await get('/api/scenarios/bulk-calls=5000,calls=403/voice/calls?month=2026-11&offset=0&limit=50')).status, 403);
  });
});
