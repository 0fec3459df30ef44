import { describe, expect, it } from "vitest";
import { isPolymathError } from "../errors";
import { entryFromRecord } from "./build-catalog";
import { estimateDownloadMB, sumManifestBytes } from "./size";

/** Fixture in the shape of a model's tensor-cache.json (two shards, trimmed tensor lists). */
const manifest = {
  metadata: { ParamSize: 3, ParamBytes: 48_000_000, BitsPerParam: 4.5 },
  records: [
    {
      dataPath: "params_shard_0.bin",
      format: "raw-shard",
      nbytes: 32_000_000,
      records: [
        {
          name: "model.embed_tokens.q_weight",
          shape: [151936, 192],
          dtype: "uint32",
          format: "f32-to-bf16",
          nbytes: 116686848,
          byteOffset: 0,
        },
      ],
      md5sum: "0",
    },
    { dataPath: "params_shard_1.bin", format: "raw-shard", nbytes: 16_000_000, records: [] },
  ],
};

describe("sumManifestBytes", () => {
  it("sums the shard sizes, not the tensors inside them", () => {
    expect(sumManifestBytes(manifest)).toBe(48_000_000);
    expect(sumManifestBytes({ records: [] })).toBe(0);
  });

  it("rejects what is not a manifest", () => {
    for (const bad of [
      null,
      42,
      {},
      { records: {} },
      { records: [{ dataPath: "a" }] },
      { records: [{ nbytes: -1 }] },
    ]) {
      let thrown: unknown;
      try {
        sumManifestBytes(bad);
      } catch (e) {
        thrown = e;
      }
      expect(isPolymathError(thrown, "malformed-input"), JSON.stringify(bad)).toBe(true);
    }
  });
});

describe("estimateDownloadMB", () => {
  const entry = (id: string) => entryFromRecord({ model: "", model_id: id, model_lib: "" });

  it("multiplies parameters by effective bits and labels it an estimate", () => {
    // 1.5e9 weights × 4.5 bits / 8 = 843.75e6 bytes ≈ 805 MiB
    expect(estimateDownloadMB(entry("Qwen2.5-1.5B-Instruct-q4f16_1-MLC"))).toEqual({
      mb: 805,
      label: "≈ 805 MB (estimate)",
    });
    // f32 scales cost more, unquantized f32 costs 32 bits per weight
    const q4f32 = estimateDownloadMB(entry("Qwen2.5-1.5B-Instruct-q4f32_1-MLC"))!.mb;
    expect(q4f32).toBeGreaterThan(805);
    expect(estimateDownloadMB(entry("Qwen3-0.6B-q0f32-MLC"))!.mb).toBe(
      Math.round((0.6e9 * 4) / 1024 ** 2),
    );
  });

  it("returns null when size or quantization is unknown", () => {
    expect(estimateDownloadMB(entry("mystery-model"))).toBeNull();
    expect(estimateDownloadMB(entry("Foo-1B"))).toBeNull();
  });
});
