/**
 * Loading for every data element, on `@lit/task`: the resolved data source (and any extra inputs)
 * are the task's args, the task's signal goes into every call, and each request is bounded by the
 * element's time limit. The controller owns what every element used to repeat: the reflected
 * `status`, `ai-load`/`ai-error` once that state is on screen, and "an abort is not an error".
 * It also ends what the element no longer needs: removed from the page, the request in flight is
 * aborted (and sent again if the element comes back). A 401 fires `ai-session-expired` once per
 * failure and retries nothing; a 429 with `Retry-After` is tried once more by itself when that
 * time is up (see `hostUpdated`).
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { emit, type LoadDetail } from '../events.js';
import { serverRenderDiffers } from '../i18n/localized.js';
import { isAbortError, UsageDataError, type UsageDataSource } from '../sources/data-source.js';
import { withTimeout } from '../sources/timeout.js';
import { unconfiguredPanel } from '../ui/state-panel.js';
import type { UsageStatus } from './usage-element.js';

export interface LoadHost extends ReactiveControllerHost, HTMLElement {
  readonly resolvedDataSource: UsageDataSource | undefined;
  readonly effectiveRequestTimeout: number;
  /** Set by a load that `reports`. */
  status?: UsageStatus;
}

/** Inputs besides the data source; `undefined` means "not ready yet" (the element keeps loading). */
type Args = readonly unknown[];

export interface LoadOptions<T, A extends Args> {
  /** The contract operation, for the timeout message (e.g. `voice/agents`). */
  operation: string;
  /** Asks the source and validates the answer. */
  load: (source: UsageDataSource, signal: AbortSignal, args: A) => Promise<T>;
  /** Further inputs; a change reloads. Return `undefined` to wait. */
  args?: () => A | undefined;
  /** Loaded, but nothing to show (`status="empty"`). */
  isEmpty?: (value: T) => boolean;
  /** What `ai-load` reports. */
  loadDetail?: (value: T) => LoadDetail;
  /** Errors that are a state of their own rather than a failure (no `ai-error`); the status they show. */
  expected?: (error: unknown) => UsageStatus | undefined;
  /** Whether this load drives the host's `status` and events (default true; false for helper loads). */
  reports?: boolean;
}

export interface LoadRenderers<T> {
  /** No data source. Default: the "No data source" panel. */
  initial?: () => unknown;
  /** Waiting for the first answer, or for a new one. */
  pending: () => unknown;
  complete: (value: T) => unknown;
  error: (error: unknown) => unknown;
}

const WAITING = Symbol('waiting');

/** The reason a request is aborted with when its element leaves the page. */
const removedFromPage = () => new DOMException('The element was removed from the page.', 'AbortError');

/** Longest wait for the one automatic retry after a 429 (a later `Retry-After` leaves it to Retry). */
const MAX_AUTO_RETRY_MS = 10 * 60_000;

export class LoadController<T, A extends Args = []> implements ReactiveController {
  readonly #task: Task<readonly unknown[], T>;
  /** The value or error whose event has been sent (or is due). */
  #announced: unknown;
  /** The 401 whose `ai-session-expired` has been sent. */
  #sessionExpiredSent: unknown;
  /** A load was on its way when the element left the page: load again when it comes back. */
  #abortedByRemoval = false;
  /** The one automatic retry after a 429, while it waits. */
  #busyTimer: ReturnType<typeof setTimeout> | undefined;
  /** The load running now is that automatic retry: its failure waits for Retry. */
  #autoRetrying = false;

  readonly #host: LoadHost;
  readonly #options: LoadOptions<T, A>;

