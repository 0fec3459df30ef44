/**
 * The engine the app talks to, shared by Chat, Compare and Models: the web-llm worker (real
 * models on this GPU) or a replay of a recording (no GPU needed). Load progress and errors live
 * here so every view shows the same truth.
 */
import type { PolymathError } from "../../core/errors";
import type { EngineAppConfig } from "../../core/engine/webllm/app-config";
import type { Engine, LoadProgress } from "../../core/engine/types";
import type { Recording } from "../../core/engine/replay/recording";
import type { ReplayOptions } from "../../core/engine/replay/replay-engine";
import type { WorkerEngine } from "../../platform/engine-client";

export type EngineMode = "webllm" | "replay";

export class EngineState {
  mode = $state<EngineMode>("webllm");
  /** The recording being replayed, in replay mode. */
  recording = $state.raw<Recording | null>(null);
  /** Models loaded and ready in the current engine. */
  loaded = $state<string[]>([]);
  /** Progress of models being loaded now, by model id. */
  progress = $state<Record<string, LoadProgress>>({});
  /** The last load error, by model id. */
  loadErrors = $state<Record<string, PolymathError>>({});
  busy = $derived(Object.keys(this.progress).length > 0);

  #worker: WorkerEngine | null = null;
  #replay: Engine | null = null;
  #loadAbort: AbortController | null = null;
  #appConfig: EngineAppConfig | null = null;

  #workerStart: Promise<WorkerEngine> | null = null;

  /** The web-llm worker engine, started on first use (its chunk loads then). */
  worker(): Promise<WorkerEngine> {
    // One promise for concurrent callers, so they never start two workers.
    this.#workerStart ??= import("../../platform/engine-client").then(
      ({ WorkerEngine }) => {
        const worker = new WorkerEngine();
        this.#worker = worker;
        // A failure here shows again on the caller's own request.
        if (this.#appConfig) void worker.setAppConfig(this.#appConfig).catch(() => {});
        return worker;
      },
      (e: unknown) => {
        this.#workerStart = null;
        throw e;
      },
    );
    return this.#workerStart;
  }

  /** Cache backend and custom models for web-llm: sent now if the worker runs, else when it starts. */
  async setAppConfig(config: EngineAppConfig): Promise<void> {
    this.#appConfig = config;
    if (this.#worker) await this.#worker.setAppConfig(config);
  }

  /** The engine for the current mode. */
  async engine(): Promise<Engine> {
    if (this.mode === "replay" && this.#replay) return this.#replay;
    return this.worker();
  }

  /** Switch to replaying `recording` (models in it become loadable without a GPU). */
  async useRecording(recording: Recording, options: ReplayOptions = {}): Promise<void> {
    const { ReplayEngine } = await import("../../core/engine/replay/replay-engine");
    this.#replay = new ReplayEngine(recording, options);
    this.recording = recording;
    this.mode = "replay";
    this.loaded = [];
    this.loadErrors = {};
  }

  /** Back to real models on this GPU. */
  useWebLlm(): void {
    this.mode = "webllm";
    this.recording = null;
    this.#replay = null;
    this.loaded = this.#worker?.loaded() ?? [];
  }

  /**
   * Make exactly `modelIds` loaded (web-llm's reload replaces the loaded set). Resolves when
   * ready; rejects with a PolymathError, which is also kept in `loadErrors`.
   */
  async load(modelIds: string[]): Promise<void> {
    const ids = modelIds.filter((id, i) => modelIds.indexOf(id) === i);
    const current = await this.engine();
    if (sameSet(current.loaded(), ids)) {
      this.loaded = current.loaded();
      return;
    }
    this.#loadAbort?.abort();
    const abort = new AbortController();
    this.#loadAbort = abort;
    for (const id of ids) delete this.loadErrors[id];
    try {
      await current.load(ids, {
        signal: abort.signal,
        onProgress: (p) => {
          this.progress[p.modelId] = p;
        },
      });
    } catch (e) {
      // The errors module loads on failure only: it stays off the entry chunk.
      const { toPolymathError } = await import("../../core/errors");
      const error = toPolymathError(e);
      for (const id of ids) this.loadErrors[id] = error;
      throw error;
    } finally {
      for (const id of ids) delete this.progress[id];
      if (this.#loadAbort === abort) this.#loadAbort = null;
      this.loaded = current.loaded();
    }
  }

  /** Cancel the load in progress (the pending `load` rejects with download-cancelled). */
  cancelLoad(): void {
    this.#loadAbort?.abort();
  }

  /** Re-read the loaded set after code drove the engine directly (a comparison run). */
  async sync(): Promise<void> {
    this.loaded = (await this.engine()).loaded();
  }

  async unload(): Promise<void> {
    const current = await this.engine();
    await current.unload();
    this.loaded = current.loaded();
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
