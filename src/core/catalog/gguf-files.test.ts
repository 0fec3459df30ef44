import { describe, expect, it } from "vitest";
import { buildCatalog } from "./build-catalog";
import { checkCustomGguf, validateCustomModel } from "./custom";
import {
  ggufUrlFrom,
  hfFileUrl,
  parseGgufQuant,
  parseHfTree,
  pickGgufFile,
  type HfFile,
} from "./gguf-files";
import { modelKey } from "./parse-id";

const listing: HfFile[] = [
  { path: "README.md", size: 10 },
  { path: "qwen2.5-0.5b-instruct-q4_k.gguf", size: 390 },
  { path: "qwen2.5-0.5b-instruct-q4_k_m.gguf", size: 398 },
  { path: "qwen2.5-0.5b-instruct-q8_0.gguf", size: 531, sha256: "ab" },
  { path: "mmproj-q4_k_m.gguf", size: 5 },
];

describe("GGUF files from a repository listing", () => {
  it("picks the first wanted quantization as a whole token", () => {
    expect(pickGgufFile(listing, ["q4_k_m", "q8_0"])).toMatchObject({
      path: "qwen2.5-0.5b-instruct-q4_k_m.gguf",
      bytes: 398,
      parts: 1,
      quant: "q4_k_m",
    });
    expect(pickGgufFile(listing, ["q5_k_m", "q8_0"])).toMatchObject({
      quant: "q8_0",
      sha256: "ab",
    });
    expect(pickGgufFile(listing, ["q2_k"])).toBeNull();
  });

  it("takes a split model only when every part is listed, summing their sizes", () => {
    const split = [
      { path: "m-Q8_0-00001-of-00002.gguf", size: 2 },
      { path: "m-Q8_0-00002-of-00002.gguf", size: 3, sha256: "b".repeat(64) },
    ];
    expect(pickGgufFile(split, ["q8_0"])).toMatchObject({
      path: "m-Q8_0-00001-of-00002.gguf",
      bytes: 5,
      parts: 2,
      partBytes: [2, 3],
      // Each part keeps its own listing, so each is checked against its own hash.
      files: split,
    });
    expect(pickGgufFile(split.slice(0, 1), ["q8_0"])).toBeNull();
  });

  it("reads Hugging Face's tree JSON, skipping folders and odd items", () => {
    const files = parseHfTree([
      { type: "directory", path: "x", size: 0 },
      { type: "file", path: "a.gguf", size: 7, lfs: { oid: "cafe", size: 7 } },
      null,
    ]);
    expect(files).toEqual([{ path: "a.gguf", size: 7, sha256: "cafe" }]);
    expect(() => parseHfTree({ error: "x" })).toThrow(/not a list/);
  });

  it("names quantizations and model keys of GGUF builds", () => {
    expect(parseGgufQuant("Qwen3-1.7B-Q8_0.gguf")).toEqual({
      code: "q8_0",
      weightBits: 8,
      dtype: "f32",
    });
    expect(parseGgufQuant("x-f16.gguf")?.weightBits).toBe(16);
    expect(modelKey("Qwen2.5-Coder-1.5B-Instruct-GGUF")).toBe("Qwen2.5-Coder-1.5B-Instruct");
    expect(modelKey("my-model-q4_k_m-GGUF")).toBe("my-model");
  });
});

describe("GGUF catalog entries", () => {
  const catalog = buildCatalog([]);
  it("has the comparison's models as CPU twins of their MLC builds", () => {
    const byKey = new Map(catalog.map((e) => [e.key, e]));
    for (const key of [
      "Qwen2.5-0.5B-Instruct",
      "Qwen2.5-1.5B-Instruct",
      "Qwen2.5-Coder-0.5B-Instruct",
      "Qwen2.5-Coder-1.5B-Instruct",
      "Qwen2.5-Math-1.5B-Instruct",
      "Qwen3-1.7B",
    ]) {
      const e = byKey.get(key);
      expect(e?.runtime, key).toBe("wllama");
      expect(e?.gguf?.kind).toBe("repo");
      expect(e?.vramMB).toBeGreaterThan(300);
    }
    const twin = buildCatalog(
      [{ model: "m", model_id: "Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC", model_lib: "l" }],
      [],
    );
    const mlc = twin[0];
    const gguf = twin.find((e) => e.id === "Qwen2.5-Coder-1.5B-Instruct-GGUF");
    expect(gguf?.key).toBe("Qwen2.5-Coder-1.5B-Instruct");
    expect([gguf?.role, gguf?.domains, gguf?.family, gguf?.base]).toEqual([
      mlc?.role,
      mlc?.domains,
      mlc?.family,
      mlc?.base,
    ]);
  });
});

describe("bring your own GGUF", () => {
  const options = { existingIds: ["taken-GGUF"], now: 5 };
  it("takes a URL or a repository and file, and derives the id from the file", () => {
    expect(
      ggufUrlFrom({ repo: "https://huggingface.co/o/r/tree/main", file: "m-Q4_K_M.gguf" }),
    ).toBe(hfFileUrl("o/r", "m-Q4_K_M.gguf"));
    expect(ggufUrlFrom({ url: "https://huggingface.co/o/r/blob/main/a.gguf" })).toBe(
      "https://huggingface.co/o/r/resolve/main/a.gguf",
    );
    const checked = checkCustomGguf(
      {
        runtime: "wllama",
        name: "Mine",
        modelUrl: "http://127.0.0.1:1/models/tiny.gguf",
        role: "specialist",
        domains: ["code"],
        architecture: "llama",
        fileBytes: 1234,
      },
      options,
    );
    expect(checked).toMatchObject({
      model: { id: "tiny-GGUF", runtime: "wllama", architecture: "llama", fileBytes: 1234 },
    });
    if (!("model" in checked)) return;
    // Stored models are checked again on read.
    expect(validateCustomModel({ ...checked.model }, { existingIds: [], now: 5 })).toMatchObject({
      id: "tiny-GGUF",
    });
    const [entry] = buildCatalog([], [checked.model], []);
    expect(entry).toMatchObject({ runtime: "wllama", fileBytes: 1234, source: "custom" });
  });

  it("names every field to fix", () => {
    const checked = checkCustomGguf(
      { runtime: "wllama", modelUrl: "https://x/taken.bin", domains: [] },
      options,
    );
    const fields = "errors" in checked ? checked.errors.map((e) => e.details?.field) : [];
    expect(fields).toEqual(["name", "url", "role", "domains"]);
  });
});
