/**
 * How many threads llama.cpp gets. WebAssembly threads need SharedArrayBuffer, which browsers
 * give only to cross-origin isolated pages (COOP + COEP headers); elsewhere it is one thread.
 * Isolated, it takes half the logical cores, as wllama does: about one per physical core, since
 * llama.cpp's threads spin while they wait and hyper-threads (or the page's own thread) sharing a
 * core slow every token. Measured on a 2-core machine: two threads decode at half the speed of one.
 */

export interface ThreadInput {
  crossOriginIsolated: boolean;
  /** `navigator.hardwareConcurrency` (logical cores); 0 or missing counts as 1. */
  hardwareConcurrency: number;
  /** A count asked for explicitly (settings, tests); still 1 without isolation. */
  requested?: number;
}

export interface ThreadPlan {
  threads: number;
  /** Why, in words for the Device view. */
  reason: string;
}

/** The thread count for the CPU runtime and the reason for it. */
export function planThreads(input: ThreadInput): ThreadPlan {
  const cores = Math.max(1, Math.floor(input.hardwareConcurrency || 1));
  if (!input.crossOriginIsolated) {
    return {
      threads: 1,
      reason:
        "One thread: this page is not cross-origin isolated, so the browser allows no shared memory between threads.",
    };
  }
  if (input.requested !== undefined && input.requested >= 1) {
    const threads = Math.floor(input.requested);
    return { threads, reason: `${threads} thread${threads === 1 ? "" : "s"}, as set.` };
  }
  const threads = Math.max(1, Math.floor(cores / 2));
  if (threads === 1) {
    return {
      threads,
      reason: `One thread: with ${cores} logical core${cores === 1 ? "" : "s"}, a second thread would share a core and slow every token.`,
    };
  }
  return {
    threads,
    reason: `${threads} threads: half of the ${cores} logical cores, about one per physical core.`,
  };
}
