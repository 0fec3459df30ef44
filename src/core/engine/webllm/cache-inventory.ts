/**
 * web-llm's model cache read and cleared without web-llm: the same files, in the same buckets
 * ("webllm/model" for the weights, their manifest and the tokenizer, "webllm/config" for the chat
 * config, "webllm/wasm" for the library), keyed by the same URLs as web-llm 0.2.86 uses
 * (`hasModelInCache`, `deleteModelAllInfoInCache` in node_modules/@mlc-ai/web-llm/lib/index.js).
 * The Models view lists and deletes downloads through it, so opening the view never starts the
 * runtime. The storage itself (Cache API, IndexedDB) sits behind `ArtifactStore`.
 */
import { cachedAmong, type ModelCache } from "../model-cache";
import { chatConfigUrl, cleanModelUrl, tensorCacheUrl } from "./model-urls";

/** One of web-llm's buckets: the URLs it holds, reading a JSON file, deleting files. */
export interface ArtifactStore {
  /** Every URL stored; empty when the bucket does not exist (it is never created by asking). */
  urls(): Promise<ReadonlySet<string>>;
  json(url: string): Promise<unknown>;
  delete(urls: readonly string[]): Promise<void>;
}

export type ArtifactScope = "webllm/model" | "webllm/config" | "webllm/wasm";

/** Where a model's files live: its folder and its library. */
export interface ModelLocation {
  modelUrl: string;
  modelLibUrl: string;
}

interface Manifest {
  records: { dataPath: string }[];
}

function shardsOf(manifest: unknown, modelUrl: string): string[] {
  const records = (manifest as Partial<Manifest> | null)?.records;
  if (!Array.isArray(records)) return [];
  const base = cleanModelUrl(modelUrl);
  return records
    .filter((r) => typeof r?.dataPath === "string")
    .map((r) => new URL(r.dataPath, base).href);
}

/** `ModelCache` over web-llm's buckets; `locate` gives a model's URLs (undefined: unknown). */
export class WebLlmCacheInventory implements ModelCache {
  readonly #store: (scope: ArtifactScope) => ArtifactStore;
  readonly #locate: (modelId: string) => ModelLocation | undefined;

  constructor(
    store: (scope: ArtifactScope) => ArtifactStore,
    locate: (modelId: string) => ModelLocation | undefined,
  ) {
    this.#store = store;
    this.#locate = locate;
  }

  /** Models whose manifest and every weight shard are stored (web-llm's own test). */
  async cachedModelIds(modelIds: string[]): Promise<string[]> {
    const weights = this.#store("webllm/model");
    const stored = await weights.urls();
    if (stored.size === 0) return [];
    return cachedAmong(modelIds, async (id) => {
      const where = this.#locate(id);
      if (!where) return false;
      const manifestUrl = tensorCacheUrl(where.modelUrl);
      if (!stored.has(manifestUrl)) return false;
      const shards = shardsOf(await weights.json(manifestUrl), where.modelUrl);
      return shards.length > 0 && shards.every((url) => stored.has(url));
    });
  }

  /** Delete the model's weights, manifest, tokenizer, chat config and library. */
  async deleteModel(modelId: string): Promise<void> {
    const where = this.#locate(modelId);
    if (!where) return;
    const weights = this.#store("webllm/model");
    const manifestUrl = tensorCacheUrl(where.modelUrl);
    const stored = await weights.urls();
    const shards = stored.has(manifestUrl)
      ? shardsOf(await weights.json(manifestUrl), where.modelUrl)
      : [];
    const folder = cleanModelUrl(where.modelUrl);
    await weights.delete([
      ...shards,
      manifestUrl,
      new URL("tokenizer.model", folder).href,
      new URL("tokenizer.json", folder).href,
    ]);
    await this.#store("webllm/config").delete([chatConfigUrl(where.modelUrl)]);
    await this.#store("webllm/wasm").delete([where.modelLibUrl]);
  }
}
