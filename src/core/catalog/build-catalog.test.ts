import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { buildCatalog, entryFromRecord } from "./build-catalog";
import type { CustomModel } from "./custom";
import type { CatalogEntry, ModelRecord } from "./types";

const HF = "https://huggingface.co/mlc-ai/";
const LIB =
  "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/";

/** Fixture record shaped like web-llm's prebuilt entries. */
function record(id: string, extra: Partial<ModelRecord> = {}): ModelRecord {
  return { model: HF + id, model_id: id, model_lib: `${LIB}${id}-webgpu.wasm`, ...extra };
}

const real = buildCatalog(prebuiltAppConfig.model_list, [], []);
const byId = (id: string): CatalogEntry => {
  const entry = real.find((e) => e.id === id);
  if (!entry) throw new Error(`missing ${id}`);
  return entry;
};

describe("annotations of key models", () => {
  it("Qwen2.5 1.5B Instruct, Coder and Math share a base but not a role", () => {
    const instruct = byId("Qwen2.5-1.5B-Instruct-q4f16_1-MLC");
    const coder = byId("Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC");
    const math = byId("Qwen2.5-Math-1.5B-Instruct-q4f32_1-MLC");
    expect(new Set([instruct.base, coder.base, math.base])).toEqual(new Set(["Qwen2.5-1.5B"]));
    expect(instruct.role).toBe("generalist");
    expect(coder).toMatchObject({ role: "specialist", domains: ["code"], family: "Qwen2.5" });
    expect(math).toMatchObject({ role: "specialist", domains: ["math"], paramsB: 1.5 });
    expect(math.quant).toEqual({ code: "q4f32_1", weightBits: 4, dtype: "f32" });
  });

  it("Ministral 3 3B Instruct, Reasoning and Base share a base", () => {
    const ids = [
      "Ministral-3-3B-Instruct-2512-BF16-q4f16_1-MLC",
      "Ministral-3-3B-Reasoning-2512-q4f16_1-MLC",
      "Ministral-3-3B-Base-2512-q4f16_1-MLC",
    ];
    expect(ids.map((id) => byId(id).base)).toEqual(Array(3).fill("Ministral-3-3B"));
    expect(byId(ids[0]!).role).toBe("generalist");
    expect(byId(ids[1]!)).toMatchObject({ role: "specialist", domains: ["reasoning", "math"] });
  });

  it("Qwen3 is an all-round generalist with reasoning", () => {
    const q = byId("Qwen3-1.7B-q4f16_1-MLC");
    expect(q).toMatchObject({
      role: "generalist",
      family: "Qwen3",
      base: "Qwen3-1.7B",
      key: "Qwen3-1.7B",
    });
    expect(q.domains).toEqual(expect.arrayContaining(["code", "math", "reasoning", "chat"]));
  });

  it("specialists: R1 distill reasons, Hermes calls tools, gemma jpn speaks Japanese, WizardMath counts", () => {
    expect(byId("DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC")).toMatchObject({
      role: "specialist",
      base: "Qwen2.5-7B",
    });
    expect(byId("DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC").domains).toContain("reasoning");
    expect(byId("Hermes-3-Llama-3.2-3B-q4f16_1-MLC")).toMatchObject({ base: "Llama-3.2-3B" });
    expect(byId("Hermes-2-Pro-Mistral-7B-q4f16_1-MLC").domains).toContain("tools");
    expect(byId("gemma-2-2b-jpn-it-q4f16_1-MLC")).toMatchObject({
      role: "specialist",
      languages: ["ja"],
      base: byId("gemma-2-2b-it-q4f16_1-MLC").base,
    });
    expect(byId("WizardMath-7B-V1.1-q4f16_1-MLC")).toMatchObject({
      domains: ["math"],
      base: "Mistral-7B",
    });
  });

  it("embeddings are not chat models; vision models are marked", () => {
    const embed = byId("snowflake-arctic-embed-s-q0f32-MLC-b4");
    expect(embed).toMatchObject({ role: "embedding", kind: "embedding", chatCapable: false });
    expect(embed.domains).toEqual(["embedding"]);
    expect(embed.contextWindow).toBe(512);
    const vision = byId("Phi-3.5-vision-instruct-q4f16_1-MLC");
    expect(vision.kind).toBe("vlm");
    expect(vision.domains).toContain("vision");
  });

  it("context: overrides and -1k variants", () => {
    expect(byId("Phi-3.5-mini-instruct-q4f16_1-MLC-1k").contextWindow).toBe(1024);
    expect(byId("Phi-3.5-mini-instruct-q4f16_1-MLC").contextWindow).toBe(4096);
    expect(byId("Phi-3.5-mini-instruct-q4f16_1-MLC-1k").name).toMatch(/1k context/);
  });
});

