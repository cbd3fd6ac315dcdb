/**
 * openapi.yaml (the REST contract as OpenAPI 3.1, shipped in the package) against the code:
 * - every request the REST data source (what `endpoint` uses) can make is an operation of the
 *   document with valid parameters, and the document has no operation or parameter it never sends;
 * - every answer of the demo backend (demo/api.ts), in every scenario it can play (each flag of
 *   `/api/scenarios/<flags>/`), is declared for its operation and status and valid against the
 *   document's schema (ajv, JSON Schema 2020-12, OpenAPI 3.1's dialect), except the answers that
 *   break the contract on purpose (`malformed`, `html`, `not-json`, `empty-body`,
 *   `trial-unreadable`), which the document must reject, each for its reason.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { createApi, parseScenario, type ApiResponse, type Scenario } from '../../demo/api.js';
import { createRestDataSource } from '../../src/sources/rest-data-source.js';
import type { VoiceCallSortKey } from '../../src/model/types.js';
import { isIsoInstant } from '../../src/validate/validate.js';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema: Json;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, Json>;
}

const SPEC_FILE = 'openapi.yaml';
const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as { openapi: string; paths: Record<string, Record<string, Operation>>; components: Json };

/** RFC 3339 `date-time` (OpenAPI's format), on a day that exists. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addFormat('date-time', { type: 'string', validate: (value: string) => RFC3339.test(value) && isIsoInstant(value) });
// The document's own top-level keys: not schema keywords, but where the schemas live.
for (const key of ['openapi', 'info', 'servers', 'tags', 'paths', 'components']) ajv.addKeyword(key);
ajv.addSchema(spec, SPEC_FILE);

/** A JSON pointer token. */
const token = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/** The value at a local `$ref` (`#/components/...`). */
function at(ref: string): unknown {
  assert.ok(ref.startsWith('#/'), `only local references: ${ref}`);
  let value: unknown = spec;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    assert.ok(value && typeof value === 'object' && key in value, `${ref} resolves in ${SPEC_FILE}`);
    value = (value as Json)[key];
  }
  return value;
}

/** A Response Object, its `$ref` followed. */
const deref = (value: Json): Json => (typeof value.$ref === 'string' ? deref(at(value.$ref) as Json) : value);

/** The JSON pointer of the object at `pointer`, its `$ref` followed. */
const target = (pointer: string): string => {
  const value = at(`#${pointer}`) as Json;
  return typeof value.$ref === 'string' ? target(value.$ref.slice(1)) : pointer;
};

/** The compiled schema at a JSON pointer of the document. */
const validators = new Map<string, ValidateFunction>();
function schemaAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.getSchema(`${SPEC_FILE}#${pointer}`);
    assert.ok(validate, `a schema at ${pointer}`);
    validators.set(pointer, validate);
  }
  return validate;
}

const explain = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

/** The operation for a method and a path relative to the base URL (`voice/agents`). */
function operationOf(method: string, path: string): { operation: Operation; pointer: string } | undefined {
  const key = `/${path}`;
  const operation = spec.paths[key]?.[method.toLowerCase()];
  return operation && { operation, pointer: `/paths/${token(key)}/${method.toLowerCase()}` };
}

/** What is wrong with a request by the document: an unknown operation, a missing, unknown or invalid parameter. */
function requestProblems(method: string, path: string, query: URLSearchParams, headers: Record<string, string>): string[] {
  const found = operationOf(method, path);
  if (!found) return [`${method} ${path} is not an operation of ${SPEC_FILE}`];
  const problems: string[] = [];
  const parameters = found.operation.parameters ?? [];
  parameters.forEach((p, i) => {
    const raw = p.in === 'query' ? query.get(p.name) : p.in === 'header' ? headers[p.name.toLowerCase()] : undefined;
    if (raw === null || raw === undefined) {
      if (p.required) problems.push(`${p.in} parameter ${p.name} is missing`);
      return;
    }
    // Query values are text on the wire: an integer parameter is read as a number.
    const value = p.schema.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    const validate = schemaAt(`${found.pointer}/parameters/${i}/schema`);
    if (!validate(value)) problems.push(`${p.in} parameter ${p.name}=${raw}: ${explain(validate.errors).join('; ')}`);
  });
  for (const name of query.keys()) if (!parameters.some((p) => p.in === 'query' && p.name === name)) problems.push(`query parameter ${name} is not in ${SPEC_FILE}`);
  return problems;
}

