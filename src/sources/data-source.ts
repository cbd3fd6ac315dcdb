import type { MessagingAgentsResponse, SortDirection, VoiceAgentsResponse, VoiceCallSortKey, VoiceCallsPage, VoiceHistoryResponse, VoicePlan } from '../model/types.js';

/** Every data-source call takes one params object; `signal` aborts it. */
export interface RequestParams {
  signal?: AbortSignal;
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
  activateVoiceTrial(params: RequestParams): Promise<VoicePlan>;
  getVoiceHistory(params: VoiceHistoryParams): Promise<VoiceHistoryResponse>;
  getVoiceCalls(params: VoiceCallsParams): Promise<VoiceCallsPage>;
  getMessagingAgents(params: RequestParams): Promise<MessagingAgentsResponse>;
}

export type UsageDataErrorKind =
  /** The request never got an answer. */
  | 'network'
  /** The server answered with a non-2xx status other than 401/403. */
  | 'http'
  /** 401 or 403: the user may not see this. */
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

/** A failure worth showing to the user, with a message that says what went wrong. */
export class UsageDataError extends Error {
  override readonly name = 'UsageDataError';
  readonly kind: UsageDataErrorKind;
  /** HTTP status, where there was one. */
  readonly status: number | undefined;
  /** The contract operation, e.g. `voice/agents`. */
  readonly operation: string;

  constructor(kind: UsageDataErrorKind, operation: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.operation = operation;
    this.status = options?.status;
  }
}

/** True for the rejection an aborted request produces. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && (error as { name: unknown }).name === 'AbortError';
}
