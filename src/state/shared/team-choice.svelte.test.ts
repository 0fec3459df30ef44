import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import type { TeamChoice } from "../../core/routing/team";
import { TeamChoiceState } from "./team-choice.svelte";

const stored: TeamChoice = { fallback: "gen", mapping: { code: "coder" } };

describe("the user's routed team choice", () => {
  it("reads the stored choice and keeps every change", async () => {
    const saved: TeamChoice[] = [];
    const state = new TeamChoiceState({
      load: async () => stored,
      save: async (c) => void saved.push(c),
    });
    await state.ready;
    expect(state.choice).toEqual(stored);
    await state.setMapping({ code: null, math: "mathy" });
    await state.setFallback("remote:big");
    expect(state.choice).toEqual({
      fallback: "remote:big",
      mapping: { code: null, math: "mathy" },
    });
    await state.reset();
    expect(state.choice).toEqual({ fallback: null, mapping: {} });
    expect(saved.map((c) => c.fallback)).toEqual(["gen", "remote:big", null]);
  });

  it("lets a change made before the stored choice arrived win", async () => {
    let arrive: (c: TeamChoice) => void = () => {};
    const state = new TeamChoiceState({
      load: () => new Promise((resolve) => (arrive = resolve)),
      save: async () => {},
    });
    await state.setFallback("other");
    arrive(stored);
    await state.ready;
    expect(state.choice.fallback).toBe("other");
  });

  it("applies a change it cannot keep and says why", async () => {
    const state = new TeamChoiceState({
      load: async () => stored,
      save: async () => {
        throw new PolymathError("storage-full", "The browser's storage for this site is full.");
      },
    });
    await state.ready;
    await state.setFallback("other");
    expect(state.choice.fallback).toBe("other");
    expect(state.notSaved?.code).toBe("storage-full");
  });

  it("starts from no choice when the settings cannot be read", async () => {
    const state = new TeamChoiceState({
      load: async () => Promise.reject(new Error("blocked")),
      save: async () => {},
    });
    await state.ready;
    expect(state.choice).toEqual({ fallback: null, mapping: {} });
  });
});
