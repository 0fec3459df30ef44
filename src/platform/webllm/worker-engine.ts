/**
 * The main thread's engine: `WorkerEngine` implements `Engine` by sending protocol requests to
 * the engine worker (where web-llm runs) and turning its events back into promises and callbacks.
 * It owns the Worker. When the worker crashes or the GPU device is lost, pending calls fail with
 * `engine-crashed` / `device-lost` and the next call starts a fresh worker (no page reload).
 */
import { PolymathError } from "../../core/errors";
import type { EngineAppConfig, EngineModelInfo } from "../../core/engine/webllm/app-config";
import { downloadInterrupted, type DownloadingCache } from "../../core/engine/model-cache";
import type { EngineCalls, EngineEvent, EngineRequest } from "../../core/engine/protocol";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  LoadOptions,
  StreamOptions,
} from "../../core/engine/types";
import {
  connectWorker,
  WorkerClient,
  type WorkerPort,
  type WorkerPortFactory,
  type WorkerPortHandlers,
} from "../worker-client";

/** A connection to one engine worker. */
export type EnginePort = WorkerPort<EngineRequest>;
export type EnginePortHandlers = WorkerPortHandlers<EngineEvent>;
export type EnginePortFactory = WorkerPortFactory<EngineRequest, EngineEvent>;

/** Start the real engine worker (Vite's static `new Worker(new URL(...))` form: its own chunk). */
export const createEngineWorkerPort: EnginePortFactory = (handlers) =>
  connectWorker(
    new Worker(new URL("../../workers/engine.worker.ts", import.meta.url), { type: "module" }),
    handlers,
    "engine worker",
  );

/** Codes after which the worker's engine is unusable and is replaced on the next call. */
const FATAL_CODES = new Set(["device-lost", "engine-crashed"]);

/** `Engine` backed by the engine worker; also the main thread's view of web-llm's model cache. */
export class WorkerEngine implements Engine, DownloadingCache {
  readonly kind = "webllm";
  /** web-llm version reported by the running worker, once it said `ready`. */
  webllmVersion: string | undefined;
  private readonly client: WorkerClient<EngineCalls, EngineRequest, EngineEvent>;
  private loadedIds: string[] = [];
  private appConfig: EngineAppConfig | null = null;

  constructor(options: { createPort?: EnginePortFactory } = {}) {
    this.client = new WorkerClient({
      createPort: options.createPort ?? createEngineWorkerPort,
      crashError: (reason) =>
        new PolymathError("engine-crashed", `The engine stopped unexpectedly: ${reason}.`),
      isFatal: (error) => FATAL_CODES.has(error.code),
      onOtherEvent: (event) => {
        if (event.type === "ready") this.webllmVersion = event.webllmVersion;
      },
      onStart: (port, nextId) => {
        this.loadedIds = [];
        // Replayed silently: a failure here shows up again on the caller's own request.
        if (this.appConfig)
          port.post({ id: nextId(), type: "setAppConfig", config: this.appConfig });
      },
    });
  }

  /**
   * Like web-llm's reload, the loaded set becomes exactly `modelIds`; after a failed or
   * cancelled load nothing is loaded.
   */
  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    this.loadedIds = [];
    const { onProgress, signal } = options;
    this.loadedIds = await this.call(
      "load",
      { modelIds: [...modelIds] },
      (event) => {
        if (event.type === "progress") onProgress?.(event.progress);
      },
      signal,
    );
  }

  loaded(): string[] {
    return [...this.loadedIds];
  }

  chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    return this.call(
      "chat",
      { request },
      (event) => {
        if (event.type === "chunks") for (const chunk of event.chunks) options.onChunk(chunk);
      },
      options.signal,
    );
  }

  async interrupt(): Promise<void> {
    if (!this.client.started) return;
    await this.call("interrupt", {});
  }

  async unload(modelIds?: string[]): Promise<void> {
    if (!this.client.started) return;
    this.loadedIds = await this.call("unload", modelIds === undefined ? {} : { modelIds });
  }

  /** Cache backend and custom models; remembered and re-sent to a restarted worker. */
  async setAppConfig(config: EngineAppConfig): Promise<void> {
    this.appConfig = config;
    await this.call("setAppConfig", { config });
  }

  listModels(): Promise<EngineModelInfo[]> {
    return this.call("listModels", {});
  }

  async hasModel(modelId: string): Promise<boolean> {
    return (await this.cachedModelIds([modelId])).includes(modelId);
  }

  /** Those of `modelIds` whose weights are in web-llm's cache, in one round trip. */
  cachedModelIds(modelIds: string[]): Promise<string[]> {
    return this.call("cachedModelIds", { modelIds: [...modelIds] });
  }

  async deleteModel(modelId: string): Promise<void> {
    await this.call("deleteModel", { modelId });
  }

  /**
   * web-llm 0.2.86 exports no way to fetch a model into its cache without loading it (its
   * tensor-cache fetch lives inside the bundled TVM runtime), so a download loads the model onto
   * the GPU and leaves it loaded. Shards already cached are skipped, so a retry resumes. web-llm
   * resolves a reload that another load aborted: only the cache tells that it finished.
   */
  async download(modelId: string, options: LoadOptions): Promise<void> {
    await this.load([modelId], options);
    if (!(await this.hasModel(modelId))) throw downloadInterrupted(modelId);
  }

  /** Stop the worker; pending calls reject with `aborted`. The next call starts a new one. */
  dispose(): void {
    this.loadedIds = [];
    this.client.stop(new PolymathError("aborted", "The engine was stopped."));
  }

  private async call<K extends keyof EngineCalls>(
    type: K,
    args: EngineCalls[K]["args"],
    onEvent?: (event: EngineEvent) => void,
    signal?: AbortSignal,
  ): Promise<EngineCalls[K]["result"]> {
    try {
      return await this.client.call(type, args, onEvent, signal);
    } catch (e) {
      if (!this.client.started) this.loadedIds = [];
      throw e;
    }
  }
}
