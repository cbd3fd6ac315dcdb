/**
 * The errors of a REST exchange, in the reader's language: a non-2xx answer (`httpError`), no answer
 * (`networkError`), an answer that is not JSON. The words are made when the error is shown
 * (`UsageDataError.localizedMessage`), English for `message`.
 */
import { msg, plural, str } from '../i18n/localize.js';
import { UsageDataError } from './data-source.js';

/** "Expected JSON from voice/agents, got an empty body.": the words of a `not-json` error, in the language in force. */
export const emptyBody = (operation: string) =>
  msg(str`Expected JSON from ${operation}, got an empty body.`, { desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.' });

/** The words of the `not-json` error for a body of another type, made in the language in force when read. */
export function notJson(operation: string, text: string, contentType: string): () => string {
  if (text.trim() === '') return () => emptyBody(operation);
  if (/html/i.test(contentType) || /^\s*</.test(text))
    return () =>
      msg(str`Expected JSON from ${operation}, got an HTML page.`, { desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.' });
  // The type is the server's text: named only when it is a plain media type, never as free words.
  const type = contentType.split(';')[0]?.trim() ?? '';
  if (/^[a-z0-9][a-z0-9!#$&^_.+-]{0,40}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,60}$/i.test(type)) {
    const mediaType = type.toLowerCase();
    return () =>
      msg(str`Expected JSON from ${operation}, got “${mediaType}” content.`, {
        desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is. The second placeholder is a media type such as text/plain.',
      });
  }
  return contentType
    ? () =>
        msg(str`Expected JSON from ${operation}, got content of another type.`, {
          desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.',
        })
    : () =>
        msg(str`Expected JSON from ${operation}, got content without a type.`, {
          desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.',
        });
}

/** The longest wait a `Retry-After` is taken at (one day); anything later is treated as unreadable. */
const MAX_RETRY_AFTER = 86_400_000;

/**
 * `Retry-After` in milliseconds from `now`: delay-seconds (`120`) or an HTTP date; `undefined` when
 * absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const ms = Number(text) * 1000;
    return ms <= MAX_RETRY_AFTER ? ms : undefined;
  }
  // An HTTP date names its weekday and month in letters: `Wed, 21 Oct 2015 07:28:00 GMT`.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  const ms = Math.max(0, at - now);
  return ms <= MAX_RETRY_AFTER ? ms : undefined;
}

/** The 429 message: "The server is busy. Try again in 30 seconds." (or "in 2 minutes", "in a moment"), in the language in force. */
function busyWords(ms: number | undefined): string {
  if (ms === undefined) return msg('The server is busy. Try again in a moment.');
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) {
    return plural(seconds, {
      one: () => msg(str`The server is busy. Try again in ${seconds} second.`),
      other: () => msg(str`The server is busy. Try again in ${seconds} seconds.`),
    });
  }
  const minutes = Math.ceil(seconds / 60);
  return plural(minutes, {
    one: () => msg(str`The server is busy. Try again in ${minutes} minute.`),
    other: () => msg(str`The server is busy. Try again in ${minutes} minutes.`),
  });
}

/** "You don’t have permission to see voice/calls (HTTP 403).", in the language in force. */
const forbiddenWords = (operation: string, status: number) =>
  msg(str`You don’t have permission to see ${operation} (HTTP ${status}).`, {
    desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is. The second placeholder is an HTTP status code.',
  });

/**
 * The error for a non-2xx answer. Our own words and the status code only: the server's status
 * text and body are never shown (a backend or a proxy can put anything there).
 */
export function httpError(operation: string, status: number, retryAfter: string | null): UsageDataError {
  if (status === 401) {
    return new UsageDataError('unauthorized', operation, () => msg('Your session has expired. Sign in again to see AI usage.'), { status });
  }
  if (status === 403) {
    return new UsageDataError('forbidden', operation, () => forbiddenWords(operation, status), { status });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    return new UsageDataError('http', operation, () => busyWords(retryAfterMs), { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  const words =
    Number.isInteger(status) && status >= 100 && status <= 999
      ? () =>
          msg(str`The server answered ${operation} with HTTP ${status}.`, {
            desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is. The second placeholder is an HTTP status code.',
          })
      : () =>
          msg(str`The server answered ${operation}.`, {
            desc: 'Error message: the server answered with an error. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.',
          });
  return new UsageDataError('http', operation, words, { status });
}

/** The error of a request that did not reach the server (offline, DNS, CORS, connection reset). */
export const networkError = (operation: string, cause?: unknown): UsageDataError =>
  new UsageDataError(
    'network',
    operation,
    () => msg(str`Could not reach the server for ${operation}.`, { desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.' }),
    cause === undefined ? undefined : { cause },
  );