describe("buildCatalog", () => {
  it("gives every real web-llm record one entry with its id, lib and memory", () => {
    const list = prebuiltAppConfig.model_list;
    expect(real).toHaveLength(list.length);
    expect(new Set(real.map((e) => e.id)).size).toBe(list.length);
    for (const [i, entry] of real.entries()) {
      expect(entry.id).toBe(list[i]!.model_id);
      expect(entry.vramMB).toBe(list[i]!.vram_required_MB ?? null);
      expect(entry.modelLibUrl).toBe(list[i]!.model_lib);
      expect(entry.key.length).toBeGreaterThan(0);
      expect(entry.base.length).toBeGreaterThan(0);
    }
  });

  it("annotates every real record (none left unknown) and requires shader-f16 for every f16 one", () => {
    expect(real.filter((e) => e.role === "unknown").map((e) => e.id)).toEqual([]);
    for (const entry of real) {
      expect(entry.requiredFeatures.includes("shader-f16")).toBe(entry.quant?.dtype === "f16");
    }
  });

  it("adds shader-f16 even where web-llm does not list it", () => {
    const qwen = prebuiltAppConfig.model_list.find((r) => r.model_id === "Qwen3-1.7B-q4f16_1-MLC");
    expect(qwen?.required_features ?? []).not.toContain("shader-f16");
    expect(byId("Qwen3-1.7B-q4f16_1-MLC").requiredFeatures).toEqual(["shader-f16"]);
  });

  it("keeps an unknown id with role unknown instead of crashing", () => {
    const entry = entryFromRecord(
      record("Zorblax-9B-Chat-q4f32_1-MLC", { vram_required_MB: 5000 }),
    );
    expect(entry).toMatchObject({
      role: "unknown",
      domains: [],
      family: "Zorblax",
      base: "Zorblax-9B",
      paramsB: 9,
      vramMB: 5000,
      chatCapable: true,
    });
    const bare = entryFromRecord({ model: "", model_id: "???", model_lib: "" });
    expect(bare).toMatchObject({ role: "unknown", paramsB: null, quant: null, vramMB: null });
  });

  it("skips duplicate ids and appends custom models", () => {
    const custom: CustomModel = {
      id: "my-coder-1.5B-q4f16_1",
      name: "My coder",
      modelUrl: "https://huggingface.co/me/my-coder/resolve/main/",
      modelLibUrl: `${LIB}Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm`,
      role: "specialist",
      domains: ["code"],
      vramMB: 1700,
      addedAt: 0,
    };
    const dupe = { ...custom, id: "Qwen3-0.6B-q4f16_1-MLC", name: "dupe" };
    const catalog = buildCatalog(
      [record("Qwen3-0.6B-q4f16_1-MLC"), record("Qwen3-0.6B-q4f16_1-MLC")],
      [custom, dupe],
      [],
    );
    expect(catalog.map((e) => e.id)).toEqual(["Qwen3-0.6B-q4f16_1-MLC", "my-coder-1.5B-q4f16_1"]);
    expect(catalog[1]).toMatchObject({
      source: "custom",
      role: "specialist",
      domains: ["code"],
      vramMB: 1700,
      paramsB: 1.5,
      requiredFeatures: ["shader-f16"],
      lowResource: false,
    });
  });
});
