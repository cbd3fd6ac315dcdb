/**
 * Long work in time slices: the validators of long lists give the main thread back between slices,
 * give the same views as before, and stop when their signal aborts. The clock is scripted here, so
 * that where the slices end does not depend on the machine's speed.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { inBackground, runInSlices, runNow, SLICE_MS, yieldToMain, type Steps } from '../../src/core/yield.js';
import { validateCallsPage } from '../../src/validate/calls.js';
import { validateHistory } from '../../src/validate/history.js';
import { validateMessagingAgents } from '../../src/validate/messaging-agents.js';
import { ROWS_PER_STEP } from '../../src/validate/validate.js';
import { validateVoiceAgents } from '../../src/validate/voice-agents.js';
import * as before from './support/validators-before.js';

/** A clock that moves `step` ms each time it is read. */
const realNow = performance.now;
let clock = 0;
let step = 0;
beforeEach(() => {
  clock = 0;
  step = SLICE_MS / 2;
  performance.now = () => (clock += step);
});
afterEach(() => {
  performance.now = realNow;
});

/** Runs `work`, counting the other tasks that ran before it settled. */
async function countingTasks<T>(work: () => Promise<T>): Promise<{ value: T; tasks: number }> {
  let tasks = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    tasks++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work(), tasks };
  } finally {
    done = true;
  }
}

function* counter(steps: number, log: number[]): Steps<string> {
  for (let i = 0; i < steps; i++) {
    log.push(i);
    yield;
  }
  return 'done';
}

