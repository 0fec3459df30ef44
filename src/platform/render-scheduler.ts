/**
 * Every answer on the page shares one rendering budget per frame, so four streaming columns (or
 * one multi-megabyte answer) can never hold the main thread for more than a slice of a frame:
 * work past the budget waits for the next animation frame.
 */

/** Something with rendering work to do in slices. */
export interface SlicedWork {
  /** Work until `deadline` (a `performance.now()` time); true while work remains. */
  work(deadline: number): boolean;
}

/** Rendering time allowed per frame, all answers together. */
export const FRAME_BUDGET_MS = 6;
const FRAME_MS = 16;
const URGENT_MS = 4;

class RenderScheduler {
  #waiting = new Set<SlicedWork>();
  #frame: number | null = null;
  #windowStart = -Infinity;
  #used = 0;

  /**
   * Run `job` now if the page is between frames with budget left, and in later frames until it
   * is done. Once a frame is scheduled, requests only join it: a burst of requests within one
   * task (e.g. promise callbacks) can never add up to a long task. `urgent` (once per answer,
   * at its end) runs it now in any case, for at least URGENT_MS.
   */
  request(job: SlicedWork, urgent = false): void {
    this.#waiting.add(job);
    const now = performance.now();
    if (now - this.#windowStart > FRAME_MS) {
      this.#windowStart = now;
      this.#used = 0;
    }
    if (urgent) this.#run([job], URGENT_MS);
    else if (this.#frame === null) this.#run([job]);
    this.#schedule();
  }

  cancel(job: SlicedWork): void {
    this.#waiting.delete(job);
  }

  #schedule(): void {
    if (this.#waiting.size > 0) this.#frame ??= requestAnimationFrame(this.#tick);
  }

  #tick = (): void => {
    this.#frame = null;
    this.#windowStart = performance.now();
    this.#used = 0;
    // Round-robin: whoever went first last frame goes last now, so no column starves.
    const jobs = [...this.#waiting];
    this.#waiting = new Set([...jobs.slice(1), ...jobs.slice(0, 1)]);
    this.#run(jobs);
    this.#schedule();
  };

  #run(jobs: SlicedWork[], atLeast = 0): void {
    for (const job of jobs) {
      const now = performance.now();
      const left = Math.max(atLeast, FRAME_BUDGET_MS - this.#used);
      if (left <= 0) return;
      const more = job.work(now + left);
      this.#used += performance.now() - now;
      if (!more) this.#waiting.delete(job);
    }
  }
}

let scheduler: RenderScheduler | null = null;

/** The page's one scheduler, made on first use. */
export function renderScheduler(): RenderScheduler {
  scheduler ??= new RenderScheduler();
  return scheduler;
}
