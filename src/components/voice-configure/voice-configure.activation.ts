/**
 * What the trial dialog shows about activation, kept apart from the menu and the dialogs: the last
 * outcome on this element's data source (activated, refused, unknown, or missed while the dialog was
 * closed), the plan a re-read brought, and the activations of other elements on the same backend.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../../events.js';
import { activatedPlan, onActivationChange, runningActivation, type ActivationOutcome } from '../../sources/activation.js';
import { UsageDataError, type UsageDataSource } from '../../sources/data-source.js';
import type { PlanView } from '../../validate/plan.js';

/** An activation that did not succeed: the server said no (`failed`), or its outcome is unknown (`planReread`: the plan read since still offers the trial). */
export type ActivationProblem = { kind: 'failed'; error: unknown } | { kind: 'unknown'; error: unknown; planReread: boolean };

type ActivationHost = ReactiveControllerHost & HTMLElement & { readonly dataSource: UsageDataSource | undefined };

/**
 * The errors are kept as they came, not as words: the words are made while rendering, in the
 * element's language (`errorMessage`, `unknownOutcome`, `missedMessage`).
 */
export class TrialActivationState implements ReactiveController {
  /** Why the last activation did not succeed (the server said no). */
  failed: Extract<ActivationProblem, { kind: 'failed' }> | undefined;
  /** The last activation's outcome is unknown. */
  unknown: Extract<ActivationProblem, { kind: 'unknown' }> | undefined;
  /** The last activation succeeded from this element. */
  justActivated = false;
  /** An activation that did not succeed while its dialog was closed (to say under the menu button): it failed, or its outcome is unknown. */
  missed: ActivationProblem | undefined;
  /** A plan read after an unknown outcome; wins over the loaded one for its source. */
  #reread: { source: UsageDataSource; plan: PlanView } | undefined;
  #subscribed: { source: UsageDataSource; stop: () => void } | undefined;

  readonly #host: ActivationHost;

  constructor(host: ActivationHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#subscribed?.stop();
    this.#subscribed = undefined;
  }

  /** Another element on the same backend activating (or done activating) changes what this one shows. */
  #follow(): void {
    const source = this.#host.dataSource;
    if (this.#subscribed?.source === source) return;
    this.#subscribed?.stop();
    this.#subscribed = source ? { source, stop: onActivationChange(source, () => this.#host.requestUpdate()) } : undefined;
  }

  /** An activation is on its way on the source (from this element or another). */
  get busy(): boolean {
    const source = this.#host.dataSource;
    return !!source && !!runningActivation(source);
  }

  /** The plan in force: a successful activation's answer, a re-read, else `loaded`. */
  plan(loaded: PlanView | undefined): PlanView | undefined {
    const source = this.#host.dataSource;
    if (!source) return undefined;
    return activatedPlan(source) ?? (this.#reread?.source === source ? this.#reread.plan : undefined) ?? loaded;
  }

  /** The trial dialog opens: a missed outcome moves from under the button into it. */
  opened(kind: string): void {
    if (kind === 'trial' && this.missed !== undefined) this.missed = undefined;
    else this.failed = undefined;
    this.justActivated = false;
    this.#host.requestUpdate();
  }

  /** A new attempt starts: earlier outcomes are over. */
  started(): void {
    this.failed = this.unknown = this.missed = undefined;
    this.#host.requestUpdate();
  }

  /** The plan is read again by hand ("Check again"): forget the earlier re-read. */
  forgetReread(): void {
    this.#reread = undefined;
  }

  /** A successful re-read settles an unknown outcome. */
  rechecked(): void {
    this.unknown = undefined;
    this.#host.requestUpdate();
  }

  /** Records an outcome, fires its events, and says it under the button when the dialog was closed. */
  settle(source: UsageDataSource, outcome: ActivationOutcome, dialogOpen: boolean): void {
    this.#host.requestUpdate();
    if (outcome.kind === 'activated') {
      this.justActivated = true;
      emit(this.#host, 'ai-trial-activated', { trial: { status: 'active', endsAt: outcome.plan.trial.endsAt } });
      return;
    }
    const error = outcome.error;
    if (outcome.kind === 'failed') {
      this.failed = { kind: 'failed', error };
    } else {
      if (outcome.plan) this.#reread = { source, plan: outcome.plan };
      this.unknown = { kind: 'unknown', error, planReread: !!outcome.plan };
    }
    if (error instanceof UsageDataError && error.kind === 'unauthorized') emit(this.#host, 'ai-session-expired', { operation: error.operation });
    // Closed meanwhile: say it where the user is (the dialog stays closed).
    if (!dialogOpen) this.missed = this.failed ?? this.unknown;
  }
}
