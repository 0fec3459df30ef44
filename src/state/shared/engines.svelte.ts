/**
 * The runtimes that serve models, shared by Chat, Compare and Models: one `Engine` (an
 * `EngineSet`) that picks the runtime per model. A model in the loaded recording is replayed;
 * every other model runs on the runtime its catalog entry names (web-llm on WebGPU, wllama on
 * the CPU), each started on first use. Load progress and errors live here so
 * every view shows the same truth; views ask `traitsOf(modelId)`, never which runtime it is.
 */
import type { PolymathError } from "../../core/errors";
import type { EngineSet, PartialLoadError } from "../../core/engine/engine-set";
import type { DownloadingCache } from "../../core/engine/model-cache";
import type { Recording } from "../../core/engine/replay/recording";
import type { ReplayOptions } from "../../core/engine/replay/replay-engine";
import { RUNTIME_TRAITS, type RuntimeId, type RuntimeTraits } from "../../core/engine/runtime";
import type { Engine, LoadProgress } from "../../core/engine/types";
import type { EngineAppConfig } from "../../core/engine/webllm/app-config";

/** The web-llm runtime as the main thread holds it: an engine with a model cache and settings. */
export interface WebLlmRuntime extends Engine, DownloadingCache {
  setAppConfig(config: EngineAppConfig): Promise<void>;
}

/** The CPU runtime as the main thread holds it: an engine with a model cache. */
export interface CpuRuntime extends Engine, DownloadingCache {
  /** The file a model downloads and its expected size (resolved from its repository once). */
  resolve(modelId: string): Promise<{ url: string; bytes?: number; file: string }>;
}

export interface EngineDeps {
  /** Start the web-llm runtime (its worker chunk loads then); absent where none is wired. */
  webllm?: () => Promise<WebLlmRuntime>;
  /** Start the CPU runtime (its chunk loads then; its WebAssembly when a model loads). */
  wllama?: () => Promise<CpuRuntime>;
  /** The runtime a live model's catalog entry names; web-llm when it names none. */
  runtimeOf?: (modelId: string) => RuntimeId | undefined;
  /** A replay engine over `recording` (its module loads on first use by default). */
  replay?: (recording: Recording, options: ReplayOptions) => Promise<Engine>;
  /** The remote runtime: which models it serves, and its engine (started on first use). */
  remote?: { serves: (modelId: string) => boolean; start: () => Promise<Engine> };
}

const loadReplay = async (recording: Recording, options: ReplayOptions): Promise<Engine> => {
  const { ReplayEngine } = await import("../../core/engine/replay/replay-engine");
  return new ReplayEngine(recording, options);
};

export class EngineState {
  /** The recording the replay runtime plays; its models are served by it. */
  recording = $state.raw<Recording | null>(null);
  /** Models loaded and ready, across runtimes. */
  loaded = $state<string[]>([]);
  /** Progress of models being loaded now, by model id. */
  progress = $state<Record<string, LoadProgress>>({});
  /** The last load error, by model id. */
  loadErrors = $state<Record<string, PolymathError>>({});
  busy = $derived(Object.keys(this.progress).length > 0);

  readonly #deps: EngineDeps;
  /** Made on first use (its module and the errors module stay off the entry chunk). */
  #set: EngineSet | null = null;
  #setLoading: Promise<EngineSet> | null = null;
  #appConfig: EngineAppConfig | null = null;
  #loadAbort: AbortController | null = null;

  constructor(deps: EngineDeps = {}) {
    this.#deps = deps;
  }