/** What is wrong with an answer by the document: a status it does not declare, another media type, a body that is not JSON or not valid. */
function answerProblems(method: string, path: string, answer: ApiResponse): string[] {
  const found = operationOf(method, path);
  if (!found) return [`${method} ${path} is not an operation of ${SPEC_FILE}`];
  const status = String(answer.status);
  const code = [status, `${status[0]}XX`, 'default'].find((c) => c in found.operation.responses);
  if (!code) return [`HTTP ${status} is not declared for ${method} ${path}`];
  if (answer.status >= 200 && answer.status < 300 && code !== status) return [`HTTP ${status} is a success the document does not declare`];
  const responsePointer = target(`${found.pointer}/responses/${code}`);
  const content = ((at(`#${responsePointer}`) as Json).content ?? {}) as Record<string, Json>;
  const mediaType = (answer.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(mediaType in content)) return [`HTTP ${status} answers ${mediaType || 'no media type'}; the document says ${Object.keys(content).join(', ') || 'no body'}`];
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [`HTTP ${status} answers a body that is not JSON: ${JSON.stringify(answer.body.slice(0, 40))}`];
  }
  const validate = schemaAt(`${responsePointer}/content/${token(mediaType)}/schema`);
  return validate(body) ? [] : explain(validate.errors).map((e) => `HTTP ${status}: ${e}`);
}

// ---------------------------------------------------------------------------------------------

