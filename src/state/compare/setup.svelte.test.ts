import { describe, expect, it } from "vitest";
import type { CompareCandidate } from "../../core/runs/compare/candidates";
import { CompareSetup } from "./setup.svelte";

const candidate = (id: string) => ({ id }) as CompareCandidate;

describe("CompareSetup", () => {
  it("chooses a preset only once the user agreed to its download", async () => {
    let agree = false;
    const setup = new CompareSetup({
      candidates: () => ["a", "b"].map(candidate),
      confirmDownload: async () => agree,
    });
    expect(await setup.choosePreset(["a", "b"])).toBe(false);
    expect(setup.selected).toEqual([]);
    agree = true;
    expect(await setup.choosePreset(["a", "b"])).toBe(true);
    expect(setup.selected).toEqual(["a", "b"]);
  });

  it("cannot start with invalid settings, and says why", () => {
    const setup = new CompareSetup({ candidates: () => ["a", "b"].map(candidate) });
    setup.choose(["a", "b"]);
    expect(setup.canStart).toBe(true);
    setup.params = { ...setup.params, max_tokens: 0 };
    expect(setup.canStart).toBe(false);
    expect(setup.settingsError).toMatch(/Max tokens must be a whole number from 1\./);
    setup.setNumber("max_tokens", 256);
    expect(setup.canStart).toBe(true);
    setup.setNumber("temperature", NaN);
    expect(setup.params.temperature).toBe(0);
    expect(setup.settingsError).toMatch(/Temperature must be a number from 0 to 2\./);
    setup.resetParams();
    expect(setup.settingsError).toBe("");
  });

  it("prefills a comparison to repeat without starting it", () => {
    const setup = new CompareSetup({ candidates: () => ["a", "b"].map(candidate) });
    setup.blind = true;
    setup.systemPrompt = "mine";
    setup.prefill({ models: ["b", "a", "b"], prompt: "Why is the sky blue?", systemPrompt: "" });
    expect(setup.selected).toEqual(["b", "a"]);
    expect(setup.blind).toBe(false);
    expect(setup.draft).toBe("Why is the sky blue?");
    expect(setup.systemPrompt).toBe("");
    expect(setup.canStart).toBe(true);
  });

  it("says which models of a repeated comparison are not offered here", () => {
    const setup = new CompareSetup({ candidates: () => ["a", "b", "c"].map(candidate) });
    setup.prefill({ models: ["a", "x", "b"], prompt: "Hi", systemPrompt: "" });
    setup.keepOnly(["a", "b", "c"]);
    expect(setup.selected).toEqual(["a", "b"]);
    expect(setup.leftOut).toEqual(["x"]);
    // Another recording dropping a model the user picked is not the shared comparison's loss.
    setup.toggle("c");
    expect(setup.leftOut).toEqual([]);
    setup.keepOnly(["a", "b"]);
    expect(setup.selected).toEqual(["a", "b"]);
    expect(setup.leftOut).toEqual([]);
  });

  it("takes the repeated comparison's sampling settings, and blocks on ones out of range", () => {
    const setup = new CompareSetup({ candidates: () => ["a", "b"].map(candidate) });
    setup.prefill({
      models: ["a", "b"],
      prompt: "Hi",
      systemPrompt: "",
      params: { temperature: 0.3, seed: 7 },
    });
    expect(setup.params).toEqual({ temperature: 0.3, seed: 7 });
    expect(setup.settingsError).toBe("");
    setup.prefill({ models: ["a", "b"], prompt: "Hi", systemPrompt: "", params: { top_p: 3 } });
    expect(setup.params).toEqual({ top_p: 3 });
    expect(setup.settingsError).toMatch(/Top-p/);
    expect(setup.canStart).toBe(false);
  });
});
