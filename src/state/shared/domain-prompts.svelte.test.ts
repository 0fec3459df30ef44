import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import { DEFAULT_DOMAIN_PROMPTS, type DomainPrompts } from "../../core/routing/domain-prompts";
import { DomainPromptsState } from "./domain-prompts.svelte";

const stored: DomainPrompts = {
  ...(structuredClone(DEFAULT_DOMAIN_PROMPTS) as DomainPrompts),
  math: { system: "Show every step." },
};

describe("the user's domain prompts", () => {
  it("starts from the stored prompts, keeps an edit when saved, and goes back to the defaults", async () => {
    const saved: (DomainPrompts | null)[] = [];
    const state = new DomainPromptsState({
      load: async () => stored,
      save: async (p) => void saved.push(p),
    });
    await state.ready;
    expect(state.prompts.math.system).toBe("Show every step.");
    expect(state.changed).toBe(true);
    state.edit("code", "Write tests first.");
    expect(state.prompts.code.system).toBe("Write tests first.");
    expect(saved).toEqual([]);
    await state.save();
    expect(saved.at(-1)?.code.system).toBe("Write tests first.");
    await state.reset();
    expect(state.prompts).toEqual(DEFAULT_DOMAIN_PROMPTS);
    expect(state.changed).toBe(false);
    expect(saved.at(-1)).toBeNull();
  });

  it("stores null when the edits end where the defaults are, and an edit beats a late load", async () => {
    let arrive: (p: DomainPrompts) => void = () => {};
    const saved: (DomainPrompts | null)[] = [];
    const state = new DomainPromptsState({
      load: () => new Promise((resolve) => (arrive = resolve)),
      save: async (p) => void saved.push(p),
    });
    state.edit("chat", DEFAULT_DOMAIN_PROMPTS.chat.system);
    arrive(stored);
    await state.ready;
    expect(state.prompts).toEqual(DEFAULT_DOMAIN_PROMPTS);
    await state.save();
    expect(saved).toEqual([null]);
  });

  it("says when the prompts could not be kept", async () => {
    const state = new DomainPromptsState({
      load: async () => null,
      save: async () => {
        throw new PolymathError("storage-full", "The browser's storage for this site is full.");
      },
    });
    state.edit("math", "x");
    await state.save();
    expect(state.notSaved?.code).toBe("storage-full");
  });
});
