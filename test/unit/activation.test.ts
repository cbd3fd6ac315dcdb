import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoData } from '../../src/model/demo-dataset.js';
import { activatedPlan, activateTrial, isUnknownOutcome, newIdempotencyKey, onActivationChange, runningActivation } from '../../src/sources/activation.js';
import { UsageDataError, type UsageDataSource } from '../../src/sources/data-source.js';
import { createMemoryDataSource } from '../../src/sources/memory-data-source.js';

const now = new Date('2026-11-20T12:00:00Z');

/** A memory backend whose trial POST can be made to fail, hang or lose its answer; counts the POSTs. */
function backend(post?: (activate: () => Promise<unknown>) => Promise<unknown>) {
  const inner = createMemoryDataSource(createDemoData({ seed: 1, voiceAgents: 2, month: '2026-11', now }), { now: () => now });
  let posts = 0;
  const source: UsageDataSource = {
    ...inner,
    activateVoiceTrial: (params) => {
      posts++;
      const activate = () => inner.activateVoiceTrial(params);
      return (post ? post(activate) : activate()) as ReturnType<UsageDataSource['activateVoiceTrial']>;
    },
  };
  return { source, posts: () => posts };
}

describe('trial activation', () => {
  it('sends one POST however often it is asked while one is on its way, and remembers the result for the source', async () => {
    const { source, posts } = backend();
    const first = activateTrial(source, 1000);
    const second = activateTrial(source, 1000);
    assert.equal(first, second);
    assert.equal(runningActivation(source), first);
    const outcome = await first;
    assert.equal(outcome.kind, 'activated');
    assert.equal(posts(), 1);
    assert.equal(runningActivation(source), undefined);
    assert.equal(activatedPlan(source)?.trial.status, 'active');
  });

  it('tells every listener on the source when an activation starts and ends', async () => {
    const { source } = backend();
    const seen: string[] = [];
    const stop = onActivationChange(source, () => seen.push(runningActivation(source) ? 'running' : 'idle'));
    await activateTrial(source, 1000);
    stop();
    await activateTrial(source, 1000);
    assert.deepEqual(seen, ['running', 'idle']);
  });

  it('keeps sources apart', async () => {
    const a = backend();
    const b = backend();
    await activateTrial(a.source, 1000);
    assert.equal(activatedPlan(b.source), undefined);
    assert.equal(b.posts(), 0);
  });

  it('reports a refusal the server answered as failed, safe to try again', async () => {
    const { source, posts } = backend(() => Promise.reject(new UsageDataError('http', 'voice/trial', 'The server answered voice/trial with HTTP 500.', { status: 500 })));
    const outcome = await activateTrial(source, 1000);
    assert.equal(outcome.kind, 'failed');
    assert.match(String((outcome as { error: Error }).error.message), /HTTP 500/);
    assert.equal(activatedPlan(source), undefined);
    assert.equal((await activateTrial(source, 1000)).kind, 'failed');
    assert.equal(posts(), 2);
  });

  it('says "failed" when the answer is readable but the trial is not active', async () => {
    const { source } = backend(async () => ({ trial: { status: 'expired' }, currentPlanId: null, plans: [] }));
    const outcome = await activateTrial(source, 1000);
    assert.equal(outcome.kind, 'failed');
    assert.match((outcome as { error: Error }).error.message, /did not confirm the trial: it says the trial is expired/);
  });

  it('re-reads the plan after a timeout, and calls it activated when the server says so', async () => {
    // The trial is activated on the server, but the answer never arrives.
    const { source } = backend((activate) => activate().then(() => new Promise(() => undefined)));
    const outcome = await activateTrial(source, 50);
    assert.equal(outcome.kind, 'activated');
    assert.equal(activatedPlan(source)?.trial.status, 'active');
  });

  it('re-reads the plan after an unreadable answer, and offers activation again only as the server says', async () => {
    const { source } = backend(() => Promise.reject(new UsageDataError('not-json', 'voice/trial', 'The answer to voice/trial is not valid JSON.')));
    const outcome = await activateTrial(source, 1000);
    assert.equal(outcome.kind, 'unknown');
    assert.equal(outcome.kind === 'unknown' && outcome.plan?.trial.status, 'available');
  });

  it('reports an unknown outcome without a plan when the re-read fails too', async () => {
    const { source } = backend(() => new Promise(() => undefined));
    const failing: UsageDataSource = { ...source, getVoicePlan: () => Promise.reject(new UsageDataError('network', 'voice/plan', 'Could not reach the server for voice/plan.')) };
    const outcome = await activateTrial(failing, 30);
    assert.equal(outcome.kind, 'unknown');
    assert.equal(outcome.kind === 'unknown' && outcome.plan, undefined);
    assert.equal(outcome.kind === 'unknown' && outcome.error instanceof UsageDataError && outcome.error.kind, 'timeout');
  });

  it('turns a source that throws synchronously into an outcome', async () => {
    const { source } = backend(() => {
      throw new UsageDataError('http', 'voice/trial', 'boom');
    });
    assert.equal((await activateTrial(source, 1000)).kind, 'failed');
  });

  it('knows which failures leave the outcome unknown', () => {
    for (const kind of ['timeout', 'network', 'not-json', 'contract'] as const) assert.equal(isUnknownOutcome(new UsageDataError(kind, 'voice/trial', 'x')), true, kind);
    for (const kind of ['http', 'forbidden', 'unauthorized'] as const) assert.equal(isUnknownOutcome(new UsageDataError(kind, 'voice/trial', 'x')), false, kind);
    assert.equal(isUnknownOutcome(new Error('x')), false);
  });

  it('gives every send of one intent the same idempotency key, and a new intent a new one', async () => {
    const keys: (string | undefined)[] = [];
    let calls = 0;
    const { source } = backend(() => {
      calls++;
      // 1: answer lost (unknown), 2: refused (settled), 3: activated (settled).
      if (calls === 1) return Promise.reject(new UsageDataError('network', 'voice/trial', 'lost'));
      if (calls === 2) return Promise.reject(new UsageDataError('http', 'voice/trial', 'no', { status: 500 }));
      return Promise.resolve({ trial: { status: 'active', endsAt: '2026-12-04T12:00:00Z' }, currentPlanId: null, plans: [] });
    });
    const keyed: UsageDataSource = {
      ...source,
      activateVoiceTrial: (params) => {
        keys.push(params.idempotencyKey);
        return source.activateVoiceTrial(params);
      },
    };
    assert.equal((await activateTrial(keyed, 1000)).kind, 'unknown');
    assert.equal((await activateTrial(keyed, 1000)).kind, 'failed');
    assert.equal((await activateTrial(keyed, 1000)).kind, 'activated');
    assert.equal(keys.length, 3);
    assert.ok(keys.every((k) => typeof k === 'string' && k.length >= 32));
    assert.equal(keys[1], keys[0]);
    assert.notEqual(keys[2], keys[1]);
  });

  it('makes UUID-shaped idempotency keys without crypto.randomUUID too', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    assert.match(newIdempotencyKey(), uuid);
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    try {
      Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: (b: Uint8Array) => b.fill(7) }, configurable: true });
      assert.match(newIdempotencyKey(), uuid);
      Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      assert.equal(keys.size, 50);
      for (const key of keys) assert.match(key, uuid);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'crypto', descriptor);
    }
  });
});
