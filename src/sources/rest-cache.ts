import { UsageDataError, type UsageDataSource } from './data-source.js';
import { createFailingDataSource } from './failing-source.js';
import { createRestDataSource } from './rest-data-source.js';

/**
 * One REST source per resolved endpoint URL, for the whole page: re-renders never create a new
 * source (and a new fetch), and elements on one backend share its in-flight GETs and its trial
 * activation (the contract's "one activation per backend").
 */
const sources = new Map<string, UsageDataSource>();

/** Resolves `endpoint` against the page, so `/api/` and `http://host/api` name one backend. */
function resolve(endpoint: string): string | undefined {
  const withSlash = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  try {
    return new URL(withSlash, typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href).href;
  } catch {
    return undefined;
  }
}

/** Longest delay `setTimeout` takes: the REST source itself never gives up first. */
const NO_LIMIT = 2 ** 31 - 1;

/**
 * The shared REST source for an `endpoint` attribute; `undefined` for none. One per backend URL,
 * whatever the elements' time limits: each element bounds its own requests (`request-timeout`,
 * through its load controller and the trial activation), so the source itself sets none.
 */
export function restSourceFor(endpoint: string | undefined | null): UsageDataSource | undefined {
  if (!endpoint) return undefined;
  const url = resolve(endpoint);
  const key = url ?? `invalid:${endpoint}`;
  let source = sources.get(key);
  if (!source) {
    source = url
      ? createRestDataSource({ baseUrl: url, timeoutMs: NO_LIMIT })
      : createFailingDataSource(new UsageDataError('network', 'endpoint', `The endpoint “${endpoint}” is not a valid URL.`));
    // Bounded: a page that cycles through endpoints does not keep every source alive.
    if (sources.size >= 64) sources.delete(sources.keys().next().value as string);
    sources.set(key, source);
  }
  return source;
}
