/**
 * "Score answers": a responses file scored against one suite in the scoring worker, with progress,
 * the total time, and the report (kept as a raw, unproxied value: it can hold thousands of verdicts).
 */
import { PolymathError, toPolymathError } from "../../core/errors";
import type { ScoreReport, ScoringPhase } from "../../core/scoring/protocol";
import type { Suite } from "../../core/scoring/types";
import type { CallOptions } from "../../platform/scoring-client";
import type { PickedFile } from "./suite-import.svelte";

export interface ResponseScorer {
  score(
    suite: Suite,
    fileName: string,
    bytes: Uint8Array,
    options?: CallOptions,
  ): Promise<ScoreReport>;
}

export class ScoreRun {
  /** The suite to score against. */
  suiteId = $state("");
  running = $state(false);
  /** Where the run is: reading the file, matching its lines to items, or scoring answers. */
  progress = $state<{ done: number; total: number; phase: ScoringPhase }>({
    done: 0,
    total: 0,
    phase: "read",
  });
  report = $state.raw<ScoreReport | null>(null);
  /** The responses file of the report (or of the run in progress). */
  fileName = $state("");
  /** From picking the file to the report, ms. */
  durationMs = $state<number | null>(null);
  /** When the last report came back (epoch ms). */
  finishedAt = $state<number | null>(null);
  error = $state<PolymathError | null>(null);
  readonly #scorer: () => ResponseScorer;
  readonly #suite: (id: string) => Promise<Suite | undefined>;
  readonly #now: () => number;
  #controller: AbortController | null = null;

  constructor(
    scorer: () => ResponseScorer,
    suite: (id: string) => Promise<Suite | undefined>,
    now: () => number = () => performance.now(),
  ) {
    this.#scorer = scorer;
    this.#suite = suite;
    this.#now = now;
  }

  /** Score a responses file against the chosen suite; true when a report came back. */
  async scoreFile(file: PickedFile): Promise<boolean> {
    if (this.running) return false;
    const started = this.#now();
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.error = null;
    this.report = null;
    this.durationMs = null;
    this.fileName = file.name;
    this.progress = { done: 0, total: 0, phase: "read" };
    try {
      const suite = await this.#suite(this.suiteId);
      if (!suite) {
        throw new PolymathError("not-found", "Pick a suite to score these answers against.", {
          advice: "Choose one in the list above the file button.",
        });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      this.report = await this.#scorer().score(suite, file.name, bytes, {
        signal: controller.signal,
        onProgress: (done, total, phase) =>
          (this.progress = { done, total, phase: phase ?? "score" }),
      });
      this.durationMs = this.#now() - started;
      this.finishedAt = Date.now();
      return true;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    } finally {
      this.running = false;
      this.#controller = null;
    }
  }

  /** Stop the run in progress (it ends with an `aborted` notice). */
  stop(): void {
    this.#controller?.abort();
  }

  clear(): void {
    if (this.running) return;
    this.report = null;
    this.error = null;
    this.durationMs = null;
  }
}
