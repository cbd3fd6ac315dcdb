import { msg, str } from '../i18n/localize.js';
import { UsageDataError, type RequestParams, type TrialActivationParams, type UsageDataSource } from './data-source.js';
import { emptyBody, httpError, networkError, notJson } from './http-errors.js';
import { jsonStreamParser, readJsonStream } from './json-stream.js';
import { requestTimeout, withTimeout } from './timeout.js';

export interface RestDataSourceOptions {
  /** Base URL of a backend that speaks the REST contract; relative URLs resolve against the page. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (auth wrappers, tests). */
  fetch?: typeof fetch;
  /** Merged into every request: headers, credentials, mode… */
  init?: RequestInit;
  /**
   * Time limit of every request in milliseconds, from sending it until its JSON is read. Default
   * 30000. Past it the request is aborted and rejects with a `UsageDataError` of kind `timeout`.
   * `Infinity` sets no limit of the source's own (for callers that bound each call themselves).
   */
  timeoutMs?: number;
}

const MAX_CALLS_LIMIT = 500;

/** Answers above this size in bytes (or of unknown size) are parsed as they arrive, in slices. */
const LARGE_BODY = 1024 * 1024;

/** True unless the answer says it is small: no `Content-Length`, a larger one, or a compressed body (whose length is not the text's). */
function mayBeLarge(headers: Headers): boolean {
  const length = headers.get('content-length');
  return length === null || !(Number(length) <= LARGE_BODY) || headers.has('content-encoding');
}

function resolveBase(baseUrl: string): URL {
  const withSlash = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const pageBase = typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href;
  return new URL(withSlash, pageBase);
}

// The errors are the REST source's, and public with it (hosts' own sources throw them too).
export { httpError, networkError, parseRetryAfter } from './http-errors.js';

/**
 * A data source that speaks the REST contract over `fetch`.
 *
 * ```ts
 * element.dataSource = createRestDataSource({ baseUrl: '/api/ai-usage/', init: { credentials: 'include' } });
 * ```
 *
 * Every request has a time limit (`timeoutMs`, default 30000) covering the whole exchange, body
 * included: a server that never answers, or trickles its answer, ends in a `timeout` error.
 */
