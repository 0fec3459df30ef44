import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import type { ModelCache } from "../../core/engine/model-cache";
import { CachedModels } from "./cache.svelte";

function fakeWorker(
  cached: string[],
  failOn = new Set<string>(),
): ModelCache & { set: Set<string> } {
  const set = new Set(cached);
  return {
    set,
    cachedModelIds: async (ids) => ids.filter((id) => set.has(id)),
    deleteModel: async (id) => {
      if (failOn.has(id)) throw new PolymathError("storage-unavailable", "Locked.");
      set.delete(id);
    },
  };
}

describe("ModelCache", () => {
  it("scans, marks downloads and deletes one model", async () => {
    const worker = fakeWorker(["a", "b"]);
    let refreshed = 0;
    const cache = new CachedModels(
      async () => worker,
      async () => void refreshed++,
    );
    expect(cache.scanned).toBe(false);
    await cache.scan(["a", "b", "c"]);
    expect([...cache.cached]).toEqual(["a", "b"]);
    expect(cache.scanned).toBe(true);
    cache.markCached("c");
    await cache.remove("a");
    expect([...cache.cached].sort()).toEqual(["b", "c"]);
    expect(worker.set.has("a")).toBe(false);
    expect(refreshed).toBe(1);
  });

  it("deletes all it can and reports the first failure", async () => {
    const worker = fakeWorker(["a", "b", "c"], new Set(["b"]));
    const cache = new CachedModels(async () => worker);
    await cache.scan(["a", "b", "c"]);
    await cache.removeAll();
    expect([...cache.cached]).toEqual(["b"]);
    expect(cache.error?.code).toBe("storage-unavailable");
    expect(cache.deleting).toBeNull();
  });

  it("keeps the error when the engine cannot start", async () => {
    const cache = new CachedModels(async () => {
      throw new PolymathError("engine-crashed", "No worker.");
    });
    await cache.scan(["a"]);
    expect(cache.error?.code).toBe("engine-crashed");
    expect(cache.scanned).toBe(false);
  });
});
