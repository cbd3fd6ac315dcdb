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
 *   Bulk data for the benchmark (`npm run bench`), fast and deterministic for any size:
 *   `bulk-agents=N` (0–110,000): `GET voice/agents` answers N agents with unique names and
 *   distinct billable minutes this month (see `bulkAgents`); `bulk-calls=N` (0–1,000,000):
 *   `GET voice/calls` pages through N calls of whichever month is asked (see `bulkCallsPage`).
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
import { createDemoData, VOICE_NAMES } from '../src/model/demo-dataset.js';
import { createMemoryDataSource } from '../src/sources/memory-data-source.js';
import { UsageDataError, type UsageDataSource } from '../src/sources/data-source.js';
import { daysInMonth } from '../src/model/months.js';
import type { TrialStatus, VoiceAgent, VoiceAgentsResponse, VoiceCall, VoiceCallSortKey, VoiceCallsPage } from '../src/model/types.js';

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
  /** `GET voice/agents` answers this many bulk agents (the benchmark's data) instead of the demo dataset's. */
  bulkAgents: number | undefined;
  /** `GET voice/calls` pages through this many bulk calls of the month asked for. */
  bulkCalls: number | undefined;
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
  bulkAgents: undefined,
  bulkCalls: undefined,
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
  'bulk-agents': ['bulkAgents', 0, 110_000, 1000],
  'bulk-calls': ['bulkCalls', 0, 1_000_000, 100_000],
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

// ---------------------------------------------------------------------------------------------
// Bulk data for the benchmark: any number of agents and calls, computed from their index (no
// history, no per-call arrays), the same for the same seed on every machine and every day.

/** The month and clock of the bulk data: fixed, so that results do not depend on the day they are taken. */
export const BULK_MONTH = '2026-11';
const BULK_AS_OF = '2026-11-20T12:00:00Z';

const BULK_NAMES = VOICE_NAMES;
const BULK_GROUPS = ['Support Tier', 'Växel Stockholm', 'Vertrieb DACH', 'Ventas LATAM', 'مركز الاتصال الرياض', 'お客様窓口 東京', 'Invoices & Payments', 'Nordic Premium Support'];
const BULK_PEOPLE = ['Anna Lindqvist', 'Jonas Berg', 'Fatima Al-Sayed', 'Kenji Watanabe', 'María José Pérez', 'Oskar Nieminen'];

