/**
 * Streams arrive one token at a time; rendering each would redraw hundreds of times a second.
 * A FrameBatcher gathers pieces and hands them over at most once per animation frame.
 */
export class FrameBatcher {
  #pending = "";
  #frame: number | null = null;
  readonly #flush: (text: string) => void;

  constructor(flush: (text: string) => void) {
    this.#flush = flush;
  }

  push(text: string): void {
    this.#pending += text;
    this.#frame ??= requestAnimationFrame(() => this.drain());
  }

  /** Hand over whatever is pending now (end of a stream). */
  drain(): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#frame = null;
    if (!this.#pending) return;
    const text = this.#pending;
    this.#pending = "";
    this.#flush(text);
  }
}
