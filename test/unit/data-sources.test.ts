import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemoServer } from './support/demo-server.js';
import { UsageDataError } from '../../src/sources/data-source.js';
import { createDemoData } from '../../src/model/demo-dataset.js';
import { createMemoryDataSource } from '../../src/sources/memory-data-source.js';
import { createRestDataSource } from '../../src/sources/rest-data-source.js';

/** The demo backend over real HTTP on loopback. */
let base: string;
useDemoServer((server) => (base = server.base));

const rejectsWith = (kind: string, message: RegExp) => (e: unknown) => e instanceof UsageDataError && e.kind === kind && message.test(e.message);

describe('createRestDataSource', () => {
  it('speaks the contract: agents, plan, history, calls, messaging', async () => {
    const source = createRestDataSource({ baseUrl: `${base}/api/ai-usage` });
    const agents = await source.getVoiceAgents({});
    assert.equal(agents.agents.length, 14);
    assert.match(agents.month, /^\d{4}-\d{2}$/);
    const plan = await source.getVoicePlan({});
    assert.equal(plan.trial.status, 'available');
    const history = await source.getVoiceHistory({ from: '2000-01', to: agents.month });
    assert.equal(history.months.at(-1)?.month, agents.month);
    const page = await source.getVoiceCalls({ month: agents.month, sort: { key: 'durationSeconds', direction: 'desc' }, offset: 0, limit: 5 });
    assert.equal(page.items.length, 5);
    assert.ok(page.total > 5);
    assert.ok(page.items[0]!.durationSeconds >= page.items[4]!.durationSeconds);
    const messaging = await source.getMessagingAgents({});
    assert.equal(messaging.agents.length, 9);
  });

  it('sends sort, offset and a limit clamped to 500', async () => {
    const seen: string[] = [];
    const source = createRestDataSource({
      baseUrl: `${base}/api/ai-usage/`,
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await source.getVoiceCalls({ month: '2026-11', agentId: 'va-001', sort: { key: 'startedAt', direction: 'asc' }, offset: 20, limit: 9999 });
    const url = new URL(seen[0]!);
    assert.equal(url.pathname, '/api/ai-usage/voice/calls');
    assert.deepEqual(Object.fromEntries(url.searchParams), { month: '2026-11', agentId: 'va-001', sort: 'startedAt:asc', offset: '20', limit: '500' });
  });

  it('posts to activate the trial and merges host request options', async () => {
    const calls: RequestInit[] = [];
    const source = createRestDataSource({
      baseUrl: `${base}/api/scenarios/seed=99/`,
      init: { headers: { Authorization: 'Bearer t' } },
      fetch: (input, init) => {
        calls.push(init ?? {});
        return fetch(input, init);
      },
    });
    const plan = await source.activateVoiceTrial({});
    assert.equal(plan.trial.status, 'active');
    assert.equal(calls[0]?.method, 'POST');
    assert.equal(new Headers(calls[0]?.headers).get('authorization'), 'Bearer t');
  });

  it('turns HTTP failures, permission, HTML pages and broken JSON into clear errors', async () => {
    const at = (flags: string) => createRestDataSource({ baseUrl: `${base}/api/scenarios/${flags}/` });
    await assert.rejects(at('status=500').getVoiceAgents({}), rejectsWith('http', /answered voice\/agents with HTTP 500/));
    await assert.rejects(
      at('calls=403').getVoiceCalls({ month: '2026-11', sort: { key: 'startedAt', direction: 'desc' }, offset: 0, limit: 10 }),
      rejectsWith('forbidden', /permission/),
    );
    await assert.rejects(at('html').getVoiceAgents({}), rejectsWith('not-json', /got an HTML page/));
    await assert.rejects(at('empty-body').getVoiceAgents({}), rejectsWith('not-json', /empty body/));
    await assert.rejects(at('not-json').getVoiceAgents({}), rejectsWith('not-json', /not valid JSON/));
  });

  it('shares identical GETs in flight, and aborts the request only when every caller has left', async () => {
    let requests = 0;
    let aborted = 0;
    const source = createRestDataSource({
      baseUrl: `${base}/api/scenarios/latency=150/`,
      fetch: (input, init) => {
        requests++;
        init?.signal?.addEventListener('abort', () => aborted++);
        return fetch(input, init);
      },
    });
    const [a, b] = await Promise.all([source.getVoiceAgents({}), source.getVoiceAgents({})]);
    assert.equal(requests, 1);
    assert.deepEqual(a, b);

    const first = new AbortController();
    const second = new AbortController();
    const p1 = source.getVoiceAgents({ signal: first.signal });
    const p2 = source.getVoiceAgents({ signal: second.signal });
    first.abort(new DOMException('first left', 'AbortError'));
    await assert.rejects(p1, /first left/);
    assert.equal((await p2).agents.length, 14);
    assert.equal(requests, 2);
    assert.equal(aborted, 0);

    const third = new AbortController();
    const p3 = source.getVoiceAgents({ signal: third.signal });
    third.abort(new DOMException('all left', 'AbortError'));
    await assert.rejects(p3, /all left/);
    assert.equal(aborted, 1);
    // A POST is never shared.
    const plans = await Promise.all([source.activateVoiceTrial({}), source.activateVoiceTrial({}).catch((e: Error) => e)]);
    assert.equal(requests, 5);
    assert.ok(plans[1] instanceof Error);
  });

  it('reports an unreachable server as a network error', async () => {
    const source = createRestDataSource({ baseUrl: 'http://127.0.0.1:9/' });
    await assert.rejects(source.getVoiceAgents({}), rejectsWith('network', /Could not reach the server/));
  });

  it('rejects with the abort reason when aborted', async () => {
    const source = createRestDataSource({ baseUrl: `${base}/api/scenarios/latency=2000/` });
    const controller = new AbortController();
    const pending = source.getVoiceAgents({ signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError');
  });
});

describe('createMemoryDataSource', () => {
  const data = createDemoData({ seed: 5, voiceAgents: 4, month: '2026-11', now: new Date('2026-11-20T10:00:00Z') });

  it('answers copies, so callers cannot change its data', async () => {
    const source = createMemoryDataSource(data);
    const first = await source.getVoiceAgents({});
    first.agents[0]!.name = 'changed';
    assert.notEqual((await source.getVoiceAgents({})).agents[0]!.name, 'changed');
  });

  it('activates an available trial once', async () => {
    const source = createMemoryDataSource(data, { now: () => new Date('2026-11-20T10:00:00Z'), trialDays: 14 });
    const plan = await source.activateVoiceTrial({});
    assert.deepEqual(plan.trial, { status: 'active', endsAt: '2026-12-04T10:00:00.000Z' });
    await assert.rejects(source.activateVoiceTrial({}), /cannot be activated: it is active/);
  });

  it('pages and sorts calls, filters by agent, and can forbid them', async () => {
    const source = createMemoryDataSource(data);
    const all = await source.getVoiceCalls({ month: '2026-11', sort: { key: 'durationSeconds', direction: 'asc' }, offset: 0, limit: 500 });
    assert.equal(all.total, data.voiceCalls['2026-11']!.length);
    const durations = all.items.map((c) => c.durationSeconds);
    assert.deepEqual(
      durations,
      [...durations].sort((a, b) => a - b),
    );
    const one = await source.getVoiceCalls({ month: '2026-11', agentId: 'va-002', sort: { key: 'startedAt', direction: 'desc' }, offset: 0, limit: 10 });
    assert.ok(one.items.every((c) => c.agentId === 'va-002'));
    const denied = createMemoryDataSource(data, { canSeeCalls: false });
    await assert.rejects(denied.getVoiceCalls({ month: '2026-11', sort: { key: 'startedAt', direction: 'desc' }, offset: 0, limit: 1 }), rejectsWith('forbidden', /permission/));
  });

  it('waits its delay and stops waiting when aborted', async () => {
    const source = createMemoryDataSource(data, { delay: 5000 });
    const controller = new AbortController();
    const pending = source.getVoiceAgents({ signal: controller.signal });
    controller.abort(new DOMException('stop', 'AbortError'));
    await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError');
  });
});
