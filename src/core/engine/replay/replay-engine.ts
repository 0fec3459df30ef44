/**
 * An `Engine` that plays a Recording: real answers recorded earlier (or marked test fixtures),
 * streamed at their recorded pace. It lets the app, the tests and the demos run without a GPU.
 *
 * Which answer a chat gets: see `matchEntry` (replay-match.ts). A prompt the recording never saw
 * is refused with `replay-no-match`, never answered with another question's answer.
 */
import { PolymathError } from "../../errors";
import type { Recording, RecordingEntry } from "./recording";
import { matchEntry, type ReplayMatchKind } from "./replay-match";
import { sleep, systemScheduler, type Scheduler } from "../scheduler";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  LoadOptions,
  LoadPhase,
  StreamOptions,
} from "../types";
import { partialUsage } from "../usage";

export interface ReplayOptions {
  /** Pace multiplier: 1 = as recorded, 2 = twice as fast, Infinity = no waiting. */
  speed?: number;
  /** Re-time every answer evenly at this rate (one chunk per token); overrides `speed`. */
  tokensPerSecond?: number;
  scheduler?: Scheduler;
  /** Length of each simulated load step in ms; 40 by default, 0 when `speed` is Infinity. */
  loadStepMs?: number;
}

const LOAD_STEPS: readonly { phase: LoadPhase; fraction: number; text: string }[] = [
  { phase: "fetching", fraction: 0, text: "Replay: no download, answers come from a recording." },
  { phase: "loading", fraction: 0.5, text: "Replay: reading the recorded answers." },
  { phase: "ready", fraction: 1, text: "Replay: ready (recorded answers, not a live model)." },
];

/** Plays a parsed Recording through the `Engine` interface. */
export class ReplayEngine implements Engine {
  readonly kind = "replay";
  private readonly scheduler: Scheduler;
  private readonly speed: number;
  private readonly tokensPerSecond: number | undefined;
  private readonly loadStepMs: number;
  private loadedIds: string[] = [];
  private readonly played = new Set<string>();
  private readonly active = new Set<{ modelId: string; controller: AbortController }>();
  private readonly matches = new Map<string, { entryId: string; kind: ReplayMatchKind }>();

  constructor(
    readonly recording: Recording,
    options: ReplayOptions = {},
  ) {
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0)) {
      throw new PolymathError(
        "invalid-request",
        `Replay speed must be above 0, not ${this.speed}.`,
      );
    }
    const tps = options.tokensPerSecond;
    if (tps !== undefined && !(tps > 0 && Number.isFinite(tps))) {
      throw new PolymathError("invalid-request", `tokensPerSecond must be above 0, not ${tps}.`);
    }
    this.tokensPerSecond = tps;
    this.scheduler = options.scheduler ?? systemScheduler;
    this.loadStepMs = options.loadStepMs ?? (this.speed === Infinity ? 0 : 40);
  }

  /** Like web-llm's reload: the loaded set becomes exactly `modelIds`. */
  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    const known = new Set(this.recording.models.map((m) => m.id));
    const missing = modelIds.find((id) => !known.has(id));
    if (missing !== undefined) {
      throw new PolymathError("model-not-found", `The recording has no model ${missing}.`, {
        advice: "Pick one of the models this recording holds.",
        details: { modelId: missing },
      });
    }
    await this.unload();
    const started = this.scheduler.now();
    const { onProgress, signal } = options;
    for (const modelId of modelIds) {
      for (const step of LOAD_STEPS) {
        if (!(await sleep(this.scheduler, this.loadStepMs, signal)) || signal?.aborted) {
          onProgress?.({
            modelId,
            phase: "cancelled",
            fraction: step.fraction,
            text: "Replay: loading cancelled.",
            elapsedMs: this.scheduler.now() - started,
          });
          this.loadedIds = [];
          throw new PolymathError("download-cancelled", "Loading was cancelled.");
        }
        onProgress?.({ modelId, ...step, elapsedMs: this.scheduler.now() - started });
      }
      this.loadedIds.push(modelId);
    }
  }

  loaded(): string[] {
    return [...this.loadedIds];
  }

  async chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    if (!this.loadedIds.includes(request.modelId)) {
      throw new PolymathError("model-not-loaded", `${request.modelId} is not loaded.`, {
        details: { modelId: request.modelId },
      });
    }
    const entry = this.pick(request);
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    const job = { modelId: request.modelId, controller };
    this.active.add(job);
    try {
      return await this.play(entry, options, controller.signal);
    } finally {
      this.active.delete(job);
      options.signal?.removeEventListener("abort", stop);
    }
  }

  /** How the last chat of `modelId` was matched: "loose" when only the conversation turns matched. */
  lastMatch(modelId: string): { entryId: string; kind: ReplayMatchKind } | undefined {
    return this.matches.get(modelId);
  }

  async interrupt(): Promise<void> {
    for (const job of this.active) job.controller.abort();
  }

  async unload(modelIds?: string[]): Promise<void> {
    const gone = modelIds ?? this.loadedIds;
    for (const job of this.active) if (gone.includes(job.modelId)) job.controller.abort();
    this.loadedIds = this.loadedIds.filter((id) => !gone.includes(id));
  }

  private async play(
    entry: RecordingEntry,
    options: StreamOptions,
    signal: AbortSignal,
  ): Promise<ChatResult> {
    const start = this.scheduler.now();
    let text = "";
    let reasoning = "";
    let delivered = 0;
    for (const [i, chunk] of entry.chunks.entries()) {
      if (signal.aborted) break;
      const wait = start + this.offset(entry, i) - this.scheduler.now();
      if (wait > 0 && !(await sleep(this.scheduler, wait, signal))) break;
      if (signal.aborted) break;
      options.onChunk(
        chunk.reasoning ? { delta: chunk.delta, reasoning: true } : { delta: chunk.delta },
      );
      if (chunk.reasoning) reasoning += chunk.delta;
      else text += chunk.delta;
      delivered++;
    }
    const { result } = entry;
    if (delivered === entry.chunks.length && !signal.aborted) {
      return { ...result, usage: { ...result.usage } };
    }
    const totalChars = result.text.length + result.reasoning.length;
    const lastT = delivered > 0 ? (entry.chunks[delivered - 1]?.t ?? 0) : 0;
    return {
      text,
      reasoning,
      finishReason: "abort",
      usage: partialUsage(result.usage, text.length + reasoning.length, totalChars, lastT),
    };
  }

  /** When chunk `i` is due, in ms after the request started. */
  private offset(entry: RecordingEntry, i: number): number {
    if (this.tokensPerSecond !== undefined) return ((i + 1) * 1000) / this.tokensPerSecond;
    if (this.speed === Infinity) return 0;
    return (entry.chunks[i]?.t ?? 0) / this.speed;
  }

  private pick(request: ChatRequest): RecordingEntry {
    const { entry, kind } = matchEntry(this.recording, request, this.played);
    this.played.add(entry.id);
    this.matches.set(request.modelId, { entryId: entry.id, kind });
    return entry;
  }
}
