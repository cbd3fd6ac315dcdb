/**
 * The demo backend: the whole REST contract over the seeded demo data, with switches that make every
 * state reachable by hand or by a test. Served over real HTTP by the demo server (`npm start`) and by
 * the test runner's dev server.
 *
 * Base URLs:
 * - `/api/ai-usage/`: the default organization.
 * - `/api/scenarios/<flags>/`: the same contract with switches, `flags` being comma-separated:
 *   `latency=MS`, `status=500` (every operation fails), `calls=403` (calls list forbidden),
 *   `trial-fail=500` (activating the trial fails), `malformed` (some rows break the contract), `markup` (names that look like HTML), `empty`
 *   (no agents), `html` (an HTML page instead of JSON), `not-json`, `empty-body`, `agents=N`,
 *   `messaging=N`, `volume=N`, `trial=available|active|expired|unavailable`, `seed=N`,
 *   `tag=NAME` (labels the request log).
 *   Answers that never come, for time limits: `hang` (every operation, GET and POST, accepts the
 *   request and never answers), `trickle` (sends 200 and JSON headers, then one space every 250 ms,
 *   never completing), `hang-trial` and `trickle-trial` (the same for POST voice/trial only; GETs
 *   answer normally), `trial-unreadable` (POST voice/trial activates the trial but answers 200 with
 *   a body that is not JSON: the "unknown outcome" case; a following GET voice/plan says active).
 *   Held answers last until the client disconnects; the request is logged when it arrives.
 *   `status=429` answers with `Retry-After: 30` (`retry-after=S` sets another number of seconds).
 * - `POST voice/trial` honours `Idempotency-Key`: a request with a key the organization has seen
 *   gets the stored answer again and activates nothing (a held answer is not stored).
 * - `GET /api/_log?tag=NAME` lists the requests received (newest last), each with its
 *   `idempotencyKey` where it carried one; `DELETE /api/_log` clears it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDemoData } from '../src/model/demo-dataset.js';
import { createMemoryDataSource } from '../src/sources/memory-data-source.js';
import { UsageDataError, type UsageDataSource } from '../src/sources/data-source.js';
import type { TrialStatus, VoiceCallSortKey } from '../src/model/types.js';

export interface Scenario {
  latency: number;
  status: number | undefined;
  callsStatus: number | undefined;
  trialFailStatus: number | undefined;
  malformed: boolean;
  markup: boolean;
  empty: boolean;
  html: boolean;
  notJson: boolean;
  emptyBody: boolean;
  agents: number;
  messaging: number;
  volume: number;
  trial: TrialStatus;
  seed: number;
  tag: string;
  /** Every operation never answers. */
  hang: boolean;
  /** Every operation sends its headers, then trickles spaces forever. */
  trickle: boolean;
  /** POST voice/trial never answers. */
  hangTrial: boolean;
  /** POST voice/trial sends its headers, then trickles spaces forever. */
  trickleTrial: boolean;
  /** POST voice/trial activates the trial and answers 200 with a body that is not JSON. */
  trialUnreadable: boolean;
  /** Seconds in the `Retry-After` of a `status=429` answer. */
  retryAfter: number;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /**
   * An answer held open instead of sent (see `writeApiResponse`): `hang` sends nothing at all,
   * `trickle` sends `status` and `headers`, then one space every 250 ms. Both last until the client
   * disconnects.
   */
  hold?: 'hang' | 'trickle';
}

export interface LoggedRequest {
  tag: string;
  method: string;
  operation: string;
  query: Record<string, string>;
  /** The `Idempotency-Key` request header, where there was one. */
  idempotencyKey?: string;
  at: number;
}

const DEFAULTS: Scenario = {
  latency: 0,
  status: undefined,
  callsStatus: undefined,
  trialFailStatus: undefined,
  malformed: false,
  markup: false,
  empty: false,
  html: false,
  notJson: false,
  emptyBody: false,
  agents: 14,
  messaging: 9,
  volume: 1,
  trial: 'available',
  seed: 7,
  tag: '',
  hang: false,
  trickle: false,
  hangTrial: false,
  trickleTrial: false,
  trialUnreadable: false,
  retryAfter: 30,
};

/** How often a trickling answer sends its next space. */
const TRICKLE_INTERVAL = 250;

