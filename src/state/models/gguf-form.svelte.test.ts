import { describe, expect, it } from "vitest";
import type { CustomModel } from "../../core/catalog/custom";
import { PolymathError } from "../../core/errors";
import { GgufModelForm, type GgufFileFacts } from "./gguf-form.svelte";

const FACTS: GgufFileFacts = {
  architecture: "qwen2",
  fileBytes: 4000,
  contextWindow: 4096,
  ramMB: 700,
};

function setup(checkFile: (url: string) => Promise<GgufFileFacts> = async () => FACTS) {
  const saved: CustomModel[] = [];
  const checked: string[] = [];
  const form = new GgufModelForm({
    existingIds: () => saved.map((m) => m.id),
    checkFile: async (url) => {
      checked.push(url);
      return checkFile(url);
    },
    save: async (m) => void saved.push(m),
    now: () => 9,
  });
  return { form, saved, checked };
}

describe("GgufModelForm", () => {
  it("checks the file's header before saving, and keeps what it said", async () => {
    const { form, saved, checked } = setup();
    form.values.from = "repo";
    form.values.repo = "owner/Model-GGUF";
    form.values.file = "model-Q4_K_M.gguf";
    form.values.name = "Mine";
    form.toggleDomain("code", true);
    expect(await form.submit()).toBe(true);
    expect(checked).toEqual([
      "https://huggingface.co/owner/Model-GGUF/resolve/main/model-Q4_K_M.gguf",
    ]);
    expect(saved).toEqual([
      expect.objectContaining({
        id: "model-Q4_K_M-GGUF",
        runtime: "wllama",
        architecture: "qwen2",
        fileBytes: 4000,
        vramMB: 700,
        contextWindow: 4096,
        addedAt: 9,
        domains: ["code"],
      }),
    ]);
    expect(form.added?.facts).toEqual(FACTS);
    expect(form.values.name).toBe("");
  });

  it("saves nothing when a field is wrong or the file check fails", async () => {
    const refused = new PolymathError("malformed-input", "This file is not a GGUF model.");
    const { form, saved, checked } = setup(() => Promise.reject(refused));
    expect(await form.submit()).toBe(false);
    expect(Object.keys(form.fieldErrors).sort()).toEqual(["domains", "name", "url"]);
    expect(checked).toEqual([]);
    form.values.url = "http://127.0.0.1:1/x.gguf";
    form.values.name = "X";
    form.toggleDomain("chat", true);
    expect(await form.submit()).toBe(false);
    expect(form.error?.message).toBe("This file is not a GGUF model.");
    expect(saved).toEqual([]);
  });
});
