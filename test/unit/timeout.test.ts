import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { useDemoServer, type DemoServer } from './support/demo-server.js';
import { UsageDataError } from '../../src/sources/data-source.js';
import { createDemoData } from '../../src/model/demo-dataset.js';
import { createMemoryDataSource } from '../../src/sources/memory-data-source.js';
import { createRestDataSource } from '../../src/sources/rest-data-source.js';
import { restSourceFor } from '../../src/sources/rest-cache.js';
import { DEFAULT_REQUEST_TIMEOUT, requestTimeout, withRequestTimeout, withTimeout } from '../../src/sources/timeout.js';

const isTimeout = (operation: string, message?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof UsageDataError, `expected a UsageDataError, got ${String(e)}`);
  assert.equal(e.kind, 'timeout');
  assert.equal(e.operation, operation);
  if (message) assert.match(e.message, message);
  return true;
};

/** Resolves when `test` holds, or fails after `ms`. */
async function eventually(test: () => boolean, what: string, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) assert.fail(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** A hanging request must fail its test, not hang the run. */
const bounded = { timeout: 15_000 };

after(async () => {
  // Nothing may keep the process alive: no timer of the code under test (or of the demo backend) is left.
  await sleep(20);
  assert.equal(timers(), 0, `timers still running: ${JSON.stringify(process.getActiveResourcesInfo())}`);
});

describe('requestTimeout', () => {
  it('defaults to 30000 for anything that is not a positive number', () => {
    assert.equal(DEFAULT_REQUEST_TIMEOUT, 30_000);
    for (const value of [undefined, null, Number.NaN, 0, -5, -0.1, Infinity, -Infinity, '', '  ', 'abc', '12px', {}, [], true]) {
      assert.equal(requestTimeout(value), 30_000, `requestTimeout(${JSON.stringify(value)})`);
    }
  });

  it('uses a positive number, rounded to whole milliseconds and capped for setTimeout', () => {
    assert.equal(requestTimeout(200), 200);
    assert.equal(requestTimeout(199.6), 200);
    assert.equal(requestTimeout(0.2), 1);
    assert.equal(requestTimeout('1500'), 1500);
    assert.equal(requestTimeout(1e12), 2 ** 31 - 1);
  });
});

describe('withTimeout', bounded, () => {
  it('rejects at the limit even when the work ignores its signal, and aborts that signal', async () => {
    let seen: AbortSignal | undefined;
    const start = Date.now();
    await assert.rejects(
      withTimeout(
        (signal) => {
          seen = signal;
          return new Promise<never>(() => undefined);
        },
        { timeoutMs: 100, operation: 'voice/agents' },
      ),
      isTimeout('voice/agents', /^The server did not answer voice\/agents within 0\.1 seconds\.$/),
    );
    const elapsed = Date.now() - start;
    assert.ok(elapsed >= 90 && elapsed < 1000, `settled after ${elapsed} ms`);
    assert.equal(seen?.aborted, true);
    assert.ok(seen?.reason instanceof UsageDataError && seen.reason.kind === 'timeout');
  });

  it('says the limit in words a user reads', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const messages: string[] = [];
      for (const timeoutMs of [30_000, 1000, 1500, 200, 12_345]) {
        const pending = withTimeout(() => new Promise<never>(() => undefined), { timeoutMs, operation: 'voice/plan' }).catch((e: Error) => e.message);
        mock.timers.tick(timeoutMs);
        messages.push(String(await pending));
      }
      assert.deepEqual(messages, [
        'The server did not answer voice/plan within 30 seconds.',
        'The server did not answer voice/plan within 1 second.',
        'The server did not answer voice/plan within 1.5 seconds.',
        'The server did not answer voice/plan within 0.2 seconds.',
        'The server did not answer voice/plan within 12 seconds.',
      ]);
    } finally {
      mock.timers.reset();
    }
  });

  it('rejects with the caller’s reason when the caller aborts, never with a timeout', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const pending = withTimeout(
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      },
      { signal: controller.signal, timeoutMs: 100, operation: 'voice/agents' },
    );
    const reason = new DOMException('left', 'AbortError');
    controller.abort(reason);
    await assert.rejects(pending, (e: unknown) => e === reason);
    assert.equal(seen?.reason, reason);
    // Past the limit nothing else happens (an unhandled rejection would fail this file).
    await sleep(150);
  });

  it('does not run at all when the caller has already aborted', async () => {
    let ran = false;
    const reason = new Error('already gone');
    await assert.rejects(
      withTimeout(
        async () => {
          ran = true;
        },
        { signal: AbortSignal.abort(reason), timeoutMs: 100, operation: 'voice/agents' },
      ),
      (e: unknown) => e === reason,
    );
    assert.equal(ran, false);
  });

  it('passes answers and failures through and leaves no timer or listener behind', async () => {
    const before = timers();
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    }) as typeof remove;

    const value = await withTimeout(async () => 42, { signal: controller.signal, timeoutMs: 60_000, operation: 'voice/plan' });
    assert.equal(value, 42);
    const failure = new UsageDataError('http', 'voice/plan', 'HTTP 500', { status: 500 });
    await assert.rejects(
      withTimeout(() => Promise.reject(failure), { signal: controller.signal, timeoutMs: 60_000, operation: 'voice/plan' }),
      (e) => e === failure,
    );
    await assert.rejects(
      withTimeout(
        () => {
          throw failure;
        },
        { signal: controller.signal, timeoutMs: 60_000, operation: 'voice/plan' },
      ),
      (e) => e === failure,
    );
    assert.equal(timers(), before, 'a timer is still running');
    assert.equal(listeners, 0, 'an abort listener is still attached');
  });
});

