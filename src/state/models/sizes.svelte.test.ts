import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../core/catalog/build-catalog";
import { webllmDownloadSize } from "../../platform/webllm/model-sizes";
import { ModelSizes } from "./sizes.svelte";

const [entry] = buildCatalog([
  {
    model: "https://huggingface.co/mlc-ai/Tiny-q4f32_1-MLC",
    model_id: "Tiny-q4f32_1-MLC",
    model_lib: "https://example.org/v0_2_86/tiny.wasm",
  },
]);
if (!entry) throw new Error("fixture entry");
// Fixture manifest: two shards.
const manifest = { metadata: {}, records: [{ nbytes: 1000 }, { nbytes: 234 }] };

describe("ModelSizes", () => {
  it("sums the manifest once, from the URL web-llm uses, and keeps it", async () => {
    const urls: string[] = [];
    const sizes = new ModelSizes(
      webllmDownloadSize(
        () => "indexeddb",
        async (input) => {
          urls.push(String(input));
          return Response.json(manifest);
        },
      ),
    );
    await sizes.check(entry);
    await sizes.check(entry);
    expect(sizes.bytes(entry.id)).toBe(1234);
    expect(urls).toEqual([
      "https://huggingface.co/mlc-ai/Tiny-q4f32_1-MLC/resolve/main/tensor-cache.json",
    ]);
  });

  it("says when it cannot read the size offline, and tries again later", async () => {
    let online = false;
    const sizes = new ModelSizes(
      webllmDownloadSize(
        () => "indexeddb",
        async () => {
          if (!online) throw new TypeError("Failed to fetch");
          return Response.json(manifest);
        },
      ),
    );
    await sizes.check(entry);
    expect(sizes.sizes[entry.id]).toMatchObject({
      status: "unavailable",
      error: { code: "network" },
    });
    expect(sizes.bytes(entry.id)).toBeUndefined();
    online = true;
    await sizes.check(entry);
    expect(sizes.bytes(entry.id)).toBe(1234);
  });

  it("reports a missing manifest as not-found", async () => {
    const sizes = new ModelSizes(
      webllmDownloadSize(
        () => "cache",
        async () => new Response("", { status: 404 }),
      ),
    );
    await sizes.check(entry);
    expect(sizes.sizes[entry.id]).toMatchObject({ error: { code: "not-found" } });
  });
});
