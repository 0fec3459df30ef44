/**
 * The browser's `CodeRunner`: a pool of sandbox frames running programs in parallel, with a queue.
 * Frames start on first use; a frame that hit a time limit or failed is replaced by a fresh one.
 */
import { PolymathError } from "../../core/errors";
import type { CodeRunner, RunOutcome } from "../../core/scoring/types";
import { SandboxSlot } from "./sandbox-slot";

/** What the pool needs of a slot; `SandboxSlot` is the real one. */
export interface Slot {
  /** False once the slot's frame is gone (time limit hit, failure): the pool replaces it. */
  readonly alive: boolean;
  run(program: string, timeoutMs: number): Promise<RunOutcome>;
  destroy(): void;
}

export interface SandboxOptions {
  /** Frames running at once; defaults to `defaultSlotCount(navigator.hardwareConcurrency)`. */
  slots?: number;
  /** Where the hidden frames live; defaults to `document.body`. */
  container?: HTMLElement;
  /** How long a new frame may take to start (ms). */
  startTimeoutMs?: number;
  /** Makes a slot; the default makes a `SandboxSlot` (tests pass fakes). */
  createSlot?: () => Slot;
}

interface Job {
  program: string;
  timeoutMs: number;
  resolve: (outcome: RunOutcome) => void;
  reject: (error: unknown) => void;
}

/** Longest time limit a caller may ask for: ten minutes. */
export const MAX_TIMEOUT_MS = 600_000;

/** Frames to run at once: half the logical cores, at least 2 and at most 4. */
export function defaultSlotCount(hardwareConcurrency: number | undefined): number {
  const cores = hardwareConcurrency && hardwareConcurrency > 0 ? hardwareConcurrency : 4;
  return Math.min(4, Math.max(2, Math.floor(cores / 2)));
}

export class SandboxHost implements CodeRunner {
  readonly size: number;
  #slots: (Slot | null)[];
  #busy: boolean[];
  #queue: Job[] = [];
  #createSlot: () => Slot;
  #disposed = false;

  constructor(options: SandboxOptions = {}) {
    // Optional: the pool logic also runs where there is no navigator (unit tests in node).
    const slots = options.slots ?? defaultSlotCount(globalThis.navigator?.hardwareConcurrency);
    this.size = Math.max(1, Math.floor(slots));
    this.#slots = Array.from({ length: this.size }, () => null);
    this.#busy = Array.from({ length: this.size }, () => false);
    this.#createSlot =
      options.createSlot ??
      (() =>
        new SandboxSlot({
          container: options.container ?? document.body,
          startTimeoutMs: options.startTimeoutMs ?? 10_000,
        }));
  }

  /** Run untrusted JavaScript; rejects only when the sandbox itself fails (`sandbox-unavailable`). */
  run(program: string, options: { timeoutMs: number }): Promise<RunOutcome> {
    if (this.#disposed) {
      return Promise.reject(
        new PolymathError("sandbox-unavailable", "The code sandbox was closed."),
      );
    }
    const timeoutMs = Number.isFinite(options.timeoutMs)
      ? Math.min(MAX_TIMEOUT_MS, Math.max(1, Math.round(options.timeoutMs)))
      : MAX_TIMEOUT_MS;
    return new Promise<RunOutcome>((resolve, reject) => {
      this.#queue.push({ program, timeoutMs, resolve, reject });
      this.#pump();
    });
  }

  /** Remove every frame; queued and running programs reject with `aborted`. */
  dispose(): void {
    this.#disposed = true;
    for (const job of this.#queue.splice(0)) {
      job.reject(new PolymathError("aborted", "The code sandbox was closed."));
    }
    for (const slot of this.#slots) slot?.destroy();
    this.#slots.fill(null);
  }

  #pump(): void {
    for (let i = 0; i < this.size && this.#queue.length > 0; i++) {
      if (this.#busy[i]) continue;
      const job = this.#queue.shift();
      if (job) void this.#execute(i, job);
    }
  }

  async #execute(index: number, job: Job): Promise<void> {
    this.#busy[index] = true;
    const slot = this.#slotAt(index);
    try {
      job.resolve(await slot.run(job.program, job.timeoutMs));
    } catch (error) {
      job.reject(error);
    } finally {
      // A slot that timed out or failed has lost its frame: start a fresh one now, so the next
      // program does not wait for it.
      if (!slot.alive && !this.#disposed) this.#slots[index] = this.#createSlot();
      this.#busy[index] = false;
      if (!this.#disposed) this.#pump();
    }
  }

  #slotAt(index: number): Slot {
    const slot = this.#slots[index];
    if (slot?.alive) return slot;
    const fresh = this.#createSlot();
    this.#slots[index] = fresh;
    return fresh;
  }
}
