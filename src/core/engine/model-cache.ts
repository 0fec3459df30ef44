/**
 * Model files kept on the device: the one interface a runtime that downloads models implements
 * (web-llm's adapter in its worker, and the worker's client on the main thread), and the
 * storage backends the user can pick for it.
 */
import { PolymathError } from "../errors";
import type { LoadOptions } from "./types";

/** Where downloaded weights are kept ("cache": the Cache API). */
export type CacheBackend = "cache" | "indexeddb" | "opfs";

export const CACHE_BACKENDS: readonly CacheBackend[] = ["cache", "indexeddb", "opfs"];

export interface ModelCache {
  /** Those of `modelIds` whose files are all in the cache, in one call. */
  cachedModelIds(modelIds: string[]): Promise<string[]>;
  /** Delete a model's weights, config and library. */
  deleteModel(modelId: string): Promise<void>;
}

/** A model cache that can also fill itself: what the Models view's downloads run on. */
export interface DownloadingCache extends ModelCache {
  /** Fetch every file of `modelId` into the cache; rejects when it did not all arrive. */
  download(modelId: string, options: LoadOptions): Promise<void>;
}

const CHECKS_AT_ONCE = 6;

/**
 * `cachedModelIds` over a per-model check, a few at a time (a cache may open a database per
 * question). A model whose check fails counts as not cached, unless every check fails: then the
 * cache itself is unreadable and the first error is thrown.
 */
export async function cachedAmong(
  modelIds: readonly string[],
  has: (modelId: string) => Promise<boolean>,
): Promise<string[]> {
  const cached = new Array<boolean>(modelIds.length).fill(false);
  let failures = 0;
  let firstError: unknown;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < modelIds.length) {
      const index = next++;
      try {
        cached[index] = await has(modelIds[index] ?? "");
      } catch (e) {
        failures++;
        firstError ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECKS_AT_ONCE, modelIds.length) }, worker));
  if (modelIds.length > 0 && failures === modelIds.length) throw firstError;
  return modelIds.filter((_, i) => cached[i]);
}

/** A download that ended before all its files were saved (another load can interrupt one). */
export function downloadInterrupted(modelId: string): PolymathError {
  return new PolymathError(
    "download-interrupted",
    `The download of ${modelId} stopped before all its files were saved.`,
    {
      advice:
        "Resume: the parts already saved are kept. Another load in Chat or Compare can interrupt a download.",
      details: { modelId },
    },
  );
}

/**
 * One `DownloadingCache` over the caches of several runtimes, each model asked of its own
 * runtime's cache; a runtime's cache starts only when a model of it is asked about.
 */
export function routeCaches<R extends string>(
  runtimeOf: (modelId: string) => R,
  cacheOf: (runtime: R) => Promise<DownloadingCache> | null,
): DownloadingCache {
  const cache = (modelId: string): Promise<DownloadingCache> =>
    cacheOf(runtimeOf(modelId)) ??
    Promise.reject(
      new PolymathError("invalid-request", `${modelId} is not downloaded into this browser.`, {
        details: { modelId },
      }),
    );
  return {
    async cachedModelIds(modelIds) {
      const groups = new Map<R, { cache: Promise<DownloadingCache>; ids: string[] }>();
      for (const id of modelIds) {
        const runtime = runtimeOf(id);
        const group = groups.get(runtime);
        if (group) {
          group.ids.push(id);
          continue;
        }
        const c = cacheOf(runtime);
        if (c) groups.set(runtime, { cache: c, ids: [id] });
      }
      const found = await Promise.allSettled(
        [...groups.values()].map(async ({ cache: c, ids }) => (await c).cachedModelIds(ids)),
      );
      // One runtime's cache failing leaves the others' answers; all failing is an error.
      const failed = found.find((r) => r.status === "rejected");
      if (failed && found.every((r) => r.status === "rejected")) throw failed.reason;
      const cached = new Set(found.flatMap((r) => (r.status === "fulfilled" ? r.value : [])));
      return modelIds.filter((id) => cached.has(id));
    },
    deleteModel: async (modelId) => (await cache(modelId)).deleteModel(modelId),
    download: async (modelId, options) => (await cache(modelId)).download(modelId, options),
  };
}

/**
 * One `ModelCache` over two ready caches: the models `inFirst` picks are asked of `first`, the
 * others of `second` (the Models view reads web-llm's files from the page and asks the other
 * runtimes their own).
 */
export function splitCaches(
  inFirst: (modelId: string) => boolean,
  first: ModelCache,
  second: ModelCache,
): ModelCache {
  return {
    async cachedModelIds(modelIds) {
      const a = modelIds.filter(inFirst);
      const b = modelIds.filter((id) => !inFirst(id));
      const found = await Promise.all([
        a.length ? first.cachedModelIds(a) : [],
        b.length ? second.cachedModelIds(b) : [],
      ]);
      const cached = new Set(found.flat());
      return modelIds.filter((id) => cached.has(id));
    },
    deleteModel: (modelId) => (inFirst(modelId) ? first : second).deleteModel(modelId),
  };
}
