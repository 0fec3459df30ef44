/**
 * The CPU runtime as the app holds it: the `WllamaEngine` (llama.cpp in wllama's own worker) plus
 * the model cache the Models view downloads into, for every GGUF model of the catalog. This module
 * pulls in wllama, so the app reaches it only through `import()`; the WebAssembly itself is
 * fetched only when a model loads.
 *
 * A catalog model names a Hugging Face repository: its file is picked from the repository's file
 * list when first needed (`resolve`), and the size the list gives is checked against what was
 * saved. wllama keeps each file with its expected size beside it and writes that record only after
 * the whole body arrived, so a download cut mid-way never counts as present: the inventory lists
 * only complete models, and a new download drops what a cut one left and fetches it again.
 */
import { ModelManager, ModelValidationStatus, type Model } from "@wllama/wllama";
import {
  hfFileUrl,
  hfTreeUrl,
  noGgufFile,
  parseHfTree,
  pickGgufFile,
  type PickedGguf,
} from "../../core/catalog/gguf-files";
import type { GgufSource } from "../../core/catalog/types";
import { cachedAmong, type DownloadingCache } from "../../core/engine/model-cache";
import type { ThreadPlan } from "../../core/engine/wllama/threads";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  LoadOptions,
  StreamOptions,
} from "../../core/engine/types";
import { PolymathError } from "../../core/errors";
import { createWllamaEngine, type WllamaRuntime } from "./create-wllama-engine";

export interface WllamaAppOptions {
  /** Where a model's GGUF comes from; undefined for ids that are no GGUF model. */
  sourceOf: (modelId: string) => GgufSource | undefined;
  /** Context to allocate for a model, tokens. */
  contextOf?: (modelId: string) => number | undefined;
  /** Threads asked for (tests); the plan still gives 1 without cross-origin isolation. */
  threads?: number;
}

/** A GGUF resolved to the file to fetch. */
export interface ResolvedGguf {
  url: string;
  /** Expected bytes of all parts, when the host listed them. */
  bytes?: number;
  file: string;
}

const quiet = { debug: () => {}, log: () => {}, warn: () => {}, error: () => {} };

export class WllamaAppRuntime implements Engine, DownloadingCache {
  readonly kind = "wllama";
  readonly #options: WllamaAppOptions;
  readonly #runtime: WllamaRuntime;
  readonly #manager = new ModelManager({ logger: quiet });
  readonly #resolved = new Map<string, ResolvedGguf>();

