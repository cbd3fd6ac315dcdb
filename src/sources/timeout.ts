import { activeLocale, msg, plural, str } from '../i18n/localize.js';
import { numberFormat } from '../format/format.js';
import { UsageDataError, type UsageDataSource } from './data-source.js';

/** The time limit of every request unless the host sets another, in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT = 30_000;

/** The longest delay `setTimeout` honours (2^31-1 ms); a longer one fires at once. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * The time limit to use for `value`: a finite number (or numeric string) above 0, rounded to whole
 * milliseconds and capped at 2^31-1; anything else (undefined, null, NaN, 0, negative, text)
 * gives `DEFAULT_REQUEST_TIMEOUT`.
 */
export function requestTimeout(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_REQUEST_TIMEOUT;
  return Math.min(MAX_TIMEOUT, Math.max(1, Math.round(n)));
}

/**
 * The timeout's message in the language in force: `30000` → "… within 30 seconds.", `200` → "… within
 * 0.2 seconds.", `1000` → "… within 1 second.".
 */
function timeoutWords(operation: string, ms: number): string {
  const s = ms / 1000;
  const value = s >= 10 ? Math.round(s) : Number(s.toPrecision(2));
  const seconds = numberFormat(activeLocale(), { useGrouping: false, maximumFractionDigits: 3 }).format(value);
  return plural(value, {
    one: () =>
      msg(str`The server did not answer ${operation} within ${seconds} second.`, {
        desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.',
      }),
    other: () =>
      msg(str`The server did not answer ${operation} within ${seconds} seconds.`, {
        desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.',
      }),
  });
}

export interface WithTimeoutOptions {
  /** The caller's signal: aborting it aborts `run` and rejects with its reason. */
  signal?: AbortSignal | undefined;
  /** The time limit in milliseconds (normalized by `requestTimeout`). */
  timeoutMs: number;
  /** The contract operation, e.g. `voice/agents`, named by the timeout error. */
  operation: string;
}

/**
 * Runs `run` with a signal that aborts when the caller's signal aborts (with the caller's reason)
 * or when the time limit passes (with a `UsageDataError` of kind `timeout`). The returned promise
 * settles at the limit even if `run` ignores its signal. If the caller's signal is already aborted,
 * `run` is not called. The timer and listeners are removed however it ends.
 */
export function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, options: WithTimeoutOptions): Promise<T> {
  const { signal, operation } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const limit = requestTimeout(options.timeoutMs);
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = () => {
      if (!settle()) return;
      const reason: unknown = signal?.reason;
      controller.abort(reason);
      reject(reason);
    };
    const timer = setTimeout(() => {
      if (!settle()) return;
      const error = new UsageDataError('timeout', operation, () => timeoutWords(operation, limit));
      controller.abort(error);
      reject(error);
    }, limit);
    signal?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(run(controller.signal));
    } catch (error) {
      if (settle()) reject(error);
      return;
    }
    // Handled in every case: once settled, a late answer or failure of `run` is dropped.
    pending.then(
      (value) => {
        if (settle()) resolve(value);
      },
      (error: unknown) => {
        if (settle()) reject(error);
      },
    );
  });
}

/**
 * Wraps `source` so that every call has a time limit of `timeoutMs`: past it the call is aborted
 * and rejects with a `UsageDataError` of kind `timeout` naming the contract operation.
 */
export function withRequestTimeout(source: UsageDataSource, timeoutMs: number): UsageDataSource {
  const bound =
    <P extends { signal?: AbortSignal }, T>(operation: string, call: (params: P) => Promise<T>) =>
    (params: P): Promise<T> =>
      withTimeout((signal) => call({ ...params, signal }), { signal: params.signal, timeoutMs, operation });
  return {
    getVoiceAgents: bound('voice/agents', (params) => source.getVoiceAgents(params)),
    getVoicePlan: bound('voice/plan', (params) => source.getVoicePlan(params)),
    activateVoiceTrial: bound('voice/trial', (params) => source.activateVoiceTrial(params)),
    getVoiceHistory: bound('voice/history', (params) => source.getVoiceHistory(params)),
    getVoiceCalls: bound('voice/calls', (params) => source.getVoiceCalls(params)),
    getMessagingAgents: bound('messaging/agents', (params) => source.getMessagingAgents(params)),
  };
}