const clampInt = (value: string | undefined, min: number, max: number, fallback: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

type NumberField = { [K in keyof Scenario]: Scenario[K] extends number | undefined ? K : never }[keyof Scenario];
type SwitchField = { [K in keyof Scenario]: Scenario[K] extends boolean ? K : never }[keyof Scenario];

/** `name=N` flags: the field, and the range and default of N. */
const NUMBER_FLAGS: Record<string, [NumberField, number, number, number]> = {
  latency: ['latency', 0, 30_000, 0],
  status: ['status', 400, 599, 500],
  calls: ['callsStatus', 400, 599, 403],
  'trial-fail': ['trialFailStatus', 400, 599, 500],
  agents: ['agents', 0, 20_000, DEFAULTS.agents],
  messaging: ['messaging', 0, 20_000, DEFAULTS.messaging],
  volume: ['volume', 1, 100, 1],
  seed: ['seed', 0, 2 ** 31, DEFAULTS.seed],
  'retry-after': ['retryAfter', 0, 86_400, DEFAULTS.retryAfter],
};

/** Flags that switch a behaviour on. */
const SWITCH_FLAGS: Record<string, SwitchField> = {
  malformed: 'malformed',
  markup: 'markup',
  empty: 'empty',
  html: 'html',
  'not-json': 'notJson',
  'empty-body': 'emptyBody',
  hang: 'hang',
  trickle: 'trickle',
  'hang-trial': 'hangTrial',
  'trickle-trial': 'trickleTrial',
  'trial-unreadable': 'trialUnreadable',
};

export function parseScenario(flags: string): Scenario {
  const scenario = { ...DEFAULTS };
  let decoded: string;
  try {
    decoded = decodeURIComponent(flags);
  } catch {
    decoded = '';
  }
  for (const flag of decoded.split(',')) {
    const [name = '', value] = flag.split('=').map((s) => s.trim());
    // Own keys only: a flag such as `constructor` must not find Object.prototype.
    const number = Object.hasOwn(NUMBER_FLAGS, name) ? NUMBER_FLAGS[name] : undefined;
    const on = Object.hasOwn(SWITCH_FLAGS, name) ? SWITCH_FLAGS[name] : undefined;
    if (number) (scenario[number[0]] as number | undefined) = clampInt(value, number[1], number[2], number[3]);
    else if (on) (scenario[on] as boolean) = true;
    else if (name === 'trial' && (value === 'available' || value === 'active' || value === 'expired' || value === 'unavailable')) scenario.trial = value;
    else if (name === 'tag') scenario.tag = value ?? '';
  }
  return scenario;
}

const json = (status: number, value: unknown): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(value),
});

/** An answer that never comes (`hang`) or never completes (`trickle`). */
const held = (hold: 'hang' | 'trickle'): ApiResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: '',
  hold,
});

/** Breaks a few rows of an answer in the ways the contract forbids. */
function breakRows(operation: string, body: Record<string, unknown>): void {
  const agents = body.agents as Record<string, unknown>[] | undefined;
  if (!agents || agents.length < 3) return;
  if (operation === 'voice/agents') {
    (agents[1] as Record<string, unknown>).billableMinutesThisMonth = -4;
    (agents[2] as Record<string, unknown>).callsEngagedThisMonth = '12';
    delete (agents[2] as Record<string, unknown>).nonBillableCallsSinceActivation;
  } else if (operation === 'messaging/agents') {
    (agents[1] as Record<string, unknown>).engagedCases = 'many';
    (agents[2] as Record<string, unknown>).priceCredits = null;
  }
}

function addMarkup(body: Record<string, unknown>): void {
  const agents = body.agents as Record<string, unknown>[] | undefined;
  if (!agents?.length) return;
  (agents[0] as Record<string, unknown>).name = '<img src=x onerror="window.__xss=1">Eve <b>bold</b>';
  const entity = (agents[0] as Record<string, unknown>).entity as Record<string, unknown>;
  entity.name = '<script>window.__xss=1</script>Lobby';
}

