/**
 * The main thread's engine: `WorkerEngine` implements `Engine` by sending protocol requests to
 * the engine worker (where web-llm runs) and turning its events back into promises and callbacks.
 * It owns the Worker. When the worker crashes or the GPU device is lost, pending calls fail with
 * `engine-crashed` / `device-lost` and the next call starts a fresh worker (no page reload).
 */
import { PolymathError } from "../core/errors";
import type { EngineAppConfig, EngineModelInfo } from "../core/engine/webllm/app-config";
import type {
  EngineCallType,
  EngineCalls,
  EngineEvent,
  EngineRequest,
  EngineRequestOf,
} from "../core/engine/protocol";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  LoadOptions,
  LoadProgress,
  StreamChunk,
  StreamOptions,
} from "../core/engine/types";

/** A connection to one engine worker. */
export interface EnginePort {
  post(request: EngineRequest): void;
  terminate(): void;
}

export interface EnginePortHandlers {
  onEvent(event: EngineEvent): void;
  /** The worker died or could not start; `reason` is for the error message. */
  onCrash(reason: string): void;
}

export type EnginePortFactory = (handlers: EnginePortHandlers) => EnginePort;

/** Start the real engine worker (Vite's static `new Worker(new URL(...))` form: its own chunk). */
export const createEngineWorkerPort: EnginePortFactory = (handlers) => {
  const worker = new Worker(new URL("../workers/engine.worker.ts", import.meta.url), {
    type: "module",
  });
  worker.onmessage = (event: MessageEvent<EngineEvent>) => handlers.onEvent(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    handlers.onCrash(event.message || "the engine worker failed");
  };
  worker.onmessageerror = () => handlers.onCrash("a message from the engine worker was unreadable");
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};

interface Pending {
  resolve(value: unknown): void;
  reject(error: PolymathError): void;
  onProgress?: (progress: LoadProgress) => void;
  onChunk?: (chunk: StreamChunk) => void;
}

/** Codes after which the worker's engine is unusable and is replaced on the next call. */
const FATAL_CODES = new Set(["device-lost", "engine-crashed"]);

/** `Engine` backed by the engine worker; also forwards the adapter's cache and catalog calls. */
export class WorkerEngine implements Engine {
  readonly kind = "webllm";
  /** web-llm version reported by the running worker, once it said `ready`. */
  webllmVersion: string | undefined;
  private readonly createPort: EnginePortFactory;
  private port: EnginePort | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private loadedIds: string[] = [];
  private appConfig: EngineAppConfig | null = null;

  constructor(options: { createPort?: EnginePortFactory } = {}) {
    this.createPort = options.createPort ?? createEngineWorkerPort;
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
      onProgress ? { onProgress } : {},
      signal,
    );
  }

  loaded(): string[] {
    return [...this.loadedIds];
  }

  chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    return this.call("chat", { request }, { onChunk: options.onChunk }, options.signal);
  }

  async interrupt(): Promise<void> {
    if (this.port === null) return;
    await this.call("interrupt", {});
  }

  async unload(modelIds?: string[]): Promise<void> {
    if (this.port === null) return;
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

  hasModelInCache(modelId: string): Promise<boolean> {
    return this.call("hasModelInCache", { modelId });
  }

  /** Those of `modelIds` whose weights are in web-llm's cache, in one round trip. */
  cachedModelIds(modelIds: string[]): Promise<string[]> {
    return this.call("cachedModelIds", { modelIds: [...modelIds] });
  }

  async deleteModelAllInfoInCache(modelId: string): Promise<void> {
    await this.call("deleteModelAllInfoInCache", { modelId });
  }

  /** Stop the worker; pending calls reject with `aborted`. The next call starts a new one. */
  dispose(): void {
    this.dropPort(new PolymathError("aborted", "The engine was stopped."));
  }

  private call<K extends EngineCallType>(
    type: K,
    args: EngineCalls[K]["args"],
    hooks: Pick<Pending, "onProgress" | "onChunk"> = {},
    signal?: AbortSignal,
  ): Promise<EngineCalls[K]["result"]> {
    const port = this.ensurePort();
    const id = this.nextId++;
    return new Promise<EngineCalls[K]["result"]>((resolve, reject) => {
      const cancel = (): void => {
        if (this.pending.has(id))
          this.port?.post({ id: this.nextId++, type: "cancel", target: id });
      };
      const done = (): void => signal?.removeEventListener("abort", cancel);
      this.pending.set(id, {
        ...hooks,
        // The worker answers request `id` with the result type of call `type`.
        resolve: (value) => {
          done();
          resolve(value as EngineCalls[K]["result"]);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      port.post({ id, type, ...args } as EngineRequestOf<K> as EngineRequest);
      if (signal?.aborted) cancel();
      else signal?.addEventListener("abort", cancel, { once: true });
    });
  }

  private ensurePort(): EnginePort {
    if (this.port) return this.port;
    const port = this.createPort({
      onEvent: (event) => {
        if (this.port === port) this.onEvent(event);
      },
      onCrash: (reason) => {
        if (this.port !== port) return;
        this.dropPort(
          new PolymathError("engine-crashed", `The engine stopped unexpectedly: ${reason}.`),
        );
      },
    });
    this.port = port;
    this.loadedIds = [];
    if (this.appConfig) {
      // Replayed silently: a failure here shows up again on the caller's own request.
      port.post({ id: this.nextId++, type: "setAppConfig", config: this.appConfig });
    }
    return port;
  }

  private dropPort(error: PolymathError): void {
    const port = this.port;
    this.port = null;
    this.loadedIds = [];
    port?.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  private onEvent(event: EngineEvent): void {
    if (event.type === "ready") {
      this.webllmVersion = event.webllmVersion;
      return;
    }
    const pending = this.pending.get(event.id);
    if (pending === undefined) return;
    switch (event.type) {
      case "progress":
        pending.onProgress?.(event.progress);
        return;
      case "chunks":
        for (const chunk of event.chunks) pending.onChunk?.(chunk);
        return;
      case "result":
        this.pending.delete(event.id);
        pending.resolve(event.value);
        return;
      case "error": {
        this.pending.delete(event.id);
        const error = PolymathError.fromJSON(event.error);
        if (FATAL_CODES.has(error.code)) {
          // Fail the rest too: the worker's engine is gone. The next call starts a new worker.
          this.dropPort(error);
        }
        pending.reject(error);
        return;
      }
    }
  }
}