describe(`${SPEC_FILE}: the REST contract as OpenAPI 3.1`, () => {
  it('is an OpenAPI 3.1 document whose every reference resolves and every operation declares what the elements tell apart (401, 403, 429, any other failure)', () => {
    assert.match(spec.openapi, /^3\.1\.\d+$/);
    const refs: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          if (key === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
    };
    walk(spec);
    assert.ok(refs.length > 20);
    for (const ref of refs) at(ref);
    for (const schema of Object.keys(spec.components.schemas as Json)) schemaAt(`/components/schemas/${schema}`);
    for (const [path, item] of Object.entries(spec.paths))
      for (const [method, operation] of Object.entries(item)) {
        assert.ok(operation.operationId, `${method} ${path} has an operationId`);
        for (const code of ['200', '401', '403', '429', 'default']) assert.ok(code in operation.responses, `${method.toUpperCase()} ${path} declares ${code}`);
        assert.ok(deref(operation.responses['429'] as Json).headers, `${method.toUpperCase()} ${path}: 429 declares Retry-After`);
      }
  });

  it('has exactly the operations and parameters the REST data source sends, and every request it can make is valid', async () => {
    const api = createApi();
    const sent: { method: string; path: string; query: URLSearchParams; headers: Record<string, string> }[] = [];
    const source = createRestDataSource({
      baseUrl: 'http://backend.test/api/ai-usage/',
      fetch: async (input, init) => {
        const url = new URL(String(input));
        const headers = Object.fromEntries(new Headers(init?.headers).entries());
        const method = init?.method ?? 'GET';
        sent.push({ method, path: url.pathname.replace('/api/ai-usage/', ''), query: url.searchParams, headers });
        const answer = await api.handle(method, url, undefined, headers);
        assert.ok(answer);
        return new Response(answer.body, { status: answer.status, headers: answer.headers });
      },
    });
    const agents = await source.getVoiceAgents({});
    const agentId = agents.agents[0]!.id;
    const month = agents.month;
    await source.getMessagingAgents({});
    await source.getVoicePlan({});
    await source.activateVoiceTrial({ idempotencyKey: crypto.randomUUID() });
    await source.getVoiceHistory({ from: '2025-12', to: month });
    await source.getVoiceHistory({ from: '2025-12', to: month, agentId });
    const keys: VoiceCallSortKey[] = ['startedAt', 'durationSeconds', 'agentName', 'takenBy', 'billable'];
    for (const key of keys)
      for (const direction of ['asc', 'desc'] as const)
        await source.getVoiceCalls({ month, sort: { key, direction }, offset: 0, limit: 500, ...(key === 'billable' ? { agentId } : {}) });
    // Out-of-range arguments are clamped into what the document allows.
    await source.getVoiceCalls({ month, sort: { key: 'startedAt', direction: 'desc' }, offset: -3.5, limit: 10_000 });

    assert.deepEqual(
      sent.flatMap((r) => requestProblems(r.method, r.path, r.query, r.headers).map((p) => `${r.method} ${r.path}?${r.query}: ${p}`)),
      [],
    );
    const operations = Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path.slice(1)}`));
    assert.deepEqual(new Set(sent.map((r) => `${r.method} ${r.path}`)), new Set(operations), 'the operations sent are the operations documented');
    const parameters = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) => (op.parameters ?? []).map((p) => `${method.toUpperCase()} ${path.slice(1)} ${p.name}`)),
    );
    const used = new Set(sent.flatMap((r) => [...r.query.keys(), ...Object.keys(r.headers)].map((name) => `${r.method} ${r.path} ${name.toLowerCase()}`)));
    assert.deepEqual(
      parameters.filter((p) => !used.has(p.toLowerCase().replace(/^\w+/, (m) => m.toUpperCase()))),
      [],
      'every documented parameter is one the source sends',
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** One flag of `/api/scenarios/<flags>/` each (the default organization too), small sizes. */
const SCENARIOS = [
  '',
  'latency=5',
  'status=500',
  'status=503',
  'status=400',
  'status=401',
  'status=403',
  'status=429',
  'status=429,retry-after=120',
  'retry-after=5',
  'calls=403',
  'calls=401',
  'trial-fail=500',
  'malformed',
  'markup',
  'empty',
  'html',
  'not-json',
  'empty-body',
  'agents=0',
  'agents=3',
  'messaging=0',
  'messaging=2',
  'volume=3',
  'trial=available',
  'trial=active',
  'trial=expired',
  'trial=unavailable',
  'seed=3',
  'tag=openapi',
  'hang',
  'trickle',
  'hang-trial',
  'trickle-trial',
  'trial-unreadable',
  'bulk-agents=40',
  'bulk-calls=3000',
];

type Outcome = 'valid' | 'invalid' | 'held';

/** The steps of one scenario: what a host's elements ask for, in order (the month read from `voice/agents`). */
const steps = (month: string, agentId: string | undefined): { method: string; path: string; query?: string; key?: string }[] => [
  { method: 'GET', path: 'voice/agents' },
  { method: 'GET', path: 'messaging/agents' },
  { method: 'GET', path: 'voice/plan' },
  { method: 'GET', path: 'voice/history', query: `from=2025-01&to=${month}` },
  ...(agentId ? [{ method: 'GET', path: 'voice/history', query: `from=2025-01&to=${month}&agentId=${agentId}` }] : []),
  { method: 'GET', path: 'voice/calls', query: `month=${month}&sort=startedAt:desc&offset=0&limit=500` },
  { method: 'GET', path: 'voice/calls', query: `month=${month}&sort=agentName:asc&offset=20&limit=10` },
  ...(agentId ? [{ method: 'GET', path: 'voice/calls', query: `month=${month}&agentId=${agentId}&sort=durationSeconds:desc&offset=0&limit=50` }] : []),
  // Activation, then a second one (refused where the first one worked), then the plan again.
  { method: 'POST', path: 'voice/trial', key: 'first' },
  { method: 'POST', path: 'voice/trial', key: 'second' },
  { method: 'GET', path: 'voice/plan' },
];

/** What the document must say of an answer: the scenarios that break the contract on purpose, and those that never answer. */
function expected(s: Scenario, method: string, path: string, index: number): Outcome {
  const trial = method === 'POST' && path === 'voice/trial';
  if (s.hang || s.trickle || (trial && (s.hangTrial || s.trickleTrial))) return 'held';
  if (s.status) return 'valid';
  if (s.html || s.notJson || s.emptyBody) return 'invalid';
  if (s.malformed && (path === 'voice/agents' || path === 'messaging/agents')) return 'invalid';
  // The first activation only: the second one is refused (the trial is active by then) with a readable 409.
  if (s.trialUnreadable && trial && index === 0) return 'invalid';
  return 'valid';
}

describe(`the demo backend's answers against ${SPEC_FILE}, in every scenario`, () => {
  it('plays every flag the backend has: each field of its scenario is changed by a scenario here', () => {
    const defaults = parseScenario('');
    const changed = new Set(SCENARIOS.flatMap((flags) => Object.entries(parseScenario(flags)).flatMap(([k, v]) => (v === defaults[k as keyof Scenario] ? [] : [k]))));
    assert.deepEqual(
      Object.keys(defaults).filter((k) => !changed.has(k)),
      [],
      'a scenario flag this test does not play',
    );
  });

  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

  for (const flags of SCENARIOS) {
    it(`${flags ? `/api/scenarios/${flags}/` : '/api/ai-usage/'}: every answer as the document says`, async () => {
      const api = createApi();
      const scenario = parseScenario(flags);
      const base = flags ? `/api/scenarios/${flags}/` : '/api/ai-usage/';
      const agents = await api.handle('GET', new URL(`${base}voice/agents`, 'http://localhost'));
      let firstAgent: string | undefined;
      try {
        firstAgent = (JSON.parse(agents?.body ?? '') as { agents: { id: string }[] }).agents[0]?.id;
      } catch {
        firstAgent = undefined;
      }
      const wrong: string[] = [];
      const trials: number[] = [];
      for (const step of steps(month, firstAgent)) {
        const url = new URL(`${base}${step.path}${step.query ? `?${step.query}` : ''}`, 'http://localhost');
        const headers: Record<string, string> = step.key ? { 'idempotency-key': `${flags}|${step.key}` } : {};
        const where = `${step.method} ${step.path}${step.query ? `?${step.query}` : ''}`;
        assert.deepEqual(requestProblems(step.method, step.path, url.searchParams, headers), [], `the test's own request ${where}`);
        const answer = await api.handle(step.method, url, undefined, headers);
        assert.ok(answer, `an answer to ${where}`);
        const index = step.method === 'POST' ? trials.push(answer.status) - 1 : 0;
        const want = expected(scenario, step.method, step.path, index);
        if (answer.hold) {
          if (want !== 'held') wrong.push(`${where}: held, expected ${want}`);
          continue;
        }
        const problems = answerProblems(step.method, step.path, answer);
        if (want === 'valid' && problems.length > 0) wrong.push(`${where} (HTTP ${answer.status}):\n    ${problems.join('\n    ')}`);
        if (want === 'invalid' && problems.length === 0) wrong.push(`${where}: the document accepts an answer that breaks the contract`);
        if (want === 'held') wrong.push(`${where}: answered HTTP ${answer.status}, expected it held`);
      }
      assert.deepEqual(wrong, [], `answers of ${base} that disagree with ${SPEC_FILE}`);
    });
  }

  it('rejects each break of `malformed` for its reason, and `html`, `not-json`, `empty-body` and `trial-unreadable` as what they are', async () => {
    const api = createApi();
    const problemsOf = async (flags: string, method: string, path: string) => {
      const answer = await api.handle(method, new URL(`/api/scenarios/${flags}/${path}`, 'http://localhost'));
      assert.ok(answer);
      return answerProblems(method, path, answer);
    };
    assert.deepEqual(await problemsOf('malformed', 'GET', 'voice/agents'), [
      'HTTP 200: /agents/1/billableMinutesThisMonth must be >= 0',
      "HTTP 200: /agents/2 must have required property 'nonBillableCallsSinceActivation'",
      'HTTP 200: /agents/2/callsEngagedThisMonth must be integer',
    ]);
    assert.deepEqual(await problemsOf('malformed', 'GET', 'messaging/agents'), [
      'HTTP 200: /agents/1/engagedCases must be integer',
      'HTTP 200: /agents/2/priceCredits must be number',
    ]);
    assert.deepEqual(await problemsOf('html', 'GET', 'voice/plan'), ['HTTP 200 answers text/html; the document says application/json']);
    assert.match((await problemsOf('not-json', 'GET', 'voice/agents'))[0]!, /not JSON/);
    assert.match((await problemsOf('empty-body', 'GET', 'messaging/agents'))[0]!, /not JSON/);
    assert.match((await problemsOf('trial-unreadable', 'POST', 'voice/trial'))[0]!, /not JSON/);
  });

  it('declares the answers to requests the elements never send (missing or out-of-range parameters: 400)', async () => {
    const api = createApi();
    for (const [path, query] of [
      ['voice/history', 'from=2026-01'],
      ['voice/history', 'from=2026-1&to=2026-02'],
      ['voice/calls', 'sort=startedAt:desc&offset=0&limit=50'],
      ['voice/calls', `month=2026-01&sort=startedAt:desc&offset=0&limit=501`],
    ] as const) {
      const url = new URL(`/api/ai-usage/${path}?${query}`, 'http://localhost');
      assert.notDeepEqual(requestProblems('GET', path, url.searchParams, {}), [], `the document refuses GET ${path}?${query}`);
      const answer = await api.handle('GET', url);
      assert.equal(answer?.status, 400, `GET ${path}?${query}`);
      assert.deepEqual(answerProblems('GET', path, answer), []);
    }
  });
});
