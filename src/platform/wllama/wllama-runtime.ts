/**
 * The CPU runtime as the app holds it: the `WllamaEngine` (llama.cpp in wllama's own worker) plus
 * the model store the Models view downloads into, for every GGUF model of the catalog. This module
 * pulls in wllama, so the app reaches it only through `import()`; the WebAssembly itself is
 * fetched only when a model loads.
 *
 * The files are `GgufModels`' (`platform/gguf-store/`): picked from a repository's file list with
 * the size and SHA-256 it gives, downloaded into the app's own store (a cut download continues
 * with a range request), and present only once every file passed the checks. A load downloads
 * what is missing, then hands llama.cpp the saved files.
 */
import { ModelManager } from "@wllama/wllama";
import type { DownloadingCache } from "../../core/engine/model-cache";
import type { ThreadPlan } from "../../core/engine/wllama/threads";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  LoadOptions,
  StreamOptions,
} from "../../core/engine/types";
import type { GgufModels, ResolvedGguf } from "../gguf-store/gguf-models";
import { createWllamaEngine, type WllamaRuntime } from "./create-wllama-engine";

export interface WllamaAppOptions {
  /** Context to allocate for a model, tokens. */
  contextOf?: (modelId: string) => number | undefined;
  /** Threads asked for (tests); the plan still gives 1 without cross-origin isolation. */
  threads?: number;
  /** The models' files on this device (the Models view lists and deletes the same). */
  files: GgufModels;
}

const quiet = { debug: () => {}, log: () => {}, warn: () => {}, error: () => {} };

export class WllamaAppRuntime implements Engine, DownloadingCache {
  readonly kind = "wllama";
  readonly #runtime: WllamaRuntime;
  /** The models' files on this device (shared with the Models view when it passes its own). */
  readonly files: GgufModels;
  /** The saved files llama.cpp is handed for each model, opened just before its load. */
  readonly #opened = new Map<string, Blob[]>();

  constructor(options: WllamaAppOptions) {
    this.files = options.files;
    this.#runtime = createWllamaEngine({
      resolveModel: (id) => {
        const files = this.#opened.get(id);
        if (!files) return undefined;
        const nCtx = options.contextOf?.(id);
        return { source: { files }, ...(nCtx ? { nCtx } : {}) };
      },
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    });
  }

  /** Threads this page gives llama.cpp, and why; whether the compat build runs. */
  info(): { threadPlan: ThreadPlan; compat: boolean } {
    return { threadPlan: this.#runtime.threadPlan, compat: this.#runtime.compat };
  }

  /** Download what is not saved yet (continuing a cut download), then start llama.cpp on it. */
  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    for (const id of modelIds) {
      if (this.loaded().includes(id)) continue;
      const files = await this.files.files(id, options);
      this.#opened.set(id, files);
    }
    try {
      await this.#runtime.engine.load(modelIds, options);
    } finally {
      for (const id of modelIds) this.#opened.delete(id);
    }
  }

  loaded(): string[] {
    return this.#runtime.engine.loaded();
  }

  chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    return this.#runtime.engine.chat(request, options);
  }

  interrupt(): Promise<void> {
    return this.#runtime.engine.interrupt();
  }

  unload(modelIds?: string[]): Promise<void> {
    return this.#runtime.engine.unload(modelIds);
  }

  /** The file a model downloads and its expected size. */
  resolve(modelId: string, signal?: AbortSignal): Promise<ResolvedGguf> {
    return this.files.resolve(modelId, signal);
  }

  cachedModelIds(modelIds: string[]): Promise<string[]> {
    return this.files.cachedModelIds(modelIds);
  }

  async download(modelId: string, options: LoadOptions = {}): Promise<void> {
    await this.files.download(modelId, options);
  }

  /** Unload a model, delete its saved files, and any that wllama's own cache kept (older versions). */
  async deleteModel(modelId: string): Promise<void> {
    if (this.loaded().includes(modelId)) await this.unload([modelId]);
    await this.files.deleteModel(modelId);
    const { url } = await this.resolve(modelId).catch(() => ({ url: "" }));
    const manager = new ModelManager({ logger: quiet });
    const legacy = await manager.getModels({ includeInvalid: true }).catch(() => []);
    for (const model of legacy.filter((m) => m.url === url)) await model.remove();
  }
}