describe('withRequestTimeout', bounded, () => {
  const data = createDemoData({ seed: 5, voiceAgents: 4, month: '2026-11', now: new Date('2026-11-20T10:00:00Z') });

  it('times out every operation of a slow source with the contract’s operation name', async () => {
    const slow = createMemoryDataSource(data, { delay: 5000 });
    const source = withRequestTimeout(slow, 50);
    const sort = { key: 'startedAt', direction: 'desc' } as const;
    await assert.rejects(source.getVoiceAgents({}), isTimeout('voice/agents', /within 0\.05 seconds/));
    await assert.rejects(source.getVoicePlan({}), isTimeout('voice/plan'));
    await assert.rejects(source.activateVoiceTrial({}), isTimeout('voice/trial'));
    await assert.rejects(source.getVoiceHistory({ from: '2026-01', to: '2026-11' }), isTimeout('voice/history'));
    await assert.rejects(source.getVoiceCalls({ month: '2026-11', sort, offset: 0, limit: 5 }), isTimeout('voice/calls'));
    await assert.rejects(source.getMessagingAgents({}), isTimeout('messaging/agents'));
    // The wrapped call was aborted: the memory source's wait stopped, so the trial was never activated.
    const plan = await createMemoryDataSource(data).getVoicePlan({});
    assert.equal(plan.trial.status, 'available');
  });

  it('passes params, answers and the caller’s abort through', async () => {
    const source = withRequestTimeout(createMemoryDataSource(data, { delay: 10 }), 1000);
    const page = await source.getVoiceCalls({ month: '2026-11', agentId: 'va-002', sort: { key: 'startedAt', direction: 'desc' }, offset: 0, limit: 3 });
    assert.ok(page.items.length > 0 && page.items.length <= 3);
    assert.ok(page.items.every((c) => c.agentId === 'va-002'));
    const controller = new AbortController();
    const pending = withRequestTimeout(createMemoryDataSource(data, { delay: 5000 }), 1000).getVoiceAgents({ signal: controller.signal });
    controller.abort(new DOMException('stop', 'AbortError'));
    await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError' && (e as Error).message === 'stop');
  });
});

