import { describe, expect, it } from "vitest";
import { modelKey, parseContext, parseParamsB, parseQuant, sizeLabel } from "./parse-id";

describe("parseParamsB / sizeLabel", () => {
  it.each([
    ["Qwen2.5-1.5B-Instruct-q4f16_1-MLC", 1.5, "1.5B"],
    ["SmolLM2-360M-Instruct-q4f32_1-MLC", 0.36, "360M"],
    ["gemma-4-E2B-it-q4f16_1-MLC", 2, "E2B"],
    ["stablelm-2-zephyr-1_6b-q4f16_1-MLC", 1.6, "1.6B"],
    ["gemma-2-2b-jpn-it-q4f16_1-MLC", 2, "2B"],
    ["Llama-3.1-70B-Instruct-q3f16_1-MLC", 70, "70B"],
    ["Ministral-3-3B-Reasoning-2512-q4f16_1-MLC", 3, "3B"],
    ["OLMo-2-0425-1B-Instruct-q4f16_1-MLC", 1, "1B"],
  ])("%s → %s B", (id, params, label) => {
    expect(parseParamsB(id)).toBeCloseTo(params, 6);
    expect(sizeLabel(id)).toBe(label);
  });

  it("returns null when the id names no size", () => {
    expect(parseParamsB("Phi-3.5-mini-instruct-q4f16_1-MLC")).toBeNull();
    expect(parseParamsB("snowflake-arctic-embed-m-q0f32-MLC-b32")).toBeNull();
    expect(sizeLabel("phi-2-q4f16_1-MLC")).toBeNull();
  });
});

describe("parseQuant", () => {
  it.each([
    ["Qwen3-1.7B-q4f16_1-MLC", "q4f16_1", 4, "f16"],
    ["Qwen3-1.7B-q4f32_1-MLC", "q4f32_1", 4, "f32"],
    ["Qwen3-0.6B-q0f16-MLC", "q0f16", 16, "f16"],
    ["Qwen3-0.6B-q0f32-MLC", "q0f32", 32, "f32"],
    ["Llama-3.1-70B-Instruct-q3f16_1-MLC", "q3f16_1", 3, "f16"],
  ])("%s", (id, code, weightBits, dtype) => {
    expect(parseQuant(id)).toEqual({ code, weightBits, dtype });
  });

  it("ignores BF16 in a model name and returns null without a code", () => {
    expect(parseQuant("Ministral-3-3B-Instruct-2512-BF16-q4f32_1-MLC")?.code).toBe("q4f32_1");
    expect(parseQuant("my-model")).toBeNull();
  });
});

describe("parseContext", () => {
  it("prefers the override, then -1k, then ctx in the library", () => {
    expect(parseContext("X-q4f16_1-MLC-1k", "lib", 4096)).toBe(4096);
    expect(parseContext("X-q4f16_1-MLC-1k", "lib")).toBe(1024);
    expect(parseContext("e-q0f32-MLC-b4", "e-ctx512_cs512_batch4-webgpu.wasm")).toBe(512);
    expect(parseContext("X-q4f16_1-MLC", "X-webgpu.wasm")).toBeNull();
  });
});

describe("modelKey", () => {
  it.each([
    ["Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC", "Qwen2.5-Coder-1.5B-Instruct"],
    ["Phi-3.5-mini-instruct-q4f32_1-MLC-1k", "Phi-3.5-mini-instruct"],
    ["Qwen3-0.6B-q0f16-MLC", "Qwen3-0.6B"],
    ["snowflake-arctic-embed-s-q0f32-MLC-b4", "snowflake-arctic-embed-s"],
    ["plain-id", "plain-id"],
  ])("%s → %s", (id, key) => {
    expect(modelKey(id)).toBe(key);
  });
});