  /** The runtime serving `modelId` now. */
  runtimeOf(modelId: string): RuntimeId {
    if (this.recording?.models.some((m) => m.id === modelId)) return "replay";
    if (this.#deps.remote?.serves(modelId)) return "remote";
    return this.#deps.runtimeOf?.(modelId) ?? "webllm";
  }

  /** What serving `modelId` means: device memory, a download, replayed answers. */
  traitsOf(modelId: string): RuntimeTraits {
    return RUNTIME_TRAITS[this.runtimeOf(modelId)];
  }

  /** The one engine for every model. */
  engine(): Promise<Engine> {
    return this.#engineSet();
  }

  /** The engine of one runtime, when it has started (a new recording or pace replaces replay's). */
  runtime(runtime: RuntimeId): Engine | undefined {
    return this.#set?.started().get(runtime);
  }

  /** The model caches of the runtimes that download models, each model asked of its own. */
  async cache(): Promise<DownloadingCache> {
    // Its module (and the errors module) load on first use, off the entry chunk.
    const { routeCaches } = await import("../../core/engine/model-cache");
    return routeCaches(
      (id) => this.#deps.runtimeOf?.(id) ?? "webllm",
      (runtime) =>
        this.#deps[runtime as "webllm"]
          ? (this.#engineSet().then((s) => s.engine(runtime)) as Promise<DownloadingCache>)
          : null,
    );
  }

  /** The CPU runtime (started now if it has not yet). */
  async cpu(): Promise<CpuRuntime> {
    return (await this.#engineSet()).engine("wllama") as Promise<CpuRuntime>;
  }

  /** Cache backend and custom models for web-llm: sent now if it runs, else when it starts. */
  async setAppConfig(config: EngineAppConfig): Promise<void> {
    this.#appConfig = config;
    await (this.runtime("webllm") as WebLlmRuntime | undefined)?.setAppConfig(config);
  }

  /** Replay `recording`: its models are served by it, the others stay live. */
  async useRecording(recording: Recording, options: ReplayOptions = {}): Promise<void> {
    const [set, engine] = await Promise.all([
      this.#engineSet(),
      (this.#deps.replay ?? loadReplay)(recording, options),
    ]);
    set.replace("replay", engine);
    this.recording = recording;
    this.loaded = set.loaded();
    this.loadErrors = {};
  }

  /** Stop replaying: every model is served live again. */
  stopReplay(): void {
    this.#set?.replace("replay", null);
    this.recording = null;
    this.loaded = this.#set?.loaded() ?? [];
  }

  /**
   * Make `modelIds` loaded (see `EngineSet.load`). Resolves when ready; rejects with a
   * PolymathError, which is also kept in `loadErrors`.
   */
  async load(modelIds: string[]): Promise<void> {
    const ids = modelIds.filter((id, i) => modelIds.indexOf(id) === i);
    this.#loadAbort?.abort();
    const abort = new AbortController();
    this.#loadAbort = abort;
    for (const id of ids) delete this.loadErrors[id];
    const set = await this.#engineSet();
    try {
      await set.load(ids, {
        signal: abort.signal,
        onProgress: (p) => {
          this.progress[p.modelId] = p;
        },
      });
    } catch (e) {
      // The errors module loads on failure only: it stays off the entry chunk.
      const { toPolymathError } = await import("../../core/errors");
      const error = toPolymathError(e);
      // After a partial load only the models that failed keep an error.
      const byModel = (error as Partial<PartialLoadError>).byModel;
      for (const id of ids) {
        const own = byModel ? byModel[id] : error;
        if (own) this.loadErrors[id] = own;
      }
      throw error;
    } finally {
      for (const id of ids) delete this.progress[id];
      if (this.#loadAbort === abort) this.#loadAbort = null;
      this.loaded = set.loaded();
    }
  }

  /** Cancel the load in progress (the pending `load` rejects with download-cancelled). */
  cancelLoad(): void {
    this.#loadAbort?.abort();
  }

  /** Re-read the loaded set after code drove a runtime directly (a run, a download). */
  async sync(): Promise<void> {
    this.loaded = this.#set?.loaded() ?? [];
  }

  async unload(): Promise<void> {
    if (!this.#set) return;
    await this.#set.unload();
    this.loaded = this.#set.loaded();
  }

  #engineSet(): Promise<EngineSet> {
    this.#setLoading ??= import("../../core/engine/engine-set").then(({ EngineSet }) => {
      this.#set = new EngineSet({
        runtimeOf: (id) => this.runtimeOf(id),
        start: (runtime) => this.#start(runtime),
      });
      return this.#set;
    });
    return this.#setLoading;
  }

  async #start(runtime: RuntimeId): Promise<Engine> {
    if (runtime === "remote" && this.#deps.remote) return this.#deps.remote.start();
    const start = this.#deps[runtime as "webllm" | "wllama"];
    if (start) {
      const engine = await start();
      // A failure here shows again on the caller's own request.
      const config = this.#appConfig;
      if (config) void (engine as WebLlmRuntime).setAppConfig?.(config).catch(() => {});
      return engine;
    }
    const { PolymathError } = await import("../../core/errors");
    throw new PolymathError("invalid-request", `No ${runtime} runtime is available here.`, {
      advice: "Pick a model that runs in this browser.",
    });
  }
}