describe('createRestDataSource time limit, over real HTTP', bounded, () => {
  let server: Server;
  let base: string;
  const received: { method: string; path: string }[] = [];
  let closed = 0;
  const open = new Set<ServerResponse>();

  /** `/hang/…` never answers; `/trickle/…` sends headers, then a space every 50 ms; `/ok/…` answers. */
  before(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      received.push({ method: req.method ?? '', path });
      let timer: ReturnType<typeof setInterval> | undefined;
      open.add(res);
      res.on('close', () => {
        clearInterval(timer);
        open.delete(res);
        closed++;
      });
      if (path.startsWith('/trickle/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        timer = setInterval(() => res.write(' '), 50);
      } else if (path.startsWith('/ok/')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"agents":[]}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The first `fetch` loads Node's HTTP client: keep that out of the measured times.
    await (await fetch(`${base}/ok/warm-up`)).text();
  });

  after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Runs `body`, then checks that every request it made was closed by the client. */
  async function expectAllClosed(body: () => Promise<void>): Promise<void> {
    const count = received.length;
    const closedBefore = closed;
    await body();
    const made = received.length - count;
    assert.ok(made > 0, 'no request reached the server');
    await eventually(() => closed - closedBefore === made && open.size === 0, 'the client to close its requests');
  }

  it('times out a GET that never gets an answer, and aborts the request', async () => {
    await expectAllClosed(async () => {
      const source = createRestDataSource({ baseUrl: `${base}/hang/`, timeoutMs: 200 });
      const start = Date.now();
      await assert.rejects(source.getVoiceAgents({}), isTimeout('voice/agents', /within 0\.2 seconds/));
      const elapsed = Date.now() - start;
      assert.ok(elapsed >= 180 && elapsed < 2000, `settled after ${elapsed} ms`);
    });
    assert.deepEqual(received.at(-1), { method: 'GET', path: '/hang/voice/agents' });
  });

  it('times out the POST that activates the trial', async () => {
    await expectAllClosed(async () => {
      const source = createRestDataSource({ baseUrl: `${base}/hang/`, timeoutMs: 200 });
      const start = Date.now();
      await assert.rejects(source.activateVoiceTrial({}), isTimeout('voice/trial'));
      assert.ok(Date.now() - start < 2000);
    });
    assert.deepEqual(received.at(-1), { method: 'POST', path: '/hang/voice/trial' });
  });

  it('times out answers whose headers came but whose body trickles forever', async () => {
    let headersAt = 0;
    const source = createRestDataSource({
      baseUrl: `${base}/trickle/`,
      timeoutMs: 300,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        headersAt = Date.now();
        return response;
      },
    });
    await expectAllClosed(async () => {
      const start = Date.now();
      await assert.rejects(source.getVoiceAgents({}), isTimeout('voice/agents'));
      const end = Date.now();
      assert.ok(headersAt > 0 && headersAt < end - 100, 'the headers did not come well before the limit');
      assert.ok(end - start < 2000);
    });
    await expectAllClosed(() => assert.rejects(source.activateVoiceTrial({}), isTimeout('voice/trial')));
  });

  it('times out a shared GET once: every caller gets the timeout, the server saw one request', async () => {
    const source = createRestDataSource({ baseUrl: `${base}/hang/`, timeoutMs: 200 });
    await expectAllClosed(async () => {
      const count = received.length;
      const results = await Promise.allSettled([source.getVoiceAgents({}), source.getVoiceAgents({}), source.getVoiceAgents({})]);
      assert.equal(received.length - count, 1);
      for (const result of results) {
        assert.equal(result.status, 'rejected');
        isTimeout('voice/agents')((result as PromiseRejectedResult).reason);
      }
    });
  });

  it('gives a caller who aborts its own reason, while the others still time out', async () => {
    const source = createRestDataSource({ baseUrl: `${base}/hang/`, timeoutMs: 200 });
    await expectAllClosed(async () => {
      const leaving = new AbortController();
      const first = source.getVoiceAgents({ signal: leaving.signal });
      const second = source.getVoiceAgents({});
      const reason = new DOMException('first left', 'AbortError');
      await sleep(50);
      leaving.abort(reason);
      await assert.rejects(first, (e: unknown) => e === reason);
      await assert.rejects(second, isTimeout('voice/agents'));
    });
    // Alone, a caller who aborts ends the request with its reason; the limit passing later changes nothing.
    await expectAllClosed(async () => {
      const controller = new AbortController();
      const pending = source.getVoiceAgents({ signal: controller.signal });
      await sleep(20);
      controller.abort();
      await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError' && !(e instanceof UsageDataError));
    });
    await sleep(250);
  });

  it('keeps working normally within the limit', async () => {
    const source = createRestDataSource({ baseUrl: `${base}/ok/`, timeoutMs: 1000 });
    assert.deepEqual(await source.getVoiceAgents({}), { agents: [] });
  });

  it('uses 30000 ms when no time limit is given (also for an element’s endpoint source)', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const never: typeof fetch = () => new Promise<never>(() => undefined);
      const source = createRestDataSource({ baseUrl: `${base}/hang/`, fetch: never });
      let outcome: unknown;
      const pending = source.getVoicePlan({}).catch((e: unknown) => (outcome = e));
      mock.timers.tick(29_999);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(outcome, undefined);
      mock.timers.tick(1);
      await pending;
      isTimeout('voice/plan', /within 30 seconds/)(outcome);
    } finally {
      mock.timers.reset();
    }
    // An endpoint's shared source sets no limit of its own: each element bounds its own requests.
    const a = restSourceFor(`${base}/hang/`);
    assert.equal(restSourceFor(`${base}/hang`), a, 'one source per backend URL');
  });
});

