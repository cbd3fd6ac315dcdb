/**
 * How the REST source words HTTP failures, against a real `node:http` server on loopback: a 401 is
 * an expired session, a 429 says when to try again (`Retry-After`), and whatever a server puts in
 * its status text or body never becomes the message. And the one write carries one
 * `Idempotency-Key` per user intent, the same on every send of it; the demo backend honours it.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { activateTrial } from '../../src/sources/activation.js';
import { failure } from './support/failure.js';
import { createRestDataSource, parseRetryAfter } from '../../src/sources/rest-data-source.js';
import { createApi, writeApiResponse } from '../../demo/api.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const HOSTILE = '<script>window.__xss=1</script> Call 555-0100 for help';

let server: Server;
let base = '';
let handler: Handler = (_req, res) => res.writeHead(404).end();
const seen: { method: string; path: string; key: string | undefined }[] = [];

before(async () => {
  server = createServer((req, res) => {
    const key = req.headers['idempotency-key'];
    seen.push({ method: req.method ?? '', path: req.url ?? '', key: Array.isArray(key) ? key[0] : key });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
after(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen.length = 0;
});

const answer =
  (status: number, headers: Record<string, string> = {}, body = JSON.stringify({ error: HOSTILE }), statusText?: string): Handler =>
  (_req, res) => {
    if (statusText === undefined) res.writeHead(status, { 'content-type': 'application/json', ...headers });
    else res.writeHead(status, statusText, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

describe('HTTP failures from the REST source', () => {
  it('calls a 401 an expired session, not a missing permission', async () => {
    handler = answer(401, { 'www-authenticate': 'Bearer' });
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.status, 401);
    assert.equal(error.operation, 'voice/agents');
    assert.equal(error.message, 'Your session has expired. Sign in again to see AI usage.');
    assert.doesNotMatch(error.message, /permission/);
  });

  it('keeps a 403 as "no permission"', async () => {
    handler = answer(403);
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoicePlan({}));
    assert.equal(error.kind, 'forbidden');
    assert.match(error.message, /permission/);
  });

  it('says when to try again after a 429 with Retry-After in seconds', async () => {
    handler = answer(429, { 'retry-after': '30' });
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterMs, 30_000);
    assert.equal(error.message, 'The server is busy. Try again in 30 seconds.');
  });

  it('reads a Retry-After that is an HTTP date', async () => {
    handler = answer(429, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() });
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getMessagingAgents({}));
    assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 85_000 && error.retryAfterMs <= 90_000, String(error.retryAfterMs));
    assert.match(error.message, /^The server is busy\. Try again in (89|90) seconds\.$/);
  });

  it('says "in a moment" when a 429 has no readable Retry-After', async () => {
    handler = answer(429, { 'retry-after': 'soon, maybe <b>never</b>' });
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.retryAfterMs, undefined);
    assert.equal(error.message, 'The server is busy. Try again in a moment.');
  });

  it('parses Retry-After strictly', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter(' 120 ', now), 120_000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now), 60_000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    for (const bad of [null, undefined, '', '-5', '1.5', '1e3', 'NaN', '2026-01-01', '99999999999']) assert.equal(parseRetryAfter(bad, now), undefined, String(bad));
  });

  it('never shows the status text or the body of a failure: our words and the code only', async () => {
    handler = answer(500, {}, `<h1>${HOSTILE}</h1>`, HOSTILE);
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 500);
    assert.equal(error.message, 'The server answered voice/agents with HTTP 500.');
    assert.doesNotMatch(error.message, /script|555|help/);
  });

  it('never names a content type that is not a plain media type', async () => {
    handler = answer(200, { 'content-type': `text/${HOSTILE.replace(/[<>/ ]/g, '')} please call` }, 'hello');
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.kind, 'not-json');
    assert.doesNotMatch(error.message, /script|555|please/);
  });
});

describe('Idempotency-Key on POST voice/trial', () => {
  it('sends one key per intent, the same on the retry after an unknown outcome, a new one after a settled outcome', async () => {
    let posts = 0;
    handler = (req, res) => {
      if (req.method === 'POST') {
        posts++;
        // The first answer is cut short (the outcome is unknown); the next ones refuse.
        if (posts === 1) return answer(200, {}, '{"trial": {"sta')(req, res);
        return answer(500)(req, res);
      }
      return answer(200, {}, JSON.stringify({ trial: { status: 'available' }, currentPlanId: null, plans: [] }))(req, res);
    };
    const source = createRestDataSource({ baseUrl: base });
    assert.equal((await activateTrial(source, 2000)).kind, 'unknown');
    assert.equal((await activateTrial(source, 2000)).kind, 'failed');
    assert.equal((await activateTrial(source, 2000)).kind, 'failed');
    const keys = seen.filter((r) => r.method === 'POST').map((r) => r.key);
    assert.equal(keys.length, 3);
    assert.match(keys[0] ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(keys[1], keys[0], 'the retry of the same intent carries the same key');
    assert.notEqual(keys[2], keys[1], 'a new click after a settled outcome is a new intent');
    // GETs carry none.
    assert.ok(seen.filter((r) => r.method === 'GET').every((r) => r.key === undefined));
  });

  it('sends the key a caller passes, as the Idempotency-Key header', async () => {
    handler = answer(200, {}, JSON.stringify({ trial: { status: 'active' }, currentPlanId: null, plans: [] }));
    await createRestDataSource({ baseUrl: base }).activateVoiceTrial({ idempotencyKey: 'intent-1' });
    assert.deepEqual(
      seen.map((r) => r.key),
      ['intent-1'],
    );
  });
});

describe('the demo backend and Idempotency-Key', () => {
  // The shared harness (support/demo-server.ts) does not pass request headers on yet: the demo API
  // behind a server of its own that does, as the dev server's middleware does.
  let demo = '';
  let demoServer: Server;
  before(async () => {
    const api = createApi();
    demoServer = createServer(async (req, res) => {
      const answer = await api.handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost'), undefined, req.headers);
      if (!answer) res.writeHead(404).end();
      else await writeApiResponse(answer, res);
    });
    await new Promise<void>((resolve) => demoServer.listen(0, '127.0.0.1', resolve));
    demo = `http://127.0.0.1:${(demoServer.address() as AddressInfo).port}`;
  });
  after(() => {
    demoServer.closeAllConnections();
    return new Promise<void>((resolve) => demoServer.close(() => resolve()));
  });

  it('answers a replay with the stored answer and activates nothing again; a new key is a new activation', async () => {
    const url = `${demo}/api/scenarios/seed=424242,tag=idem/voice/trial`;
    const post = (key: string) => fetch(url, { method: 'POST', headers: { 'Idempotency-Key': key } });
    const first = await post('k-1');
    const firstBody = await first.text();
    assert.equal(first.status, 200);
    const replay = await post('k-1');
    assert.equal(replay.status, 200, 'a replay is not a second activation (which answers 409)');
    assert.equal(await replay.text(), firstBody);
    const other = await post('k-2');
    assert.equal(other.status, 409, 'another intent on an active trial is refused');
    await other.text();
    const log = (await (await fetch(`${demo}/api/_log?tag=idem`)).json()) as { requests: { idempotencyKey?: string }[] };
    assert.deepEqual(
      log.requests.map((r) => r.idempotencyKey),
      ['k-1', 'k-1', 'k-2'],
    );
  });
});
