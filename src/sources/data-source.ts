import { ENGLISH, inScope } from '../i18n/localize.js';
import type { MessagingAgentsResponse, SortDirection, VoiceAgentsResponse, VoiceCallSortKey, VoiceCallsPage, VoiceHistoryResponse, VoicePlan } from '../model/types.js';

/** Every data-source call takes one params object; `signal` aborts it. */
export interface RequestParams {
  signal?: AbortSignal;
}

/** `activateVoiceTrial`'s params. */
export interface TrialActivationParams extends RequestParams {
  /**
   * One key per user intent (a confirmed activation), the same for every send of that intent: a
   * retry after an unknown outcome, or a request the browser or a proxy replays, carries the same
   * key, so a backend that honours it activates once and answers the replay with its stored answer.
   * The REST source sends it as the `Idempotency-Key` request header. A new intent (a new click
   * after a settled outcome) gets a new key.
   */
  idempotencyKey?: string;
}

export interface VoiceHistoryParams extends RequestParams {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`, inclusive. */
  to: string;
  agentId?: string;
}

export interface VoiceCallsParams extends RequestParams {
  month: string;
  agentId?: string;
  sort: { key: VoiceCallSortKey; direction: SortDirection };
  offset: number;
  /** At most 500. */
  limit: number;
}

/**
 * The seam between the elements and a backend. Implement it to feed the elements from anything;
 * `createRestDataSource` and `createMemoryDataSource` are the two that ship.
 *
 * Methods answer the REST contract's shapes. They reject with a `UsageDataError` for failures the
 * user should see (HTTP status, not JSON, permission, time limit) and with the signal's reason when aborted.
 * The elements validate every answer, so a source need not.
 */
export interface UsageDataSource {
  getVoiceAgents(params: RequestParams): Promise<VoiceAgentsResponse>;
  getVoicePlan(params: RequestParams): Promise<VoicePlan>;
  activateVoiceTrial(params: TrialActivationParams): Promise<VoicePlan>;
  getVoiceHistory(params: VoiceHistoryParams): Promise<VoiceHistoryResponse>;
  getVoiceCalls(params: VoiceCallsParams): Promise<VoiceCallsPage>;
  getMessagingAgents(params: RequestParams): Promise<MessagingAgentsResponse>;
}

export type UsageDataErrorKind =
  /** The request never got an answer. */
  | 'network'
  /**
   * The server answered with a non-2xx status other than 401/403. The message is ours and names the
   * status code only (never the server's status text or body). For 429, `retryAfterMs` says when
   * to ask again (from `Retry-After`, where the server sent one).
   */
  | 'http'
  /**
   * 401: the session has expired (or there is none). The elements say so, fire
   * `ai-session-expired` once per failure, and retry nothing by themselves: sign the user in again,
   * then call `reload()` (or let the user press Retry).
   */
  | 'unauthorized'
  /** 403: the user may not see this. */
  | 'forbidden'
  /** The body was not JSON (an HTML error page, an empty body, broken JSON). */
  | 'not-json'
  /** JSON that breaks the contract as a whole (no list where one is required, …). */
  | 'contract'
  /**
   * The request got no complete answer within its time limit and was aborted. For a POST
   * (`voice/trial`) the outcome is unknown: the server may or may not have done it.
   */
  | 'timeout';

/**
 * A failure worth showing to the user, with a message that says what went wrong.
 *
 * `message` is English, for developers (logs, the console, `ai-error` handlers). `localizedMessage`
 * is the same message in the language in force where it is read: the elements show it in their own
 * language (`locale`, else the nearest `lang`). A source of your own can throw the library's errors,
 * which speak every language the elements do: `httpError(operation, status, retryAfter)` and
 * `networkError(operation)`. The `message` argument may also be a function returning the words: it
 * runs once for `message`, and again each time `localizedMessage` is read (the library's own
 * functions answer in the element's language there). With a plain string, `localizedMessage` is that
 * string.
 */
export class UsageDataError extends Error {
  override readonly name = 'UsageDataError'; // i18n-ignore: the error's class name, for developers
  readonly kind: UsageDataErrorKind;
  /** HTTP status, where there was one. */
  readonly status: number | undefined;
  /** The contract operation, e.g. `voice/agents`. */
  readonly operation: string;
  /** For a 429 with a readable `Retry-After`: how long the server asks the client to wait, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The words of the message, made again in each language; `undefined` for a plain-string message. */
  readonly #words: (() => string) | undefined;

  constructor(kind: UsageDataErrorKind, operation: string, message: string | (() => string), options?: { status?: number; cause?: unknown; retryAfterMs?: number }) {
    super(typeof message === 'function' ? inScope(ENGLISH, message) : message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.#words = typeof message === 'function' ? message : undefined;
    this.kind = kind;
    this.operation = operation;
    this.status = options?.status;
    this.retryAfterMs = options?.retryAfterMs;
  }

  /**
   * The message in the language in force where it is read (an element's, while it renders); the
   * plain `message` when the error was made with a string.
   */
  get localizedMessage(): string {
    return this.#words ? this.#words() : this.message;
  }
}

/** True for the rejection an aborted request produces. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && (error as { name: unknown }).name === 'AbortError';
}
