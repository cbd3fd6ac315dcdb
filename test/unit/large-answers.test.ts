/**
 * Big answers over real HTTP on loopback: the REST source reads a JSON body of unknown or large size
 * as it arrives (in time slices) and must give exactly what `JSON.parse` of the whole body gives,
 * and the same errors for a broken, blank or cut-off body as for a small one.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { failure } from './support/failure.js';
import { createRestDataSource } from '../../src/sources/rest-data-source.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base = '';
let handler: Handler = (_req, res) => res.writeHead(404).end();

before(async () => {
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
after(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** An answer of 3,000 agents (well over 1 MB) whose texts hold brackets, commas, quotes, escapes and non-ASCII letters. */
const agents = Array.from({ length: 3000 }, (_, i) => ({
  id: `va-${i}`,
  name: `Agent ${i} “Jönås” [${i % 7}], {x} \\ "q" 日本 😀`,
  active: i % 3 !== 0,
  entity: { id: `e${i}`, name: `Växel ${i}`, type: i % 2 ? 'phone-number' : 'response-group' },
  activatedAt: '2026-01-05T09:00:00+01:00',
  callsEngagedThisMonth: i,
  billableMinutesThisMonth: i / 3,
  notes: 'x'.repeat(300),
}));
const BIG = JSON.stringify({ month: '2026-11', timeZone: 'Europe/Stockholm', agents, asOf: '2026-11-25T12:00:00Z' }, null, 1);

/** Sends `text` as JSON in chunks of `chunk` bytes (cut anywhere, inside characters too), with or without a Content-Length. */
const send =
  (text: string, options: { length?: boolean; chunk?: number; cutOffAt?: number } = {}): Handler =>
  (_req, res) => {
    const bytes = Buffer.from(text);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...(options.length ? { 'content-length': String(bytes.length) } : {}) });
    const chunk = options.chunk ?? 7919;
    const end = options.cutOffAt ?? bytes.length;
    for (let at = 0; at < end; at += chunk) res.write(bytes.subarray(at, Math.min(end, at + chunk)));
    if (options.cutOffAt === undefined) res.end();
    else setTimeout(() => res.socket?.destroy(), 20);
  };

describe('big answers from the REST source', () => {
  it('reads a big body of unknown size, cut anywhere, to exactly what JSON.parse gives', async () => {
    assert.ok(Buffer.byteLength(BIG) > 1024 * 1024, 'the answer is big enough to be read as it arrives');
    handler = send(BIG);
    const answer = await createRestDataSource({ baseUrl: base }).getVoiceAgents({});
    assert.deepStrictEqual(answer, JSON.parse(BIG));
    assert.equal(JSON.stringify(answer), JSON.stringify(JSON.parse(BIG)));
  });

  it('reads a body that says it is over 1 MB the same way', async () => {
    handler = send(BIG, { length: true, chunk: 65536 });
    assert.deepStrictEqual(await createRestDataSource({ baseUrl: base }).getVoiceAgents({}), JSON.parse(BIG));
  });

  it('reads a Response made by a scripted fetch (no Content-Length)', async () => {
    const source = createRestDataSource({ baseUrl: base, fetch: async () => new Response(BIG, { headers: { 'content-type': 'application/json' } }) });
    assert.deepStrictEqual(await source.getMessagingAgents({}), JSON.parse(BIG));
  });

  it('says a big body that is not valid JSON is not valid JSON', async () => {
    handler = send(BIG.replace('"agents"', '"agents" ').replace(/\]\s*,\s*"asOf"/, '],, "asOf"'));
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.kind, 'not-json');
    assert.match(error.message, /The answer to voice\/agents is not valid JSON\./);
    assert.equal(error.status, 200);

    handler = send(`${BIG} <html>`);
    assert.match((await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}))).message, /not valid JSON/);
  });

  it('says a body of only white space is empty, however long', async () => {
    handler = send(' \n\t'.repeat(500_000));
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.kind, 'not-json');
    assert.match(error.message, /Expected JSON from voice\/agents, got an empty body\./);
  });

  it('says a body that breaks off broke off', async () => {
    handler = send(BIG, { cutOffAt: Math.floor(BIG.length / 2) });
    const error = await failure(() => createRestDataSource({ baseUrl: base }).getVoiceAgents({}));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /The answer to voice\/agents broke off before it was complete\./);
  });

  it('stops reading when the caller leaves, with the caller’s reason', async () => {
    let closed = false;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"agents":[');
      const timer = setInterval(() => res.write('{"id":"a"},'), 5);
      res.on('close', () => {
        clearInterval(timer);
        closed = true;
      });
    };
    const controller = new AbortController();
    const pending = createRestDataSource({ baseUrl: base }).getVoiceAgents({ signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(new DOMException('left the page', 'AbortError'));
    await assert.rejects(pending, (e: Error) => e.name === 'AbortError' && e.message === 'left the page');
    const start = Date.now();
    while (!closed && Date.now() - start < 2000) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(closed, 'the request was closed');
  });
});