describe('runInSlices', () => {
  it('runs work to its end, giving the main thread back once a slice is used up', async () => {
    const log: number[] = [];
    const { value, tasks } = await countingTasks(() => runInSlices(counter(50, log)));
    assert.equal(value, 'done');
    assert.deepEqual(
      log,
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.ok(tasks >= 10, `other tasks ran ${tasks} times`);
  });

  it('does not pause while the slice lasts', async () => {
    step = 0;
    const { value, tasks } = await countingTasks(() => runInSlices(counter(1000, [])));
    assert.equal(value, 'done');
    assert.equal(tasks, 0);
    assert.equal(runNow(counter(3, [])), 'done');
  });

  it('stops at the next pause when the signal aborts, with its reason, and does not start when already aborted', async () => {
    const log: number[] = [];
    const controller = new AbortController();
    const running = runInSlices(counter(50, log), controller.signal);
    const reason = new DOMException('left', 'AbortError');
    controller.abort(reason);
    await assert.rejects(running, (e) => e === reason);
    assert.ok(log.length < 50, `ran ${log.length} steps of 50`);
    const after: number[] = [];
    await assert.rejects(runInSlices(counter(5, after), controller.signal), (e) => e === reason);
    assert.deepEqual(after, []);
  });

  it('yields with scheduler.yield() where the browser has it', async () => {
    let calls = 0;
    const global = globalThis as { scheduler?: unknown };
    global.scheduler = { yield: () => (calls++, Promise.resolve()) };
    try {
      await yieldToMain();
      await runInSlices(counter(10, []));
    } finally {
      delete global.scheduler;
    }
    assert.ok(calls >= 2);
  });
});

/** An answer of `n` agents, some of them broken (a hole, a non-object, bad values, repeated ids). */
function agentsAnswer(n: number): Record<string, unknown> {
  const agents: unknown[] = Array.from({ length: n }, (_, i) =>
    i % 97 === 5
      ? 'not an agent'
      : {
          id: i % 89 === 3 ? 'va-1' : `va-${i}`,
          name: i % 53 === 0 ? '' : `Agent ${i}`,
          active: i % 2 === 0,
          entity: { name: `Entity ${i % 10}`, type: 'phone-number' },
          activatedAt: '2026-01-05T09:00:00Z',
          callsEngagedThisMonth: i % 61 === 0 ? -1 : i,
          callsHandledSinceActivation: i * 2,
          billableMinutesThisMonth: i / 4,
          billableMinutesSinceActivation: i,
          nonBillableCallsThisMonth: 0,
          nonBillableCallsSinceActivation: 1,
          license: { type: i % 3 ? 'unlimited' : 'trial', endsAt: '2026-12-01T00:00:00Z' },
          engagement: { newCasesPercentWhenOpen: i % 120, handlesWhenClosed: i % 5 === 0 },
          priceCredits: i,
          engagedCases: i % 7,
        },
  );
  delete agents[n - 2];
  return { month: '2026-11', timeZone: 'UTC', agents };
}

describe('validators over lists longer than a slice', () => {
  const n = ROWS_PER_STEP * 20 + 7;

  it('give the views the synchronous validators gave, across many tasks', async () => {
    const answer = agentsAnswer(n);
    const voice = await countingTasks(() => validateVoiceAgents(answer));
    assert.ok(voice.tasks >= 5, `other tasks ran ${voice.tasks} times`);
    assert.equal(voice.value.rows.length, n);
    assert.deepStrictEqual(voice.value, before.validateVoiceAgents(answer));
    assert.deepStrictEqual(await validateMessagingAgents(answer), before.validateMessagingAgents(answer));

    const items = (answer.agents as unknown[]).map((a, i) =>
      i % 11 ? { id: `c${i % 300}`, startedAt: '2026-11-02T10:00:00Z', durationSeconds: i, agentId: 'va-1', agentName: 'A', billable: true } : a,
    );
    assert.deepStrictEqual(await validateCallsPage({ total: n + 5, items }, 40), before.validateCallsPage({ total: n + 5, items }, 40));

    const months = Array.from({ length: n }, (_, i) => ({
      month: `20${10 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}${i % 13 ? '' : ' '}`,
      callsEngaged: i,
      billableMinutes: i / 2,
      nonBillableCalls: 1,
    }));
    const history = await countingTasks(() => validateHistory({ months }, '2015-01', '2024-12'));
    assert.ok(history.tasks >= 5, `other tasks ran ${history.tasks} times`);
    assert.deepStrictEqual(history.value, before.validateHistory({ months }, '2015-01', '2024-12'));
  });

  it('stop when their signal aborts, with its reason', async () => {
    const answer = agentsAnswer(n);
    for (const validate of [
      (signal: AbortSignal) => validateVoiceAgents(answer, { signal }),
      (signal: AbortSignal) => validateMessagingAgents(answer, { signal }),
      (signal: AbortSignal) => validateHistory({ months: answer.agents }, '2026-01', '2026-12', { signal }),
      (signal: AbortSignal) => validateCallsPage({ total: 1, items: answer.agents }, 0, { signal }),
    ]) {
      const controller = new AbortController();
      const running = validate(controller.signal);
      const reason = new Error('a newer answer came');
      controller.abort(reason);
      await assert.rejects(running, (e) => e === reason);
      await assert.rejects(validate(controller.signal), (e) => e === reason);
    }
  });

  it('reject a list-less answer as before, without a view', async () => {
    await assert.rejects(validateVoiceAgents({ agents: 'none' }), (e: Error) => e.message === 'The answer to voice/agents has no “agents” list.');
    await assert.rejects(validateCallsPage({ items: [] }, 0), /no valid “total”/);
  });
});

describe('inBackground', () => {
  afterEach(() => {
    delete (globalThis as { scheduler?: unknown }).scheduler;
  });

  it('runs the work after the current task, and resolves with its result', async () => {
    const order: string[] = [];
    const done = inBackground(async () => {
      order.push('background');
      return 42;
    });
    order.push('now');
    assert.equal(await done, 42);
    assert.deepEqual(order, ['now', 'background']);
  });

  it('asks scheduler.postTask for background priority where there is one', async () => {
    const seen: unknown[] = [];
    (globalThis as { scheduler?: unknown }).scheduler = {
      postTask: (callback: () => unknown, options: unknown) => {
        seen.push(options);
        return Promise.resolve().then(callback);
      },
    };
    assert.equal(await inBackground(async () => 'ranked'), 'ranked');
    assert.deepEqual(seen, [{ priority: 'background' }]);
  });
});
