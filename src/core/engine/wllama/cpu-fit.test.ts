import { describe, expect, it } from "vitest";
import { cpuFit, kvCacheBytes, kvShapeOf, ramNeededBytes, WASM_HEAP_MAX_BYTES } from "./cpu-fit";
import type { GgufModelFacts } from "./gguf-model";

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** Qwen2.5-0.5B-Instruct's shape, as its GGUF header states it. */
const QWEN_05B: GgufModelFacts = {
  architecture: "qwen2",
  blockCount: 24,
  headCountKv: 2,
  keyLength: 64,
  valueLength: 64,
  vocabSize: 151936,
};

describe("kvCacheBytes", () => {
  it("counts keys and values of every layer, f16 unless told", () => {
    const shape = kvShapeOf(QWEN_05B);
    expect(shape).toBeDefined();
    if (!shape) return;
    // 24 layers × 4096 tokens × 2 KV heads × (64 + 64) values × 2 bytes.
    expect(kvCacheBytes(shape, 4096)).toBe(48 * MIB);
    expect(kvCacheBytes(shape, 4096, 1)).toBe(24 * MIB);
    expect(kvCacheBytes(shape, 2048)).toBe(24 * MIB);
  });

  it("has no shape without the sizes", () => {
    expect(kvShapeOf({ architecture: "llama", blockCount: 2 })).toBeUndefined();
  });
});

describe("ramNeededBytes", () => {
  it("adds the file, the KV cache and one batch of logits", () => {
    const fileBytes = 398 * MIB;
    const needed = ramNeededBytes({ fileBytes, facts: QWEN_05B, nCtx: 4096 });
    expect(needed).toBe(fileBytes + 48 * MIB + 151936 * 4 * 512);
  });

  it("grows with the context and counts only the file when the header lacks shapes", () => {
    const small = ramNeededBytes({ fileBytes: 0, facts: QWEN_05B, nCtx: 1024 });
    const large = ramNeededBytes({ fileBytes: 0, facts: QWEN_05B, nCtx: 8192 });
    expect(large - small).toBe(84 * MIB);
    expect(ramNeededBytes({ fileBytes: 5, facts: { architecture: "x" }, nCtx: 4096 })).toBe(5);
  });
});

describe("cpuFit", () => {
  it("fits a small model in a roomy budget", () => {
    expect(cpuFit({ fileSizes: [400 * MIB], ramNeeded: 800 * MIB, budgetBytes: 4 * GIB })).toEqual({
      fits: true,
      problems: [],
    });
  });

  it("names each reason a model cannot run", () => {
    const fit = cpuFit({ fileSizes: [3 * GIB], ramNeeded: 5 * GIB, budgetBytes: 2 * GIB });
    expect(fit.fits).toBe(false);
    expect(fit.problems.map((p) => p.problem)).toEqual([
      "file-too-large",
      "over-wasm-limit",
      "over-budget",
    ]);
    expect(fit.problems[0]?.message).toMatch(/split GGUF/);
  });

  it("accepts a split model whose parts are each under 2 GiB", () => {
    const parts = [1.5 * GIB, 1.5 * GIB];
    const fit = cpuFit({
      fileSizes: parts,
      ramNeeded: WASM_HEAP_MAX_BYTES - 1,
      budgetBytes: 8 * GIB,
    });
    expect(fit.fits).toBe(true);
  });
});
