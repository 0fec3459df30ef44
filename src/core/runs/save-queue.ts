/**
 * The one save mechanism for long-running work (a chat answer, a comparison turn, next a bench
 * run): writes run one after another in the order asked, so an older checkpoint never lands after
 * a newer save; checkpoints of work in flight coalesce (one waiting at most: slow storage never
 * builds a backlog) and read the work as it stands when their write starts.
 */

export class SaveQueue<T> {
  readonly #write: (doc: T) => Promise<void>;
  #writes: Promise<void> = Promise.resolve();
  #waiting: Promise<void> | null = null;

  /** `write` stores one version; it should not reject (a rejection is passed to that caller). */
  constructor(write: (doc: T) => Promise<void>) {
    this.#write = write;
  }

  /** Write `doc` after every write asked for before. */
  save(doc: T): Promise<void> {
    return this.#enqueue(() => doc);
  }

  /**
   * Write what `take` returns when the write starts (null: nothing), after the writes before;
   * while one checkpoint waits, asking again joins it.
   */
  checkpoint(take: () => T | null): Promise<void> {
    this.#waiting ??= this.#enqueue(() => {
      this.#waiting = null;
      return take();
    });
    return this.#waiting;
  }

  /** Resolves once every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.#writes.catch(() => undefined);
  }

  #enqueue(next: () => T | null): Promise<void> {
    const write = this.#writes
      .catch(() => undefined)
      .then(() => {
        const doc = next();
        return doc === null ? undefined : this.#write(doc);
      });
    this.#writes = write;
    return write;
  }
}
