import { msg, str } from '../i18n/localize.js';
import { UsageDataError, type UsageDataSource } from './data-source.js';
import { createFailingDataSource } from './failing-source.js';
import { createRestDataSource } from './rest-data-source.js';

/**
 * One REST source per resolved endpoint URL, for the whole page: re-renders never create a new
 * source (and a new fetch), and elements on one backend share its in-flight GETs and its trial
 * activation (the contract's "one activation per backend").
 */
const sources = new Map<string, UsageDataSource>();

/** The same sources by `page endpoint` as written, so a lookup needs no URL parsing. */
const byAttribute = new Map<string, UsageDataSource>();

/** Resolves `endpoint` against the page, so `/api/` and `http://host/api` name one backend. */
function resolve(endpoint: string, page: string | undefined): string | undefined {
  const withSlash = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  try {
    return new URL(withSlash, page).href;
  } catch {
    return undefined;
  }
}

/**
 * The shared REST source for an `endpoint` attribute; `undefined` for none. One per backend URL,
 * whatever the elements' time limits: each element bounds its own requests (`request-timeout`,
 * through its load controller and the trial activation), so the source itself sets none.
 */
export function restSourceFor(endpoint: string | undefined | null): UsageDataSource | undefined {
  if (!endpoint) return undefined;
  // Asked several times per update: the endpoint as written, against the page it was written on, first.
  const page = typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href;
  const known = byAttribute.get(`${page} ${endpoint}`);
  if (known) return known;
  const url = resolve(endpoint, page);
  const key = url ?? `invalid:${endpoint}`; // i18n-ignore: a cache key
  let source = sources.get(key);
  if (!source) {
    source = url
      ? createRestDataSource({ baseUrl: url, timeoutMs: Infinity })
      : createFailingDataSource(
          new UsageDataError('network', 'endpoint', () =>
            msg(str`The endpoint “${endpoint}” is not a valid URL.`, { desc: 'Error message. The placeholder is the endpoint attribute as the page wrote it.' }),
          ),
        );
    // Bounded: a page that cycles through endpoints does not keep every source alive.
    if (sources.size >= 64) sources.delete(sources.keys().next().value as string);
    sources.set(key, source);
  }
  if (byAttribute.size >= 64) byAttribute.clear();
  byAttribute.set(`${page} ${endpoint}`, source);
  return source;
}