/** Request headers as Node gives them (names in lower case). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface Api {
  handle(method: string, url: URL, signal?: AbortSignal, headers?: RequestHeaders): Promise<ApiResponse | undefined>;
}

/** One header's value, or `undefined`; a list (a repeated header) counts as its first value. */
function header(headers: RequestHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

export function createApi(): Api {
  const sources = new Map<string, UsageDataSource>();
  const log: LoggedRequest[] = [];
  /** Answers to `POST voice/trial` by organization and `Idempotency-Key` (bounded, oldest dropped). */
  const idempotent = new Map<string, Promise<ApiResponse>>();

  // The tag is part of the key: a test's trial activation never leaks into another's organization.
  const organization = (s: Scenario) => `${s.seed}|${s.agents}|${s.messaging}|${s.volume}|${s.trial}|${s.empty}|${s.callsStatus === undefined}|${s.tag}`;

  function sourceFor(s: Scenario): UsageDataSource {
    const key = organization(s);
    let source = sources.get(key);
    if (!source) {
      const data = createDemoData({
        seed: s.seed,
        voiceAgents: s.empty ? 0 : s.agents,
        messagingAgents: s.empty ? 0 : s.messaging,
        volume: s.volume,
        // Individual calls only where their number stays reasonable (about 600,000 objects at most).
        ...(s.agents * s.volume > 3000 ? { callMonths: [] } : {}),
        trialStatus: s.trial,
        timeZone: 'Europe/Stockholm',
      });
      source = createMemoryDataSource(data, { canSeeCalls: s.callsStatus === undefined });
      sources.set(key, source);
      // Keep memory bounded: only the most recent scenarios stay generated.
      while (sources.size > 8) sources.delete(sources.keys().next().value as string);
    }
    return source;
  }

  async function operation(source: UsageDataSource, method: string, op: string, q: URLSearchParams, signal?: AbortSignal): Promise<unknown> {
    const params = { ...(signal ? { signal } : {}) };
    if (method === 'GET' && op === 'voice/agents') return source.getVoiceAgents(params);
    if (method === 'GET' && op === 'voice/plan') return source.getVoicePlan(params);
    if (method === 'POST' && op === 'voice/trial') return source.activateVoiceTrial(params);
    if (method === 'GET' && op === 'messaging/agents') return source.getMessagingAgents(params);
    if (method === 'GET' && op === 'voice/history') {
      const from = q.get('from') ?? '';
      const to = q.get('to') ?? '';
      if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to)) throw new UsageDataError('http', op, 'from and to must be YYYY-MM', { status: 400 });
      return source.getVoiceHistory({ ...params, from, to, ...(q.get('agentId') ? { agentId: q.get('agentId') as string } : {}) });
    }
    if (method === 'GET' && op === 'voice/calls') {
      const month = q.get('month') ?? '';
      const [key, direction] = (q.get('sort') ?? 'startedAt:desc').split(':');
      const limit = Number(q.get('limit') ?? 50);
      const offset = Number(q.get('offset') ?? 0);
      if (!/^\d{4}-\d{2}$/.test(month) || !(limit >= 1 && limit <= 500) || !(offset >= 0)) {
        throw new UsageDataError('http', op, 'month, offset and limit (1..500) are required', { status: 400 });
      }
      return source.getVoiceCalls({
        ...params,
        month,
        ...(q.get('agentId') ? { agentId: q.get('agentId') as string } : {}),
        sort: { key: (key ?? 'startedAt') as VoiceCallSortKey, direction: direction === 'asc' ? 'asc' : 'desc' },
        offset,
        limit,
      });
    }
    return undefined;
  }

  async function answerFor(scenario: Scenario, method: string, op: string, url: URL, signal: AbortSignal | undefined): Promise<ApiResponse> {
    if (scenario.latency > 0) {
      await new Promise((resolve) => setTimeout(resolve, scenario.latency));
    }
    const isTrial = method === 'POST' && op === 'voice/trial';
    if (scenario.hang || (isTrial && scenario.hangTrial)) return held('hang');
    if (scenario.trickle || (isTrial && scenario.trickleTrial)) return held('trickle');
    if (scenario.status === 429) {
      const busy = json(429, { error: 'Simulated rate limit' });
      return { ...busy, headers: { ...busy.headers, 'retry-after': String(scenario.retryAfter) } };
    }
    if (scenario.status) return json(scenario.status, { error: `Simulated failure (HTTP ${scenario.status})` });
    if (op === 'voice/calls' && scenario.callsStatus) return json(scenario.callsStatus, { error: 'Not allowed to see individual calls' });
    if (op === 'voice/trial' && scenario.trialFailStatus) return json(scenario.trialFailStatus, { error: 'Simulated failure to activate the trial' });
    if (scenario.html) {
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Sign in</title><h1>Please sign in</h1>' };
    }
    if (scenario.emptyBody) return { status: 200, headers: { 'content-type': 'application/json' }, body: '' };
    if (scenario.notJson) return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"agents": [ {"id": "a1", ' };

    try {
      const result = await operation(sourceFor(scenario), method, op, url.searchParams, signal);
      if (result === undefined) return json(404, { error: `No such operation: ${method} ${op}` });
      const body = result as Record<string, unknown>;
      if (isTrial && scenario.trialUnreadable) {
        // Activated, but the answer is cut short: the client cannot tell whether it worked.
        return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body).slice(0, 12) };
      }
      if (scenario.malformed) breakRows(op, body);
      if (scenario.markup) addMarkup(body);
      return json(200, body);
    } catch (error) {
      if (error instanceof UsageDataError) return json(error.status ?? 500, { error: error.message });
      throw error;
    }
  }

  return {
    async handle(method, url, signal, headers) {
      if (url.pathname === '/api/_log') {
        if (method === 'DELETE') {
          log.length = 0;
          return json(200, { ok: true });
        }
        const tag = url.searchParams.get('tag');
        return json(200, { requests: tag === null ? log : log.filter((r) => r.tag === tag) });
      }
      const match = /^\/api\/(?:ai-usage|scenarios\/([^/]*))\/(.+)$/.exec(url.pathname);
      if (!match) return undefined;
      const scenario: Scenario = match[1] === undefined ? { ...DEFAULTS } : parseScenario(match[1]);
      const op = match[2] as string;
      const idempotencyKey = header(headers, 'idempotency-key')?.slice(0, 200);
      log.push({ tag: scenario.tag, method, operation: op, query: Object.fromEntries(url.searchParams), ...(idempotencyKey ? { idempotencyKey } : {}), at: Date.now() });
      if (log.length > 5000) log.splice(0, log.length - 5000);

      // A replay of an activation this organization has seen: its stored answer, nothing activated again.
      if (method === 'POST' && op === 'voice/trial' && idempotencyKey) {
        const key = `${organization(scenario)}|${idempotencyKey}`;
        const stored = idempotent.get(key);
        if (stored) return stored;
        const answer = answerFor(scenario, method, op, url, signal);
        idempotent.set(key, answer);
        while (idempotent.size > 1000) idempotent.delete(idempotent.keys().next().value as string);
        // A held answer (or a crash) is no answer to replay: the next request with the key is handled afresh.
        void answer.then(
          (a) => a.hold && idempotent.get(key) === answer && idempotent.delete(key),
          () => idempotent.get(key) === answer && idempotent.delete(key),
        );
        return answer;
      }
      return answerFor(scenario, method, op, url, signal);
    },
  };
}

