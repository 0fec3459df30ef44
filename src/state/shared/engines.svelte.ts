/**
 * The runtimes that serve models, shared by Chat, Compare and Models: one `Engine` (an
 * `EngineSet`) that picks the runtime per model. A model in the loaded recording is replayed;
 * every other model runs on web-llm, started on first use. Load progress and errors live here so
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

export interface EngineDeps {
  /** Start the web-llm runtime (its worker chunk loads then); absent where none is wired. */
  webllm?: () => Promise<WebLlmRuntime>;
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
  #webllm: Promise<WebLlmRuntime> | null = null;
  #appConfig: EngineAppConfig | null = null;
  #loadAbort: AbortController | null = null;

  constructor(deps: EngineDeps = {}) {
    this.#deps = deps;
  }

  /** The runtime serving `modelId` now. */
  runtimeOf(modelId: string): RuntimeId {
    if (this.recording?.models.some((m) => m.id === modelId)) return "replay";
    return this.#deps.remote?.serves(modelId) ? "remote" : "webllm";
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

  /** The model cache of the runtime that downloads `modelId` (web-llm's for every model today). */
  cache(): Promise<DownloadingCache> {
    return this.#startWebLlm();
  }

  /** Cache backend and custom models for web-llm: sent now if it runs, else when it starts. */
  async setAppConfig(config: EngineAppConfig): Promise<void> {
    this.#appConfig = config;
    if (this.runtime("webllm")) await (await this.#startWebLlm()).setAppConfig(config);
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
    if (runtime === "webllm") return this.#startWebLlm();
    if (runtime === "remote" && this.#deps.remote) return this.#deps.remote.start();
    const { PolymathError } = await import("../../core/errors");
    throw new PolymathError("invalid-request", `No ${runtime} runtime is available here.`, {
      advice: "Pick a model that runs in this browser.",
    });
  }

  #startWebLlm(): Promise<WebLlmRuntime> {
    const start = this.#deps.webllm;
    if (!start) return Promise.reject(new Error("No web-llm runtime is wired in."));
    // One promise for concurrent callers, so they never start two workers.
    this.#webllm ??= start().then(
      async (runtime) => {
        (await this.#engineSet()).replace("webllm", runtime);
        // A failure here shows again on the caller's own request.
        if (this.#appConfig) void runtime.setAppConfig(this.#appConfig).catch(() => {});
        return runtime;
      },
      (e: unknown) => {
        this.#webllm = null;
        throw e;
      },
    );
    return this.#webllm;
  }
}
