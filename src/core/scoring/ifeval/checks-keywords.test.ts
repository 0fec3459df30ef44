import { describe, expect, it } from "vitest";
import { isPolymathError } from "../../errors";
import { compileInstruction } from "./registry";

const check = (id: string, kwargs: Record<string, unknown>, response: string) =>
  compileInstruction(id, kwargs)(response);

describe("keywords:existence", () => {
  const kw = { keywords: ["lantern", "harbor"] };
  it("passes when every keyword appears, in any case", () => {
    expect(check("keywords:existence", kw, "The HARBOR lantern glowed.")).toBe(true);
  });
  it("fails when one keyword is missing", () => {
    expect(check("keywords:existence", kw, "The lantern glowed.")).toBe(false);
  });
  it("matches inside longer words, as IFEval's unanchored search does", () => {
    expect(check("keywords:existence", { keywords: ["harbor"] }, "harbormaster")).toBe(true);
  });
});

describe("keywords:frequency", () => {
  it("counts case-insensitive occurrences against 'at least'", () => {
    const kw = { keyword: "tide", frequency: 3, relation: "at least" };
    expect(check("keywords:frequency", kw, "Tide, tide and more TIDE.")).toBe(true);
    expect(check("keywords:frequency", kw, "Tide and tide.")).toBe(false);
  });
  it("uses a strict 'less than'", () => {
    const kw = { keyword: "tide", frequency: 2, relation: "less than" };
    expect(check("keywords:frequency", kw, "One tide.")).toBe(true);
    expect(check("keywords:frequency", kw, "Tide and tide.")).toBe(false);
  });
});

describe("keywords:forbidden_words", () => {
  const kw = { forbidden_words: ["very", "really"] };
  it("passes when no forbidden word appears as a whole word", () => {
    expect(check("keywords:forbidden_words", kw, "Everyone was surreally calm.")).toBe(true);
  });
  it("fails on a whole-word match in any case", () => {
    expect(check("keywords:forbidden_words", kw, "It was Very calm.")).toBe(false);
  });
  it("uses Unicode word boundaries, as Python does", () => {
    const cafe = { forbidden_words: ["café"] };
    expect(check("keywords:forbidden_words", cafe, "Un café noir.")).toBe(false);
    expect(check("keywords:forbidden_words", cafe, "Les cafés.")).toBe(true);
    expect(check("keywords:forbidden_words", { forbidden_words: ["er"] }, "Ärger")).toBe(true);
  });
});

describe("keywords:letter_frequency", () => {
  it("counts the letter in either case", () => {
    const kw = { letter: "z", let_frequency: 3, let_relation: "at least" };
    expect(check("keywords:letter_frequency", kw, "Zany zebras buzz.")).toBe(true);
    expect(check("keywords:letter_frequency", kw, "Zany zebra.")).toBe(false);
  });
  it("accepts an upper-case letter kwarg", () => {
    const kw = { letter: "Q", let_frequency: 1, let_relation: "less than" };
    expect(check("keywords:letter_frequency", kw, "No such letter here.")).toBe(true);
    expect(check("keywords:letter_frequency", kw, "A quiet queen.")).toBe(false);
  });
});

describe("kwargs validation", () => {
  const malformed = (id: string, kwargs: Record<string, unknown>) => {
    try {
      compileInstruction(id, kwargs);
    } catch (e) {
      return isPolymathError(e, "malformed-input");
    }
    return false;
  };
  it("refuses missing, mistyped or unknown kwargs instead of randomising them", () => {
    expect(malformed("keywords:frequency", { keyword: "tide", frequency: 2 })).toBe(true);
    expect(malformed("keywords:frequency", { keyword: "tide", frequency: 2, relation: "<" })).toBe(
      true,
    );
    expect(malformed("keywords:existence", { keywords: [] })).toBe(true);
    expect(
      malformed("keywords:letter_frequency", {
        letter: "ab",
        let_frequency: 1,
        let_relation: "at least",
      }),
    ).toBe(true);
    expect(malformed("keywords:existence", { keywords: ["x"], extra: 1 })).toBe(true);
    expect(malformed("keywords:nonexistent", {})).toBe(true);
  });
  it("ignores null-valued keys, as the Hugging Face copy of IFEval lists them", () => {
    expect(malformed("keywords:existence", { keywords: ["x"], num_words: null })).toBe(false);
  });
});