export function createRestDataSource(options: RestDataSourceOptions): UsageDataSource {
  const base = resolveBase(options.baseUrl);
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs === Infinity ? Infinity : requestTimeout(options.timeoutMs);
  /** Runs `run` within the source's limit, or as it is when the caller bounds it. */
  const bounded = <T>(run: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined, operation: string): Promise<T> =>
    timeoutMs === Infinity ? run(signal ?? new AbortController().signal) : withTimeout(run, { signal, timeoutMs, operation });

  /** Identical GETs on their way, shared: two elements asking for `voice/agents` make one request. */
  const inFlight = new Map<string, { answer: Promise<unknown>; controller: AbortController; users: number }>();

  /**
   * A GET shared by every caller that asks for the same URL while it is on its way. Each caller's
   * signal only detaches that caller; the request itself is aborted when the last one leaves. The
   * shared request has one time limit: past it, every caller still waiting gets the timeout error.
   */
  function sharedGet<T>(url: URL, operation: string, params: RequestParams): Promise<T> {
    const key = url.href;
    let entry = inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: { answer: Promise<unknown>; controller: AbortController; users: number } = { controller, users: 0, answer: Promise.resolve() };
      created.answer = bounded((signal) => send(url, operation, 'GET', signal), controller.signal, operation).finally(() => {
        if (inFlight.get(key) === created) inFlight.delete(key);
      });
      // Nobody may be listening when it fails after everyone left: keep that from being "unhandled".
      created.answer.catch(() => undefined);
      inFlight.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.users++;
    return new Promise<T>((resolve, reject) => {
      const signal = params.signal;
      const leave = () => {
        shared.users--;
        if (shared.users === 0) {
          if (inFlight.get(key) === shared) inFlight.delete(key);
          shared.controller.abort(signal?.reason);
        }
        reject(signal?.reason);
      };
      if (signal?.aborted) {
        leave();
        return;
      }
      signal?.addEventListener('abort', leave, { once: true });
      shared.answer.then(
        (value) => {
          signal?.removeEventListener('abort', leave);
          resolve(value as T);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }

  function request<T>(
    operation: string,
    query: Record<string, string | number | undefined>,
    params: RequestParams & { idempotencyKey?: string },
    method: 'GET' | 'POST' = 'GET',
  ): Promise<T> {
    const url = new URL(operation, base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    if (method === 'GET') return sharedGet<T>(url, operation, params);
    return bounded((signal) => send<T>(url, operation, method, signal, params.idempotencyKey), params.signal, operation);
  }

  async function send<T>(url: URL, operation: string, method: 'GET' | 'POST', callerSignal: AbortSignal | undefined, idempotencyKey?: string): Promise<T> {
    const params = { signal: callerSignal };
    const headers = new Headers(options.init?.headers);
    headers.set('Accept', 'application/json'); // i18n-ignore: an HTTP header
    // The same key on every send of one intent: a backend that honours it activates once.
    if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey); // i18n-ignore: an HTTP header
    let response: Response;
    const signals = [params.signal, options.init?.signal].filter((s): s is AbortSignal => !!s);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : (signals[0] ?? null);
    try {
      response = await doFetch(url, { ...options.init, method, headers, signal });
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw networkError(operation, error);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const body: unknown = response.body;
    if (!response.ok) {
      // Nobody reads the body of a failure: let it go (and its connection with it).
      if (body instanceof ReadableStream && !body.locked) body.cancel().catch(() => undefined);
      throw httpError(operation, response.status, response.headers.get('retry-after'));
    }
    const json = /\bjson\b/i.test(contentType);
    // A big JSON answer is read and parsed as it arrives, in slices that leave the page responsive.
    const parser = json && body instanceof ReadableStream && mayBeLarge(response.headers) ? jsonStreamParser() : undefined;
    let text = '';
    try {
      if (parser) await readJsonStream(body as ReadableStream<Uint8Array>, parser, signal ?? undefined);
      else text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw new UsageDataError(
        'network',
        operation,
        () =>
          msg(str`The answer to ${operation} broke off before it was complete.`, {
            desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.',
          }),
        { cause: error },
      );
    }
    if (!json) {
      throw new UsageDataError('not-json', operation, notJson(operation, text, contentType), {
        status: response.status,
      });
    }
    if (parser ? parser.blank : text.trim() === '') {
      throw new UsageDataError('not-json', operation, () => emptyBody(operation), { status: response.status });
    }
    try {
      return (parser ? parser.end() : JSON.parse(text)) as T;
    } catch (error) {
      throw new UsageDataError(
        'not-json',
        operation,
        () => msg(str`The answer to ${operation} is not valid JSON.`, { desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.' }),
        { status: response.status, cause: error },
      );
    }
  }

  return {
    getVoiceAgents: (params) => request('voice/agents', {}, params),
    getVoicePlan: (params) => request('voice/plan', {}, params),
    activateVoiceTrial: (params: TrialActivationParams) => request('voice/trial', {}, params, 'POST'),
    getVoiceHistory: (params) => request('voice/history', { from: params.from, to: params.to, agentId: params.agentId }, params),
    getVoiceCalls: (params) =>
      request(
        'voice/calls',
        {
          month: params.month,
          agentId: params.agentId,
          sort: `${params.sort.key}:${params.sort.direction}`,
          offset: Math.max(0, Math.floor(params.offset)),
          limit: Math.min(MAX_CALLS_LIMIT, Math.max(1, Math.floor(params.limit))),
        },
        params,
      ),
    getMessagingAgents: (params) => request('messaging/agents', {}, params),
  };
}