  constructor(host: LoadHost, options: LoadOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    // The task is added first, so it has started (or finished) before this controller reads it.
    this.#task = new Task<readonly unknown[], T>(host, {
      task: async ([source, ready, ...args], { signal }) => {
        if (!source || ready === WAITING) return initialState;
        return withTimeout((limited) => options.load(source as UsageDataSource, limited, args as unknown as A), {
          signal,
          timeoutMs: host.effectiveRequestTimeout,
          operation: options.operation,
        });
      },
      // Compared element by element: a new array with equal inputs does not reload.
      args: () => {
        const extra = options.args ? options.args() : ([] as unknown as A);
        return extra ? [host.resolvedDataSource, true, ...extra] : [host.resolvedDataSource, WAITING];
      },
    });
    host.addController(this);
  }

  /** The state this load puts on screen. */
  get status(): UsageStatus {
    // On the server the source may still come in the browser (a property, a provider's): loading.
    if (!this.#host.resolvedDataSource) return isServer ? 'loading' : 'unconfigured';
    switch (this.#task.status) {
      case TaskStatus.COMPLETE:
        return this.#options.isEmpty?.(this.#task.value as T) ? 'empty' : 'ready';
      case TaskStatus.ERROR:
        if (isAbortError(this.#task.error)) return 'loading';
        return this.#options.expected?.(this.#task.error) ?? 'error';
      default:
        return 'loading';
    }
  }

  /** The loaded value, while it is the one on screen. */
  get value(): T | undefined {
    return this.#task.status === TaskStatus.COMPLETE ? this.#task.value : undefined;
  }

  /** The error, while the element shows it. */
  get error(): unknown {
    return this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
  }

  /** Loads again with the same inputs (what Retry does). */
  run(): Promise<void> {
    this.#cancelBusyRetry();
    this.#autoRetrying = false;
    return this.#task.run();
  }

  hostConnected(): void {
    // Moved, or put back: the load that was cut off when it left starts again.
    if (this.#abortedByRemoval) {
      this.#abortedByRemoval = false;
      void this.#task.run();
    }
  }

  hostDisconnected(): void {
    this.#cancelBusyRetry();
    // Off the page nobody waits for the answer: abort it (a shared GET ends once its last user leaves).
    if (this.#task.status === TaskStatus.PENDING) {
      this.#abortedByRemoval = true;
      this.#task.abort(removedFromPage());
    }
  }

  #cancelBusyRetry(): void {
    clearTimeout(this.#busyTimer);
    this.#busyTimer = undefined;
  }

  /**
   * After a 429 whose `Retry-After` could be read, loads once more by itself when that time is up:
   * the server said when, and the error state (with Retry) stays on screen meanwhile. Only once: if
   * that retry fails too, the error state waits for Retry, so it never loops.
   */
  #scheduleBusyRetry(error: unknown): void {
    const again = this.#autoRetrying;
    this.#autoRetrying = false;
    if (again || !(error instanceof UsageDataError) || error.status !== 429 || error.retryAfterMs === undefined) return;
    if (error.retryAfterMs > MAX_AUTO_RETRY_MS || !this.#host.isConnected) return;
    this.#cancelBusyRetry();
    this.#busyTimer = setTimeout(() => {
      this.#busyTimer = undefined;
      if (this.#task.error !== error) return;
      this.#autoRetrying = true;
      void this.#task.run();
    }, error.retryAfterMs);
  }

  /** The element's body for each state (through `Task.render`). */
  render(renderers: LoadRenderers<T>): unknown {
    if (!this.#host.resolvedDataSource && !isServer) return (renderers.initial ?? unconfiguredPanel)();
    return this.#task.render({
      initial: renderers.pending,
      pending: renderers.pending,
      complete: renderers.complete,
      error: (error) => (isAbortError(error) ? renderers.pending() : renderers.error(error)),
    });
  }

  /**
   * The last state other than `loading` this load put on screen: while it loads again, an element
   * keeps that shape (the table's header, the error panel's Retry), so the control with focus stays.
   */
  lastSettled: UsageStatus | undefined;

  hostUpdate(): void {
    const status = this.status;
    if (status !== 'loading') this.lastSettled = status;
    if (this.#options.reports === false) return;
    // A server render shows the state it reflected in `status`: another one here is another DOM.
    if (this.#host.getAttribute('status') !== status) serverRenderDiffers(this.#host);
    // In the update that renders the state, so the attribute and the screen always agree.
    this.#host.status = status;
  }

  hostUpdated(): void {
    if (this.#options.reports === false || !this.#host.resolvedDataSource) return;
    if (this.#task.status === TaskStatus.COMPLETE) {
      const value = this.#task.value as T;
      if (value === this.#announced) return;
      this.#announced = value;
      this.#autoRetrying = false;
      const detail = this.#options.loadDetail?.(value) ?? { count: 0, rowsWithProblems: 0 };
      void this.#host.updateComplete.then(() => emit(this.#host, 'ai-load', detail));
    } else if (this.#task.status === TaskStatus.ERROR) {
      const error = this.#task.error;
      // The session expired: tell the host once for this failure (it may sign the user in again),
      // unless the element takes a 401 as a state of its own (the calls list: "may not see calls").
      if (error instanceof UsageDataError && error.kind === 'unauthorized' && !this.#options.expected?.(error) && error !== this.#sessionExpiredSent) {
        this.#sessionExpiredSent = error;
        const operation = error.operation;
        void this.#host.updateComplete.then(() => emit(this.#host, 'ai-session-expired', { operation }));
      }
      if (this.status !== 'error' || error === this.#announced) return;
      this.#announced = error;
      this.#scheduleBusyRetry(error);
      void this.#host.updateComplete.then(() => emit(this.#host, 'ai-error', { error }));
    }
  }
}
