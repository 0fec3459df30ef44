/**
 * Exact download sizes, read on demand from each model's tensor-cache.json (a few kB) and kept
 * in memory. With the Cache API backend a cached model's manifest is read from web-llm's own
 * cache first, so sizes of downloaded models show offline too.
 */
import { sumManifestBytes } from "../../core/catalog/size";
import type { CatalogEntry } from "../../core/catalog/types";
import type { CacheBackend } from "../../core/engine/webllm/app-config";
import { PolymathError, toPolymathError } from "../../core/errors";
import { tensorCacheUrl } from "../../core/engine/webllm/model-urls";

/** web-llm's Cache API bucket for weights and their manifest (`ArtifactCache` scope). */
const WEBLLM_MODEL_CACHE = "webllm/model";

export type SizeInfo =
  | { status: "checking" }
  | { status: "exact"; bytes: number }
  | { status: "unavailable"; error: PolymathError };

export class ModelSizes {
  sizes = $state<Record<string, SizeInfo>>({});
  #backend: () => CacheBackend;
  #fetch: typeof fetch;

  constructor(backend: () => CacheBackend, fetchFn: typeof fetch = (...a) => fetch(...a)) {
    this.#backend = backend;
    this.#fetch = fetchFn;
  }

  /** Exact bytes when the manifest was read. */
  bytes(modelId: string): number | undefined {
    const info = this.sizes[modelId];
    return info?.status === "exact" ? info.bytes : undefined;
  }

  /** Read the manifest once (again after a failure); resolves when done, never rejects. */
  async check(entry: CatalogEntry): Promise<void> {
    const current = this.sizes[entry.id]?.status;
    if (current === "exact" || current === "checking") return;
    this.sizes[entry.id] = { status: "checking" };
    try {
      const url = tensorCacheUrl(entry.modelUrl);
      const manifest = (await this.#fromCache(url)) ?? (await this.#fromNetwork(url));
      this.sizes[entry.id] = { status: "exact", bytes: sumManifestBytes(manifest) };
    } catch (e) {
      this.sizes[entry.id] = { status: "unavailable", error: toPolymathError(e) };
    }
  }

  async #fromCache(url: string): Promise<unknown> {
    if (this.#backend() !== "cache" || typeof caches === "undefined") return undefined;
    try {
      const hit = await (await caches.open(WEBLLM_MODEL_CACHE)).match(url);
      return hit ? await hit.json() : undefined;
    } catch {
      return undefined;
    }
  }

  async #fromNetwork(url: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(url, { signal: AbortSignal.timeout(15000) });
    } catch (e) {
      throw new PolymathError("network", "Could not read the model's file list (offline?).", {
        advice: "The size shown is an estimate; check it again when you are online.",
        cause: e,
      });
    }
    if (!response.ok) {
      throw new PolymathError(
        response.status === 404 ? "not-found" : "network",
        `The model's file list answered ${response.status}.`,
        { advice: "The size shown is an estimate.", details: { status: response.status } },
      );
    }
    return response.json();
  }
}
