import { describe, expect, it } from "vitest";
import type { CustomModel } from "../../core/catalog/custom";
import { PolymathError } from "../../core/errors";
import { CustomModelForm, type CustomFormDeps } from "./custom-form.svelte";

const GOOD = {
  name: "Tiny coder",
  modelUrl: "http://127.0.0.1:9/models/Tiny-Coder-q4f32_1-MLC/resolve/main/",
  modelLibUrl: "https://example.org/web-llm-models/v0_2_86/tiny-webgpu.wasm",
};

function setup(overrides: Partial<CustomFormDeps> = {}) {
  const saved: CustomModel[] = [];
  const checked: string[] = [];
  const form = new CustomModelForm({
    existingIds: () => ["Qwen3-1.7B-q4f32_1-MLC", ...saved.map((m) => m.id)],
    runtimeVersion: () => "v0_2_86/base",
    checkFolder: async (url) => void checked.push(url),
    save: async (m) => void saved.push(m),
    now: () => 42,
    ...overrides,
  });
  return { form, saved, checked };
}

describe("CustomModelForm", () => {
  it("shows the field error only after a submit, and adds nothing", async () => {
    const { form, saved } = setup();
    form.values.name = "x";
    form.values.modelUrl = "not a url";
    expect(form.fieldErrors).toEqual({});
    expect(await form.submit()).toBe(false);
    expect(Object.keys(form.fieldErrors)).toEqual(["modelUrl", "modelLibUrl", "domains"]);
    expect(saved).toEqual([]);
  });

  it("shows every invalid field at once", async () => {
    const { form } = setup();
    Object.assign(form.values, { modelUrl: "not a url", modelLibUrl: "ftp://x", vramMB: "-5" });
    form.toggleDomain("code", true);
    expect(await form.submit()).toBe(false);
    expect(Object.keys(form.fieldErrors)).toEqual(["name", "modelUrl", "modelLibUrl", "vramMB"]);
    expect(form.fieldErrors["modelUrl"]?.message).toBe("The model URL is not a URL.");
    // Fixing one field clears its error and leaves the others.
    form.values.name = "Fixed";
    expect(Object.keys(form.fieldErrors)).toEqual(["modelUrl", "modelLibUrl", "vramMB"]);
  });

  it("checks the folder, saves with role, domains and time, and clears the form", async () => {
    const { form, saved, checked } = setup();
    Object.assign(form.values, GOOD);
    form.toggleDomain("code", true);
    form.toggleDomain("math", true);
    form.toggleDomain("math", false);
    expect(await form.submit()).toBe(true);
    expect(checked).toEqual([GOOD.modelUrl]);
    expect(saved[0]).toMatchObject({
      id: "Tiny-Coder-q4f32_1-MLC",
      role: "specialist",
      domains: ["code"],
      addedAt: 42,
    });
    // No GPU memory figure: the warning says fit cannot be judged.
    expect(form.added?.warnings.join(" ")).toMatch(/GPU memory/);
    expect(form.values.name).toBe("");
  });

  it("keeps the form and shows the check's error when the folder is missing", async () => {
    const { form, saved } = setup({
      checkFolder: async () => {
        throw new PolymathError("not-found", "No mlc-chat-config.json (404).");
      },
    });
    Object.assign(form.values, GOOD, { domains: ["code"] });
    expect(await form.submit()).toBe(false);
    expect(form.error?.code).toBe("not-found");
    expect(form.values.name).toBe(GOOD.name);
    expect(saved).toEqual([]);
  });

  it("holds back a library for another web-llm version until confirmed", async () => {
    const { form, saved } = setup();
    Object.assign(form.values, GOOD, {
      domains: ["code"],
      modelLibUrl: "https://example.org/web-llm-models/v0_2_48/tiny-webgpu.wasm",
    });
    expect(await form.submit()).toBe(false);
    expect(form.mismatch?.libVersion).toBe("0.2.48");
    expect(form.warnings.join(" ")).toMatch(/0\.2\.86/);
    expect(await form.submit(true)).toBe(true);
    expect(saved).toHaveLength(1);
    expect(form.mismatch).toBeNull();
  });

  it("refuses a library that is not WebAssembly and adds nothing; an unreadable one only warns", async () => {
    const notWasm = new PolymathError("malformed-input", "The model library is not WebAssembly.", {
      details: { field: "modelLibUrl" },
    });
    const refused = setup({
      checkLibrary: async () => {
        throw notWasm;
      },
    });
    Object.assign(refused.form.values, GOOD);
    refused.form.toggleDomain("code", true);
    expect(await refused.form.submit()).toBe(false);
    expect(refused.form.error?.message).toBe("The model library is not WebAssembly.");
    expect(refused.saved).toEqual([]);

    const warned = setup({ checkLibrary: async () => "The model library answered 404 now." });
    Object.assign(warned.form.values, GOOD);
    warned.form.toggleDomain("code", true);
    expect(await warned.form.submit()).toBe(true);
    expect(warned.form.added?.warnings).toContain("The model library answered 404 now.");
  });
});
