/**
 * Streams arrive one token at a time; rendering each would redraw hundreds of times a second.
 * A FrameBatcher gathers pieces and hands them over at most once per animation frame (and at most
 * every `MIN_DRAIN_INTERVAL_MS`). All
 * batchers share one frame callback, so four columns streaming at once write their state in one
 * task and the page's reactive update runs once per frame, not once per column.
 */
const due = new Set<FrameBatcher>();
let frame: number | null = null;
let lastDrain = -Infinity;

/**
 * Streamed text is handed over about 30 times a second at most (every other frame at 60 Hz):
 * reading speed needs no more, and each hand-over costs a layout, a paint and a commit, per
 * column. A model's usual 20–60 tokens a second still show one or two tokens at a time.
 */
export const MIN_DRAIN_INTERVAL_MS = 30;

function drainDue(time: number): void {
  frame = null;
  if (time - lastDrain < MIN_DRAIN_INTERVAL_MS - 1) {
    frame = requestAnimationFrame(drainDue);
    return;
  }
  lastDrain = time;
  const batchers = [...due];
  due.clear();
  for (const batcher of batchers) batcher.drain();
}

export class FrameBatcher {
  #pending = "";
  readonly #flush: (text: string) => void;

  constructor(flush: (text: string) => void) {
    this.#flush = flush;
  }

  push(text: string): void {
    this.#pending += text;
    due.add(this);
    frame ??= requestAnimationFrame(drainDue);
  }

  /** Hand over whatever is pending now (end of a stream). */
  drain(): void {
    due.delete(this);
    if (due.size === 0 && frame !== null) {
      cancelAnimationFrame(frame);
      frame = null;
    }
    if (!this.#pending) return;
    const text = this.#pending;
    this.#pending = "";
    this.#flush(text);
  }
}
