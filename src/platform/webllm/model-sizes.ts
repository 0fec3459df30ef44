/**
 * Exact download sizes of web-llm models, from each model's tensor-cache.json (a few kB). With
 * the Cache API backend a cached model's manifest is read from web-llm's own cache first, so
 * sizes of downloaded models show offline too.
 */
import { sumManifestBytes } from "../../core/catalog/size";
import type { CacheBackend } from "../../core/engine/model-cache";
import { tensorCacheUrl } from "../../core/engine/webllm/model-urls";
import { PolymathError } from "../../core/errors";

/** web-llm's Cache API bucket for weights and their manifest (`ArtifactCache` scope). */
const WEBLLM_MODEL_CACHE = "webllm/model";

/** Reads the bytes a model's download takes; rejects with a PolymathError. */
export type DownloadSizeReader = (entry: { modelUrl: string }) => Promise<number>;

export function webllmDownloadSize(
  backend: () => CacheBackend,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): DownloadSizeReader {
  return async (entry) => {
    const url = tensorCacheUrl(entry.modelUrl);
    const manifest = (await fromCache(backend(), url)) ?? (await fromNetwork(fetchFn, url));
    return sumManifestBytes(manifest);
  };
}

async function fromCache(backend: CacheBackend, url: string): Promise<unknown> {
  if (backend !== "cache" || typeof caches === "undefined") return undefined;
  try {
    const hit = await (await caches.open(WEBLLM_MODEL_CACHE)).match(url);
    return hit ? await hit.json() : undefined;
  } catch {
    return undefined;
  }
}

async function fromNetwork(fetchFn: typeof fetch, url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url, { signal: AbortSignal.timeout(15000) });
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
