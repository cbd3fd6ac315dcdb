/**
 * Trial activation, the one write the elements make (`POST voice/trial`), exact per backend: one
 * request at a time per data source, shared by every element on it; once it succeeds, every element
 * on that source shows the trial active without another request. An answer that never came, or
 * came unreadable, is an unknown outcome: `voice/plan` is read again before activation is offered
 * again. Every send carries an idempotency key, one per user intent: the same key for a retry after
 * an unknown outcome (or a replay by the browser or a proxy), a new one once an outcome is settled
 * (activated, or refused by the server). Pure (no DOM): tested in Node.
 */
import { validateVoicePlan, type PlanView } from '../validate/plan.js';
import { msg } from '../i18n/localize.js';
import type { TrialStatus } from '../model/types.js';
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
  /** The key of the intent not settled yet (its outcome unknown), reused by the next send. */
  intentKey: string | undefined;
}

/** A fresh idempotency key: `crypto.randomUUID()` where there is one, else a random UUID-shaped string. */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const backends = new WeakMap<UsageDataSource, Backend>();

function backend(source: UsageDataSource): Backend {
  let b = backends.get(source);
  if (!b) {
    b = { running: undefined, activated: undefined, listeners: new Set(), intentKey: undefined };
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

async function attempt(source: UsageDataSource, timeoutMs: number, idempotencyKey: string): Promise<ActivationOutcome> {
  let plan: PlanView;
  try {
    plan = validateVoicePlan(await withTimeout((signal) => source.activateVoiceTrial({ signal, idempotencyKey }), { timeoutMs, operation: 'voice/trial' }), 'voice/trial');
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
  const status = plan.trial.status;
  return { kind: 'failed', error: new UsageDataError('contract', 'voice/trial', () => notConfirmed(status)) };
}

/** Why an activation did not take, by the status the server answered with (in the language in force). */
function notConfirmed(status: Exclude<TrialStatus, 'active'>): string {
  switch (status) {
    case 'available':
      return msg('The server did not confirm the trial: it says the trial is available.', {
        desc: 'Error message after activating the AI Voice trial: the server still offers it, not started.',
      });
    case 'expired':
      return msg('The server did not confirm the trial: it says the trial is expired.', {
        desc: 'Error message after activating the AI Voice trial: the server says it has ended.',
      });
    case 'unavailable':
      return msg('The server did not confirm the trial: it says the trial is unavailable.', {
        desc: 'Error message after activating the AI Voice trial: the server says none is offered.',
      });
  }
}

/**
 * Activates the trial on `source`, or joins the activation already on its way there. The guard is
 * set before anything is sent, so no click, key or element can start a second request meanwhile.
 */
export function activateTrial(source: UsageDataSource, timeoutMs: number): Promise<ActivationOutcome> {
  const b = backend(source);
  if (b.running) return b.running;
  const notify = () => b.listeners.forEach((listener) => listener());
  // One intent until its outcome is known: a retry after an unknown outcome sends the same key.
  const key = (b.intentKey ??= newIdempotencyKey());
  // Promise.resolve().then(): a source that throws synchronously still ends as an outcome.
  const running = Promise.resolve()
    .then(() => attempt(source, timeoutMs, key))
    .then((outcome) => {
      if (outcome.kind === 'activated') b.activated = outcome.plan;
      // Settled (done, or refused by the server): the next click is a new intent with a new key.
      if (outcome.kind !== 'unknown') b.intentKey = undefined;
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
