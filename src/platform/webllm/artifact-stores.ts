/**
 * web-llm's buckets as the page sees them, for `WebLlmCacheInventory`: the Cache API backend
 * (one cache per scope) and the IndexedDB backend (one database per scope, object store "urls"
 * keyed by `url`, each record `{ url, data }`). Neither creates a bucket that is not there. OPFS
 * has no page reader here: with it the runtime answers (`null`).
 */
import type { CacheBackend, ModelCache } from "../../core/engine/model-cache";
import {
  WebLlmCacheInventory,
  type ArtifactScope,
  type ArtifactStore,
  type ModelLocation,
} from "../../core/engine/webllm/cache-inventory";

const NOTHING: ReadonlySet<string> = new Set();

function cacheApiStore(scope: string): ArtifactStore {
  const open = async (): Promise<Cache | null> =>
    typeof caches !== "undefined" && (await caches.has(scope)) ? caches.open(scope) : null;
  return {
    async urls() {
      const cache = await open();
      if (!cache) return NOTHING;
      return new Set((await cache.keys()).map((request) => request.url));
    },
    async json(url) {
      const hit = await (await open())?.match(url);
      return hit ? hit.json() : undefined;
    },
    async delete(urls) {
      const cache = await open();
      if (cache) await Promise.all(urls.map((url) => cache.delete(url)));
    },
  };
}

const settle = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });

function indexedDbStore(name: string): ArtifactStore {
  const open = async (): Promise<IDBDatabase | null> => {
    if (typeof indexedDB === "undefined") return null;
    const known = await indexedDB.databases?.();
    if (known && !known.some((d) => d.name === name)) return null;
    const request = indexedDB.open(name, 1);
    // As web-llm creates it, should it be missing after all.
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains("urls")) {
        request.result.createObjectStore("urls", { keyPath: "url" });
      }
    };
    const db = await settle(request);
    if (!db.objectStoreNames.contains("urls")) {
      db.close();
      return null;
    }
    return db;
  };
  const withStore = async <T>(
    mode: IDBTransactionMode,
    use: (store: IDBObjectStore) => Promise<T>,
    empty: T,
  ): Promise<T> => {
    const db = await open();
    if (!db) return empty;
    try {
      return await use(db.transaction("urls", mode).objectStore("urls"));
    } finally {
      db.close();
    }
  };
  return {
    urls: () =>
      withStore(
        "readonly",
        async (store) => new Set((await settle(store.getAllKeys())).map(String)),
        NOTHING,
      ),
    json: (url) =>
      withStore(
        "readonly",
        async (store) => ((await settle(store.get(url))) as { data?: unknown } | undefined)?.data,
        undefined,
      ),
    delete: (urls) =>
      withStore(
        "readwrite",
        async (store) => {
          await Promise.all(urls.map((url) => settle(store.delete(url))));
        },
        undefined,
      ),
  };
}

/** web-llm's cache for `backend`, read from the page; `null` where only the runtime can read it. */
export function pageModelCache(
  backend: CacheBackend,
  locate: (modelId: string) => ModelLocation | undefined,
): ModelCache | null {
  if (backend === "opfs") return null;
  const store = backend === "indexeddb" ? indexedDbStore : cacheApiStore;
  return new WebLlmCacheInventory((scope: ArtifactScope) => store(scope), locate);
}
