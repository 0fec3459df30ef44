import { describe, expect, it } from "vitest";
import { routeCaches, splitCaches, type DownloadingCache } from "./model-cache";

function fakeCache(name: string, has: string[], log: string[]): DownloadingCache {
  return {
    cachedModelIds: async (ids) => (log.push(`${name}:list`), ids.filter((id) => has.includes(id))),
    deleteModel: async (id) => void log.push(`${name}:delete:${id}`),
    download: async (id) => void log.push(`${name}:download:${id}`),
  };
}

describe("routeCaches", () => {
  const runtimeOf = (id: string) => (id.endsWith("-GGUF") ? "wllama" : "webllm");

  it("asks each model of its own runtime's cache, in the order given", async () => {
    const log: string[] = [];
    const gpu = fakeCache("gpu", ["a-MLC"], log);
    const cpu = fakeCache("cpu", ["b-GGUF"], log);
    const cache = routeCaches(runtimeOf, (r) => Promise.resolve(r === "wllama" ? cpu : gpu));
    expect(await cache.cachedModelIds(["b-GGUF", "c-MLC", "a-MLC"])).toEqual(["b-GGUF", "a-MLC"]);
    await cache.download("b-GGUF", {});
    await cache.deleteModel("a-MLC");
    expect(log).toEqual(["cpu:list", "gpu:list", "cpu:download:b-GGUF", "gpu:delete:a-MLC"]);
  });

  it("keeps one runtime's answers when another's cache fails; all failing is an error", async () => {
    const cpu = fakeCache("cpu", ["b-GGUF"], []);
    const half = routeCaches(runtimeOf, (r) =>
      r === "wllama" ? Promise.resolve(cpu) : Promise.reject(new Error("no worker")),
    );
    expect(await half.cachedModelIds(["a-MLC", "b-GGUF"])).toEqual(["b-GGUF"]);
    const none = routeCaches(runtimeOf, () => Promise.reject(new Error("blocked")));
    await expect(none.cachedModelIds(["a-MLC"])).rejects.toThrow("blocked");
    const unwired = routeCaches(runtimeOf, (r) => (r === "wllama" ? Promise.resolve(cpu) : null));
    expect(await unwired.cachedModelIds(["a-MLC", "b-GGUF"])).toEqual(["b-GGUF"]);
    await expect(unwired.download("a-MLC", {})).rejects.toMatchObject({ code: "invalid-request" });
  });
});

describe("splitCaches", () => {
  it("asks each model of its own cache and deletes it there", async () => {
    const cache = (held: string[], deleted: string[]) => ({
      cachedModelIds: async (ids: string[]) => ids.filter((id) => held.includes(id)),
      deleteModel: async (id: string) => void deleted.push(id),
    });
    const gone: string[][] = [[], []];
    const both = splitCaches(
      (id) => id.endsWith("-MLC"),
      cache(["a-MLC"], gone[0]!),
      cache(["b-GGUF", "a-MLC"], gone[1]!),
    );
    // "a-MLC" is asked of the first cache only; the order of the question is kept.
    expect(await both.cachedModelIds(["b-GGUF", "c-MLC", "a-MLC"])).toEqual(["b-GGUF", "a-MLC"]);
    await both.deleteModel("b-GGUF");
    await both.deleteModel("a-MLC");
    expect(gone).toEqual([["a-MLC"], ["b-GGUF"]]);
  });
});