/** A number in [0, 1) from a seed and an index: the same inputs, the same number (murmur3's finalizer). */
function unit(seed: number, index: number, salt: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** The id of bulk agent `i` (0-based). */
export const bulkAgentId = (i: number) => `ba-${String(i + 1).padStart(6, '0')}`;

/** The name of bulk agent `i` (0-based): unique (a number follows the name), so a row can be told by its name. */
export const bulkAgentName = (i: number) => `${BULK_NAMES[i % BULK_NAMES.length]} ${i + 1}`;

/** Bulk agent `i` of `count`. `billableMinutesThisMonth` is a permutation of 0…count−1 over the agents: no two agents tie. */
function bulkAgent(i: number, count: number, seed: number): VoiceAgent {
  const r = (salt: number) => unit(seed, i, salt);
  const phone = r(1) < 0.3;
  const group = i % 250;
  const billable = (i * 1_000_003 + seed) % count;
  const nonBillable = Math.floor(r(2) * 40);
  const engaged = nonBillable + Math.ceil(billable / 3);
  const month = 1 + Math.floor(r(3) * 12);
  return {
    id: bulkAgentId(i),
    name: bulkAgentName(i),
    active: i % 5 !== 3,
    entity: phone
      ? { id: `pn-${i + 1}`, name: `+46 8 ${String(100 + (i % 900))} ${String(1000 + Math.floor(i / 900)).slice(-4)}`, type: 'phone-number' }
      : { id: `rg-${group + 1}`, name: `${BULK_GROUPS[group % BULK_GROUPS.length]} ${Math.floor(group / BULK_GROUPS.length) + 1}`, type: 'response-group' },
    activatedAt: `2025-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r(4) * 28)).padStart(2, '0')}T09:00:00Z`,
    callsEngagedThisMonth: engaged,
    callsHandledSinceActivation: engaged + Math.floor(r(5) * 5000),
    billableMinutesThisMonth: billable,
    billableMinutesSinceActivation: billable + Math.floor(r(6) * 20_000),
    nonBillableCallsThisMonth: nonBillable,
    nonBillableCallsSinceActivation: nonBillable + Math.floor(r(7) * 300),
  };
}

/**
 * `count` deterministic AI voice agents (the benchmark's data): unique ids and names, every fifth
 * inactive, response groups and phone numbers, and billable minutes this month that never tie (so
 * sorting by them has one right first row whatever the sort's stability). A new object every call.
 */
export function bulkAgents(count: number, seed = DEFAULTS.seed): VoiceAgentsResponse {
  const agents: VoiceAgent[] = new Array(count);
  for (let i = 0; i < count; i++) agents[i] = bulkAgent(i, count, seed);
  return { month: BULK_MONTH, timeZone: 'Europe/Stockholm', asOf: BULK_AS_OF, agents };
}

/** Serialized bulk agents by count and seed (the last two): 100,000 agents take a second to build and 40 MB to send. */
const bulkBodies = new Map<string, string>();

function bulkAgentsBody(count: number, seed: number): string {
  const key = `${count}|${seed}`;
  let body = bulkBodies.get(key);
  if (body === undefined) {
    body = JSON.stringify(bulkAgents(count, seed));
    bulkBodies.set(key, body);
    while (bulkBodies.size > 2) bulkBodies.delete(bulkBodies.keys().next().value as string);
  }
  return body;
}

/** How many agents the bulk calls are spread over (when `bulk-agents` is not set). */
const BULK_CALL_AGENTS = 1000;

/** Call `i` of `total` in `month`: calls start in index order, spread evenly over the month (never two at the same second up to 1,000,000). */
function bulkCall(i: number, total: number, month: string, agents: number, seed: number): VoiceCall {
  const r = (salt: number) => unit(seed, i, salt + 100);
  const seconds = daysInMonth(month) * 86_400;
  const start = new Date(Date.parse(`${month}-01T00:00:00Z`) + Math.floor((i * seconds) / total) * 1000);
  const duration = r(1) < 0.12 ? 1 + Math.floor(r(2) * 14) : 15 + Math.floor(r(2) * r(2) * 705);
  // A multiplier prime to the agent count: consecutive calls (and consecutive pages' first calls) belong to different agents.
  const agent = (i * 7919) % agents;
  const name = bulkAgentName(agent);
  const transferred = duration >= 15 && r(3) < 0.15;
  return {
    id: `bc-${month}-${String(i + 1).padStart(7, '0')}`,
    startedAt: start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    durationSeconds: duration,
    agentId: bulkAgentId(agent),
    agentName: name,
    takenBy: transferred ? { kind: 'user', name: BULK_PEOPLE[Math.floor(r(4) * BULK_PEOPLE.length)] as string } : { kind: 'ai-agent', name },
    billable: duration >= 15,
  };
}

export interface CallsQuery {
  month: string;
  agentId: string | undefined;
  sort: { key: VoiceCallSortKey; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

const CALL_KEYS: readonly VoiceCallSortKey[] = ['startedAt', 'durationSeconds', 'agentName', 'takenBy', 'billable'];

/** The query of `GET voice/calls`; throws a 400 when month, offset or limit are missing or out of range. */
function readCallsQuery(q: URLSearchParams, op: string): CallsQuery {
  const month = q.get('month') ?? '';
  const [key, direction] = (q.get('sort') ?? 'startedAt:desc').split(':');
  const limit = Number(q.get('limit') ?? 50);
  const offset = Number(q.get('offset') ?? 0);
  if (!/^\d{4}-\d{2}$/.test(month) || !(limit >= 1 && limit <= 500) || !(offset >= 0)) {
    throw new UsageDataError('http', op, 'month, offset and limit (1..500) are required', { status: 400 });
  }
  return {
    month,
    agentId: q.get('agentId') || undefined,
    sort: { key: (key ?? 'startedAt') as VoiceCallSortKey, direction: direction === 'asc' ? 'asc' : 'desc' },
    offset,
    limit,
  };
}

/** Sorted call indices, by (total, month, agents, seed, agent, sort): the last few only. */
const bulkOrders = new Map<string, Int32Array>();

/**
 * One page of `total` bulk calls of `query.month`, sorted as asked (ties by id, ascending, as the
 * memory data source does), optionally of one agent. Calls are computed from their index; only the
 * sorted order of indices is kept between requests.
 */
export function bulkCallsPage(total: number, query: CallsQuery, agents = BULK_CALL_AGENTS, seed = DEFAULTS.seed): VoiceCallsPage {
  const call = (i: number) => bulkCall(i, total, query.month, Math.max(1, agents), seed);
  const key = CALL_KEYS.includes(query.sort.key) ? query.sort.key : 'startedAt';
  const cacheKey = `${total}|${query.month}|${agents}|${seed}|${query.agentId ?? ''}|${key}|${query.sort.direction}`;
  let order = bulkOrders.get(cacheKey);
  if (!order) {
    let indices = Int32Array.from({ length: total }, (_, i) => i);
    if (query.agentId !== undefined) indices = indices.filter((i) => call(i).agentId === query.agentId);
    if (key !== 'startedAt') {
      const collator = new Intl.Collator('en');
      const value = (c: VoiceCall): number | string =>
        key === 'durationSeconds' ? c.durationSeconds : key === 'agentName' ? c.agentName : key === 'takenBy' ? c.takenBy.name : Number(c.billable);
      const values = new Map<number, number | string>();
      for (const i of indices) values.set(i, value(call(i)));
      const sign = query.sort.direction === 'desc' ? -1 : 1;
      const compare = (a: number | string, b: number | string) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));
      indices.sort((a, b) => sign * compare(values.get(a) as number | string, values.get(b) as number | string) || a - b);
    } else if (query.sort.direction === 'desc') {
      // Start times follow the index and never tie.
      indices.reverse();
    }
    order = indices;
    bulkOrders.set(cacheKey, order);
    while (bulkOrders.size > 6) bulkOrders.delete(bulkOrders.keys().next().value as string);
  }
  const offset = Math.floor(query.offset);
  return { total: order.length, items: Array.from(order.subarray(offset, offset + Math.floor(query.limit)), call) };
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
      const { agentId, ...query } = readCallsQuery(q, op);
      return source.getVoiceCalls({ ...params, ...query, ...(agentId ? { agentId } : {}) });
    }
    return undefined;
  }

  /** The bulk answers (`bulk-agents`, `bulk-calls`), or `undefined` where the scenario has none for the operation. */
  function bulkOperation(s: Scenario, method: string, op: string, q: URLSearchParams): unknown {
    if (method !== 'GET') return undefined;
    if (op === 'voice/agents' && s.bulkAgents !== undefined) return bulkAgents(s.bulkAgents, s.seed);
    if (op === 'voice/calls' && s.bulkCalls !== undefined) return bulkCallsPage(s.bulkCalls, readCallsQuery(q, op), s.bulkAgents ?? BULK_CALL_AGENTS, s.seed);
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

    if (method === 'GET' && op === 'voice/agents' && scenario.bulkAgents !== undefined && !scenario.malformed && !scenario.markup) {
      return { ...json(200, null), body: bulkAgentsBody(scenario.bulkAgents, scenario.seed) };
    }
    try {
      const result = bulkOperation(scenario, method, op, url.searchParams) ?? (await operation(sourceFor(scenario), method, op, url.searchParams, signal));
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
