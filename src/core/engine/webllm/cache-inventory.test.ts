import { describe, expect, it } from "vitest";
import { WebLlmCacheInventory, type ArtifactScope, type ArtifactStore } from "./cache-inventory";

const HF = "https://huggingface.co/mlc-ai";
const models = {
  a: { modelUrl: `${HF}/A-MLC`, modelLibUrl: "https://libs.example/a.wasm" },
  b: { modelUrl: `${HF}/B-MLC`, modelLibUrl: "https://libs.example/b.wasm" },
};
const folder = (id: keyof typeof models) => `${models[id].modelUrl}/resolve/main/`;

/** Buckets in memory: URL → JSON value (or a placeholder for binary files). */
function memory() {
  const buckets = new Map<ArtifactScope, Map<string, unknown>>();
  const bucket = (scope: ArtifactScope) => {
    let b = buckets.get(scope);
    if (!b) buckets.set(scope, (b = new Map()));
    return b;
  };
  const store = (scope: ArtifactScope): ArtifactStore => ({
    urls: async () => new Set(bucket(scope).keys()),
    json: async (url) => bucket(scope).get(url),
    delete: async (urls) => {
      for (const url of urls) bucket(scope).delete(url);
    },
  });
  return { bucket, store };
}

function seed(
  m: ReturnType<typeof memory>,
  id: keyof typeof models,
  shards: number,
  kept = shards,
) {
  const base = folder(id);
  const records = Array.from({ length: shards }, (_, i) => ({
    dataPath: `params_shard_${i}.bin`,
    nbytes: 1000,
  }));
  m.bucket("webllm/model").set(`${base}tensor-cache.json`, { records });
  for (let i = 0; i < kept; i++)
    m.bucket("webllm/model").set(`${base}params_shard_${i}.bin`, "bin");
  m.bucket("webllm/model").set(`${base}tokenizer.json`, "tok");
  m.bucket("webllm/config").set(`${base}mlc-chat-config.json`, {});
  m.bucket("webllm/wasm").set(models[id].modelLibUrl, "wasm");
}

const locate = (id: string) => models[id as keyof typeof models];

describe("WebLlmCacheInventory", () => {
  it("lists a model only when its manifest and every shard are stored", async () => {
    const m = memory();
    seed(m, "a", 3);
    seed(m, "b", 3, 2); // an interrupted download
    const inventory = new WebLlmCacheInventory(m.store, locate);
    expect(await inventory.cachedModelIds(["a", "b", "unknown"])).toEqual(["a"]);
  });

  it("answers none for an empty cache without reading manifests", async () => {
    const m = memory();
    const inventory = new WebLlmCacheInventory(m.store, locate);
    expect(await inventory.cachedModelIds(["a", "b"])).toEqual([]);
  });

  it("deletes a model's weights, manifest, tokenizer, config and library, and nothing else", async () => {
    const m = memory();
    seed(m, "a", 2);
    seed(m, "b", 2);
    const inventory = new WebLlmCacheInventory(m.store, locate);
    await inventory.deleteModel("a");
    expect(await inventory.cachedModelIds(["a", "b"])).toEqual(["b"]);
    const left = [...m.bucket("webllm/model").keys(), ...m.bucket("webllm/config").keys()];
    expect(left.every((url) => url.startsWith(folder("b")))).toBe(true);
    expect([...m.bucket("webllm/wasm").keys()]).toEqual([models.b.modelLibUrl]);
  });
});