describe('demo backend: hang, trickle and the unknown trial outcome', bounded, () => {
  let server: DemoServer;
  let base: string;
  useDemoServer((started) => {
    server = started;
    base = started.base;
  });

  const at = (flags: string, timeoutMs = 300) => createRestDataSource({ baseUrl: `${base}/api/scenarios/${flags}/`, timeoutMs });

  /** Runs `body`; then every held answer must have ended, its timer cleared, once the client left. */
  async function expectReleased(count: number, body: () => Promise<void>): Promise<void> {
    const before = server.held;
    await body();
    await eventually(() => server.held - before === count && server.holding === 0, 'the held answers to end');
  }

  it('`hang` holds every operation, GET and POST, until the client gives up', async () => {
    await expectReleased(2, async () => {
      const source = at('hang,tag=hang');
      await assert.rejects(source.getVoiceAgents({}), isTimeout('voice/agents'));
      await assert.rejects(source.activateVoiceTrial({}), isTimeout('voice/trial'));
    });
    const log = (await (await fetch(`${base}/api/_log?tag=hang`)).json()) as { requests: { method: string; operation: string }[] };
    assert.deepEqual(
      log.requests.map((r) => `${r.method} ${r.operation}`),
      ['GET voice/agents', 'POST voice/trial'],
    );
  });

  it('`trickle` sends JSON headers, then spaces, and never completes', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/scenarios/trickle/voice/agents`, { signal: controller.signal });
    const headersAt = Date.now();
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const reader = response.body!.getReader();
    const first = await reader.read();
    assert.equal(new TextDecoder().decode(first.value), ' ');
    // The headers come at once, the first space a quarter second later.
    assert.ok(Date.now() - headersAt >= 150, `the headers came with the first space (${Date.now() - headersAt} ms apart)`);
    await expectReleased(1, async () => {
      controller.abort();
      await reader.read().catch(() => undefined);
    });
    await expectReleased(2, async () => {
      const source = at('trickle');
      await assert.rejects(source.getVoicePlan({}), isTimeout('voice/plan'));
      await assert.rejects(source.activateVoiceTrial({}), isTimeout('voice/trial'));
    });
  });

  it('`hang-trial` and `trickle-trial` hold only POST voice/trial; GETs answer', async () => {
    for (const flag of ['hang-trial', 'trickle-trial']) {
      await expectReleased(1, async () => {
        const source = at(`${flag},tag=${flag}`);
        assert.equal((await source.getVoiceAgents({})).agents.length, 14);
        assert.equal((await source.getVoicePlan({})).trial.status, 'available');
        await assert.rejects(source.activateVoiceTrial({}), isTimeout('voice/trial'));
      });
    }
  });

  it('`trial-unreadable` activates the trial but answers something that is not JSON', async () => {
    const source = at('trial-unreadable,tag=unreadable');
    assert.equal((await source.getVoicePlan({})).trial.status, 'available');
    await assert.rejects(source.activateVoiceTrial({}), (e: unknown) => e instanceof UsageDataError && e.kind === 'not-json' && e.operation === 'voice/trial');
    assert.equal((await source.getVoicePlan({})).trial.status, 'active');
    assert.equal((await at('trial-unreadable,tag=unreadable').getVoiceAgents({})).agents.length, 14);
  });
});
