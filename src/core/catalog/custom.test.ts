import { describe, expect, it } from "vitest";
import { PolymathError } from "../errors";
import {
  checkModelLibVersion,
  customModelWarnings,
  toModelRecord,
  checkCustomModel,
  validateCustomModel,
  type CustomModel,
  type CustomModelInput,
} from "./custom";

const LIB =
  "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm";
const valid: CustomModelInput = {
  name: "My coder",
  modelUrl: "https://huggingface.co/me/my-coder-1.5B-q4f16_1-MLC",
  modelLibUrl: LIB,
  role: "specialist",
  domains: ["code"],
  vramMB: "1700",
};
const options = { existingIds: ["Qwen3-1.7B-q4f16_1-MLC"], now: 1_700_000_000_000 };

function expectError(result: CustomModel | PolymathError, field: string): PolymathError {
  expect(result).toBeInstanceOf(PolymathError);
  const error = result as PolymathError;
  expect(error.code).toBe("malformed-input");
  expect(error.details.field).toBe(field);
  expect(error.advice.length).toBeGreaterThan(0);
  return error;
}

describe("validateCustomModel", () => {
  it("accepts a Hugging Face repo and derives the id from its name", () => {
    expect(validateCustomModel(valid, options)).toEqual({
      id: "my-coder-1.5B-q4f16_1-MLC",
      name: "My coder",
      modelUrl: "https://huggingface.co/me/my-coder-1.5B-q4f16_1-MLC/",
      modelLibUrl: LIB,
      role: "specialist",
      domains: ["code"],
      vramMB: 1700,
      addedAt: 1_700_000_000_000,
    });
  });

  it("turns a pasted config file or blob page into the folder URL", () => {
    const fromFile = validateCustomModel(
      {
        ...valid,
        modelUrl: "https://huggingface.co/me/m-q4f32_1-MLC/blob/main/mlc-chat-config.json",
      },
      options,
    ) as CustomModel;
    expect(fromFile.modelUrl).toBe("https://huggingface.co/me/m-q4f32_1-MLC/resolve/main/");
    expect(fromFile.id).toBe("m-q4f32_1-MLC");
    const fromManifest = validateCustomModel(
      { ...valid, modelUrl: "http://localhost:8000/models/m/tensor-cache.json", id: "local-m" },
      options,
    ) as CustomModel;
    expect(fromManifest.modelUrl).toBe("http://localhost:8000/models/m/");
    expect(fromManifest.id).toBe("local-m");
  });

  it.each([
    [{ name: "  " }, "name"],
    [{ modelUrl: "" }, "modelUrl"],
    [{ modelUrl: "not a url" }, "modelUrl"],
    [{ modelUrl: "ftp://example.org/m/" }, "modelUrl"],
    [{ modelUrl: "https://example.org/m/params_shard_0.bin" }, "modelUrl"],
    [{ modelLibUrl: "https://example.org/lib.js" }, "modelLibUrl"],
    [{ modelLibUrl: "javascript:alert(1)" }, "modelLibUrl"],
    [{ role: "wizard" }, "role"],
    [{ role: "unknown" }, "role"],
    [{ domains: [] }, "domains"],
    [{ domains: ["code", "poetry"] }, "domains"],
    [{ vramMB: -3 }, "vramMB"],
    [{ vramMB: "lots" }, "vramMB"],
    [{ id: "Qwen3-1.7B-q4f16_1-MLC" }, "id"],
  ] as [Partial<CustomModelInput>, string][])("rejects %j (field %s)", (patch, field) => {
    expectError(validateCustomModel({ ...valid, ...patch }, options), field);
  });

  it("says when the id is already in the catalog", () => {
    const error = expectError(
      validateCustomModel(
        { ...valid, modelUrl: "https://huggingface.co/mlc-ai/Qwen3-1.7B-q4f16_1-MLC" },
        options,
      ),
      "id",
    );
    expect(error.message).toMatch(/already in the catalog/);
  });

  it("names every invalid field at once, in form order", () => {
    const checked = checkCustomModel(
      { ...valid, name: "", modelUrl: "not a url", modelLibUrl: "ftp://x", vramMB: "-5" },
      options,
    );
    expect("errors" in checked).toBe(true);
    const errors = "errors" in checked ? checked.errors : [];
    expect(errors.map((e) => e.details.field)).toEqual([
      "name",
      "modelUrl",
      "modelLibUrl",
      "vramMB",
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      "Give the model a name.",
      "The model URL is not a URL.",
      "The model library URL must start with https:// or http://.",
      "GPU memory must be a positive number of MB.",
    ]);
    // validateCustomModel returns the first; a valid input gives the same model both ways.
    expectError(validateCustomModel({ ...valid, name: "", modelUrl: "x" }, options), "name");
    expect(checkCustomModel(valid, options)).toEqual({
      model: validateCustomModel(valid, options),
    });
  });

  it("leaves vramMB out when empty", () => {
    for (const vramMB of ["", " ", null, undefined]) {
      const model = validateCustomModel({ ...valid, vramMB }, options) as CustomModel;
      expect("vramMB" in model).toBe(false);
    }
  });
});

describe("toModelRecord", () => {
  it("gives web-llm the record it needs", () => {
    const model = validateCustomModel(valid, options) as CustomModel;
    expect(toModelRecord(model)).toEqual({
      model: model.modelUrl,
      model_id: model.id,
      model_lib: LIB,
      vram_required_MB: 1700,
      low_resource_required: false,
    });
    expect(toModelRecord({ ...model, role: "embedding" }).model_type).toBe(1);
  });
});

describe("checkModelLibVersion", () => {
  it("matches, mismatches or cannot tell", () => {
    expect(checkModelLibVersion(LIB, "v0_2_86/base")).toMatchObject({
      status: "match",
      libVersion: "0.2.86",
    });
    const old = checkModelLibVersion(LIB.replace("v0_2_86", "v0_2_48"), "v0_2_86/base");
    expect(old).toMatchObject({
      status: "mismatch",
      libVersion: "0.2.48",
      runtimeVersion: "0.2.86",
    });
    expect(old.message).toMatch(/built for web-llm 0\.2\.48.*runs 0\.2\.86/);
    expect(checkModelLibVersion(LIB, "0.2.86").status).toBe("match");
    // Dotted numbers in model names are not versions.
    expect(
      checkModelLibVersion(
        "https://example.org/Qwen2.5-1.5B-Instruct-q4f16_1.wasm",
        "v0_2_86/base",
      ),
    ).toMatchObject({
      status: "unknown",
      libVersion: null,
    });
  });
});

describe("customModelWarnings", () => {
  it("warns about old libraries, non-HF folders without resolve/, and unknown memory", () => {
    const model = validateCustomModel(valid, options) as CustomModel;
    expect(customModelWarnings(model, "v0_2_86/base")).toEqual([]);
    const risky: CustomModel = {
      ...model,
      modelUrl: "https://example.org/models/m/",
      modelLibUrl: LIB.replace("v0_2_86", "v0_2_48"),
      vramMB: undefined,
    };
    const warnings = customModelWarnings(risky, "v0_2_86/base");
    expect(warnings).toHaveLength(3);
    expect(warnings.join("\n")).toMatch(/0\.2\.48/);
    expect(warnings.join("\n")).toMatch(/resolve\/main/);
    expect(warnings.join("\n")).toMatch(/GPU memory/);
  });
});
