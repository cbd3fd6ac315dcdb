/**
 * Cooperative time slicing: long work (reading a big answer, validating or ranking 100,000 rows)
 * runs in slices of about `SLICE_MS`, giving the main thread back between them so input and paint
 * are never held up for long.
 */

/** Milliseconds of work between two chances for the page to handle input and paint. */
export const SLICE_MS = 8;

interface Scheduler {
  yield?: () => Promise<void>;
  postTask?: <T>(callback: () => T | Promise<T>, options: { priority: 'background' }) => Promise<T>;
}

/** Resolves in a new task: `scheduler.yield()` where there is one, else a message-channel task (not clamped like `setTimeout`). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Starts work that nobody waits for (preparing a long list for its first sort and filter) as a
 * background task, so that it and its `scheduler.yield()` continuations (which inherit the
 * priority) come after the page's own tasks instead of before them. Without `scheduler.postTask`, a
 * timer.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(work, { priority: 'background' });
  return new Promise<void>((resolve) => setTimeout(resolve)).then(work);
}

/**
 * A checkpoint for a long loop: `await pause()` gives the main thread back once `SLICE_MS` have
 * passed since the last time it did, then throws the signal's reason if the work was aborted meanwhile.
 */
export function timeSlices(signal?: AbortSignal): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < SLICE_MS) return undefined;
    return yieldToMain().then(() => {
      signal?.throwIfAborted();
      start = performance.now();
    });
  };
}

/** Work written once as a generator: it `yield`s at points where it may pause, and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` in time slices; rejects with the signal's reason when it aborts. */
export async function runInSlices<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  const pause = timeSlices(signal);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const paused = pause();
    if (paused) await paused;
  }
}