/**
 * Writes `answer` to a Node response. A held answer (`hang`, `trickle`) stays open until the client
 * disconnects, then its timer is cleared; the promise resolves once the response is over either way.
 */
export function writeApiResponse(answer: ApiResponse, res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    // The client may have left already (during `latency`): then there is nothing to write.
    if (res.destroyed) {
      resolve();
      return;
    }
    let timer: ReturnType<typeof setInterval> | undefined;
    // `close` comes once the answer is sent, or when the client goes away (or the socket is destroyed).
    res.once('close', () => {
      clearInterval(timer);
      resolve();
    });
    if (!answer.hold) {
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } else if (answer.hold === 'trickle') {
      res.writeHead(answer.status, answer.headers);
      res.flushHeaders();
      timer = setInterval(() => {
        if (!res.destroyed) res.write(' ');
      }, TRICKLE_INTERVAL);
    }
  });
}

/** Koa's context, as far as the middleware uses it. */
interface MiddlewareContext {
  method: string;
  url: string;
  status: number;
  body: unknown;
  respond?: boolean;
  req?: IncomingMessage;
  res: ServerResponse;
  set(h: Record<string, string>): void;
}

/** The API as middleware for @web/dev-server and @web/test-runner (Koa-style). */
export function apiMiddleware(api: Api = createApi()) {
  return async (ctx: MiddlewareContext, next: () => Promise<unknown>) => {
    if (!ctx.url.startsWith('/api/')) return next();
    const answer = await api.handle(ctx.method, new URL(ctx.url, 'http://localhost'), undefined, ctx.req?.headers);
    if (!answer) return next();
    if (answer.hold) {
      // Koa would buffer or end it: write the held answer to the socket directly.
      ctx.respond = false;
      await writeApiResponse(answer, ctx.res);
      return undefined;
    }
    ctx.status = answer.status;
    ctx.set(answer.headers);
    ctx.body = answer.body;
    return undefined;
  };
}
