/**
 * Time as an injectable dependency: the replay engine, the recorder and the worker's chunk batcher
 * read the clock and set timers only through a `Scheduler`, so tests drive them with fake time.
 */

export type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

export interface Scheduler {
  /** Milliseconds on a monotonic clock (origin irrelevant). */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock. Globals are looked up on each call so test fake timers installed later apply. */
export const systemScheduler: Scheduler = {
  now: () => (typeof performance === "undefined" ? Date.now() : performance.now()),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

/**
 * Resolve `true` after `ms` on `scheduler` (at once, without a timer, when `ms` <= 0), or `false`
 * as soon as `signal` aborts.
 */
export function sleep(scheduler: Scheduler, ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      scheduler.clearTimeout(handle);
      resolve(false);
    };
    const handle = scheduler.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Resolve in a later task, after what the event loop already holds (input, rendering). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => globalThis.setTimeout(resolve, 0));
}
