/**
 * Trial activation, the one write the elements make (`POST voice/trial`), exact per backend: one
 * request at a time per data source, shared by every element on it; once it succeeds, every element
 * on that source shows the trial active without another request. An answer that never came, or
 * came unreadable, is an unknown outcome: `voice/plan` is read again before activation is offered
 * again. Pure (no DOM): tested in Node.
 */
import { validateVoicePlan, type PlanView } from '../validate/plan.js';
import { UsageDataError, type UsageDataSource } from './data-source.js';
import { withTimeout } from './timeout.js';

export type ActivationOutcome =
  /** The server confirmed the trial as active (in its answer, or on the re-read after an unknown outcome). */
  | { kind: 'activated'; plan: PlanView }
  /** The server answered and the trial is not active: safe to offer activation again. */
  | { kind: 'failed'; error: unknown }
  /** No readable answer: `plan` is the re-read plan (`undefined` when that failed too). */
  | { kind: 'unknown'; error: unknown; plan: PlanView | undefined };

interface Backend {
  running: Promise<ActivationOutcome> | undefined;
  activated: PlanView | undefined;
  listeners: Set<() => void>;
}

const backends = new WeakMap<UsageDataSource, Backend>();

function backend(source: UsageDataSource): Backend {
  let b = backends.get(source);
  if (!b) {
    b = { running: undefined, activated: undefined, listeners: new Set() };
    backends.set(source, b);
  }
  return b;
}

/** True for failures after which the trial may or may not be active on the server. */
export function isUnknownOutcome(error: unknown): boolean {
  return error instanceof UsageDataError && (error.kind === 'timeout' || error.kind === 'network' || error.kind === 'not-json' || error.kind === 'contract');
}

/** The activation on its way for this source, if any. */
export const runningActivation = (source: UsageDataSource): Promise<ActivationOutcome> | undefined => backends.get(source)?.running;

/** The plan as a successful activation on this source answered it, if any. */
export const activatedPlan = (source: UsageDataSource): PlanView | undefined => backends.get(source)?.activated;

/** Calls `listener` whenever an activation on this source starts or ends; returns the unsubscribe. */
export function onActivationChange(source: UsageDataSource, listener: () => void): () => void {
  const b = backend(source);
  b.listeners.add(listener);
  return () => b.listeners.delete(listener);
}

async function attempt(source: UsageDataSource, timeoutMs: number): Promise<ActivationOutcome> {
  let plan: PlanView;
  try {
    plan = validateVoicePlan(await withTimeout((signal) => source.activateVoiceTrial({ signal }), { timeoutMs, operation: 'voice/trial' }), 'voice/trial');
  } catch (error) {
    if (!isUnknownOutcome(error)) return { kind: 'failed', error };
    // Did it happen? Ask before offering the button again.
    try {
      const reread = validateVoicePlan(await withTimeout((signal) => source.getVoicePlan({ signal }), { timeoutMs, operation: 'voice/plan' }));
      return reread.trial.status === 'active' ? { kind: 'activated', plan: reread } : { kind: 'unknown', error, plan: reread };
    } catch {
      return { kind: 'unknown', error, plan: undefined };
    }
  }
  if (plan.trial.status === 'active') return { kind: 'activated', plan };
  return {
    kind: 'failed',
    error: new UsageDataError('contract', 'voice/trial', `The server did not confirm the trial: it says the trial is ${plan.trial.status}.`),
  };
}

/**
 * Activates the trial on `source`, or joins the activation already on its way there. The guard is
 * set before anything is sent, so no click, key or element can start a second request meanwhile.
 */
export function activateTrial(source: UsageDataSource, timeoutMs: number): Promise<ActivationOutcome> {
  const b = backend(source);
  if (b.running) return b.running;
  const notify = () => b.listeners.forEach((listener) => listener());
  // Promise.resolve().then(): a source that throws synchronously still ends as an outcome.
  const running = Promise.resolve()
    .then(() => attempt(source, timeoutMs))
    .then((outcome) => {
      if (outcome.kind === 'activated') b.activated = outcome.plan;
      return outcome;
    })
    .finally(() => {
      b.running = undefined;
      notify();
    });
  b.running = running;
  notify();
  return running;
}