  constructor(options: WllamaAppOptions) {
    this.#options = options;
    this.#runtime = createWllamaEngine({
      resolveModel: (id) => {
        const resolved = this.#resolved.get(id);
        if (!resolved) return undefined;
        const nCtx = options.contextOf?.(id);
        return { source: { url: resolved.url }, ...(nCtx ? { nCtx } : {}) };
      },
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    });
  }

  /** Threads this page gives llama.cpp, and why; whether the compat build runs. */
  info(): { threadPlan: ThreadPlan; compat: boolean } {
    return { threadPlan: this.#runtime.threadPlan, compat: this.#runtime.compat };
  }

  /** The file a model downloads, resolved from its repository's file list once. */
  async resolve(modelId: string, signal?: AbortSignal): Promise<ResolvedGguf> {
    const known = this.#resolved.get(modelId);
    if (known) return known;
    const source = this.#options.sourceOf(modelId);
    if (!source) {
      throw new PolymathError("model-not-found", `No GGUF model is known as ${modelId}.`, {
        details: { modelId },
      });
    }
    let resolved: ResolvedGguf;
    if (source.kind === "url") {
      resolved = { url: source.url, file: decodeURIComponent(source.url.split("/").pop() ?? "") };
    } else {
      const picked = await this.#pick(source, signal);
      resolved = {
        url: hfFileUrl(source.repo, picked.path),
        bytes: picked.bytes,
        file: picked.path,
      };
    }
    this.#resolved.set(modelId, resolved);
    return resolved;
  }

  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    for (const id of modelIds) await this.resolve(id, options.signal);
    await this.#runtime.engine.load(modelIds, options);
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

  /** Models whose every file is saved whole (a cut download is not among them). */
  async cachedModelIds(modelIds: string[]): Promise<string[]> {
    const models = await this.#manager.getModels();
    return cachedAmong(modelIds, async (id) => (await this.#cachedModel(id, models)) !== null);
  }

  async deleteModel(modelId: string): Promise<void> {
    if (this.loaded().includes(modelId)) await this.unload([modelId]);
    const all = await this.#manager.getModels({ includeInvalid: true });
    for (const model of all.filter((m) => this.#matches(modelId, m.url))) await model.remove();
  }

  /**
   * Fetch a model's file(s) into wllama's cache with progress; what a cut download left is
   * dropped first, and the saved size is checked against the size the host announced.
   */
  async download(modelId: string, options: LoadOptions = {}): Promise<void> {
    const started = Date.now();
    const resolved = await this.resolve(modelId, options.signal);
    const all = await this.#manager.getModels({ includeInvalid: true });
    for (const stale of all.filter((m) => m.url === resolved.url)) {
      if (stale.validate() !== ModelValidationStatus.VALID) await stale.remove();
    }
    const report = (loaded: number, total: number) =>
      options.onProgress?.({
        modelId,
        phase: "fetching",
        fraction: total > 0 ? Math.min(1, loaded / total) : 0,
        text: `Downloading ${resolved.file}: ${(loaded / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB.`,
        loadedBytes: loaded,
        totalBytes: total,
        elapsedMs: Date.now() - started,
      });
    let model: Model;
    try {
      model = await this.#manager.downloadModel(resolved.url, {
        ...(options.signal ? { signal: options.signal } : {}),
        progressCallback: ({ loaded, total }) => report(loaded, total || resolved.bytes || 0),
      });
    } catch (e) {
      if (options.signal?.aborted) {
        throw new PolymathError("download-cancelled", "The download was cancelled.", {
          advice: "Download it again to start over; nothing half-saved is kept as a model.",
          details: { modelId },
        });
      }
      throw new PolymathError("network", `Could not download ${resolved.file}.`, {
        advice:
          "Check the connection and that the host allows this site (CORS); then download it again.",
        details: { modelId, url: resolved.url },
        cause: e,
      });
    }
    if (
      model.validate() !== ModelValidationStatus.VALID ||
      (resolved.bytes !== undefined && model.size !== resolved.bytes)
    ) {
      await model.remove().catch(() => {});
      throw new PolymathError(
        "download-interrupted",
        `The saved copy of ${resolved.file} is not the size the host announced.`,
        {
          advice: "Download it again: the broken copy was deleted.",
          details: { modelId, saved: model.size, expected: resolved.bytes ?? 0 },
        },
      );
    }
    report(model.size, model.size);
  }

  async #cachedModel(modelId: string, models: readonly Model[]): Promise<Model | null> {
    return models.find((m) => this.#matches(modelId, m.url)) ?? null;
  }

  /** Whether a cached file's URL is this model's: the resolved URL, else its repository's quant. */
  #matches(modelId: string, url: string): boolean {
    const resolved = this.#resolved.get(modelId);
    if (resolved) return resolved.url === url;
    const source = this.#options.sourceOf(modelId);
    if (!source) return false;
    if (source.kind === "url") return source.url === url;
    const prefix = `https://huggingface.co/${source.repo}/resolve/`;
    if (!url.startsWith(prefix)) return false;
    const name = decodeURIComponent(url.slice(url.lastIndexOf("/") + 1)).toLowerCase();
    return source.quants.some((q) => new RegExp(`[-_.]${q}(?=[-_.])`, "i").test(name));
  }

  async #pick(
    source: Extract<GgufSource, { kind: "repo" }>,
    signal?: AbortSignal,
  ): Promise<PickedGguf> {
    let response: Response;
    try {
      response = await fetch(hfTreeUrl(source.repo), { ...(signal ? { signal } : {}) });
    } catch (e) {
      throw new PolymathError("network", `Could not read the file list of ${source.repo}.`, {
        advice: "Check the connection; Hugging Face must be reachable to pick the file.",
        details: { repo: source.repo },
        cause: e,
      });
    }
    if (!response.ok) {
      throw new PolymathError(
        "network",
        `Hugging Face answered ${response.status} for the file list of ${source.repo}.`,
        {
          advice: "The repository may have moved; try again later.",
          details: { repo: source.repo },
        },
      );
    }
    const picked = pickGgufFile(parseHfTree(await response.json()), source.quants);
    if (!picked) throw noGgufFile(source.repo, source.quants);
    return picked;
  }
}
