/**
 * The worker side of the protocol: runs requests against an `Engine` and posts events back.
 * Kept out of the worker entry file so it can be tested in node against the replay engine; the
 * worker itself only wires `onmessage` to `handle`.
 */
import { PolymathError, toPolymathError } from "../errors";
import { createChunkBatcher, type ChunkBatcherOptions } from "./chunk-batcher";
import type { ModelCache } from "./model-cache";
import {
  isEngineRequest,
  type EngineEvent,
  type EngineRequest,
  type EngineResultValue,
} from "./protocol";
import type { Engine } from "./types";
import type { EngineAppConfig, EngineModelInfo } from "./webllm/app-config";

/** A runtime that takes settings and lists its models (web-llm: its app config). */
export interface ConfigurableEngine {
  setAppConfig(config: EngineAppConfig): void;
  listModels(): EngineModelInfo[];
}

export interface EngineHostOptions {
  /** The engine's model files, when its runtime keeps any. */
  cache?: ModelCache;
  configurable?: ConfigurableEngine;
  batch?: ChunkBatcherOptions;
  /** Reported in the `ready` event. */
  webllmVersion?: string;
}

/** Serves protocol requests for one engine. */
export class EngineHost {
  private readonly running = new Map<number, AbortController>();

  constructor(
    private readonly engine: Engine,
    private readonly post: (event: EngineEvent) => void,
    private readonly options: EngineHostOptions = {},
  ) {}

  /** The event announcing that the worker is up. */
  readyEvent(): EngineEvent {
    const { webllmVersion } = this.options;
    return webllmVersion === undefined
      ? { type: "ready", id: 0, kind: this.engine.kind }
      : { type: "ready", id: 0, kind: this.engine.kind, webllmVersion };
  }

  /** Handle one incoming message; resolves after its result or error was posted. */
  async handle(message: unknown): Promise<void> {
    if (!isEngineRequest(message)) {
      const id = (message as { id?: unknown } | null)?.id;
      if (typeof id === "number") {
        const error = new PolymathError(
          "invalid-request",
          "The engine worker got an unknown request.",
        );
        this.post({ type: "error", id, error: error.toJSON() });
      }
      return;
    }
    const { id } = message;
    try {
      const value = await this.run(message);
      this.post({ type: "result", id, value });
    } catch (e) {
      this.post({ type: "error", id, error: toPolymathError(e).toJSON() });
    }
  }

  private async run(request: EngineRequest): Promise<EngineResultValue> {
    switch (request.type) {
      case "load":
        return this.track(request.id, async (signal) => {
          await this.engine.load(request.modelIds, {
            signal,
            onProgress: (progress) => this.post({ type: "progress", id: request.id, progress }),
          });
          return this.engine.loaded();
        });
      case "chat":
        return this.track(request.id, async (signal) => {
          const batcher = createChunkBatcher(
            (chunks) => this.post({ type: "chunks", id: request.id, chunks }),
            this.options.batch,
          );
          try {
            return await this.engine.chat(request.request, { onChunk: batcher.push, signal });
          } finally {
            batcher.flush();
          }
        });
      case "cancel":
        this.running.get(request.target)?.abort();
        return null;
      case "interrupt":
        await this.engine.interrupt();
        return null;
      case "unload":
        await this.engine.unload(request.modelIds);
        return this.engine.loaded();
      case "loaded":
        return this.engine.loaded();
      case "cachedModelIds":
        return this.need(this.options.cache, "model cache").cachedModelIds(request.modelIds);
      case "deleteModel":
        await this.need(this.options.cache, "model cache").deleteModel(request.modelId);
        return null;
      case "setAppConfig":
        this.need(this.options.configurable, "configuration").setAppConfig(request.config);
        return null;
      case "listModels":
        return this.need(this.options.configurable, "model list").listModels();
    }
  }

  private async track<T>(id: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(id);
    }
  }

  private need<T>(ability: T | undefined, what: string): T {
    if (ability) return ability;
    throw new PolymathError("invalid-request", `A ${this.engine.kind} engine has no ${what}.`);
  }
}
