/**
 * Loading for every data element, on `@lit/task`: the resolved data source (and any extra inputs)
 * are the task's args, the task's signal goes into every call, and each request is bounded by the
 * element's time limit. The controller owns what every element used to repeat: the reflected
 * `status`, `ai-load`/`ai-error` once that state is on screen, and "an abort is not an error".
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type LoadDetail } from '../events.js';
import { isAbortError, type UsageDataSource } from '../sources/data-source.js';
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
  isEmpty: (value: T) => boolean;
  /** What `ai-load` reports. */
  loadDetail: (value: T) => LoadDetail;
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

export class LoadController<T, A extends Args = []> implements ReactiveController {
  private readonly task: Task<readonly unknown[], T>;
  /** The value or error whose event has been sent (or is due). */
  private announced: unknown;

  constructor(
    private readonly host: LoadHost,
    private readonly options: LoadOptions<T, A>,
  ) {
    // The task is added first, so it has started (or finished) before this controller reads it.
    this.task = new Task<readonly unknown[], T>(host, {
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
    if (!this.host.resolvedDataSource) return 'unconfigured';
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return this.options.isEmpty(this.task.value as T) ? 'empty' : 'ready';
      case TaskStatus.ERROR:
        if (isAbortError(this.task.error)) return 'loading';
        return this.options.expected?.(this.task.error) ?? 'error';
      default:
        return 'loading';
    }
  }

  /** The loaded value, while it is the one on screen. */
  get value(): T | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  /** The error, while the element shows it. */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  /** Loads again with the same inputs (what Retry does). */
  run(): Promise<void> {
    return this.task.run();
  }

  /** The element's body for each state (through `Task.render`). */
  render(renderers: LoadRenderers<T>): unknown {
    if (!this.host.resolvedDataSource) return (renderers.initial ?? unconfiguredPanel)();
    return this.task.render({
      initial: renderers.pending,
      pending: renderers.pending,
      complete: renderers.complete,
      error: (error) => (isAbortError(error) ? renderers.pending() : renderers.error(error)),
    });
  }

  hostUpdate(): void {
    // In the update that renders the state, so the attribute and the screen always agree.
    if (this.options.reports !== false) this.host.status = this.status;
  }

  hostUpdated(): void {
    if (this.options.reports === false || !this.host.resolvedDataSource) return;
    if (this.task.status === TaskStatus.COMPLETE) {
      const value = this.task.value as T;
      if (value === this.announced) return;
      this.announced = value;
      const detail = this.options.loadDetail(value);
      void this.host.updateComplete.then(() => emit(this.host, 'ai-load', detail));
    } else if (this.status === 'error') {
      const error = this.task.error;
      if (error === this.announced) return;
      this.announced = error;
      void this.host.updateComplete.then(() => emit(this.host, 'ai-error', { error }));
    }
  }
}
