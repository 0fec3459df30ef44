import { describe, expect, it } from "vitest";
import { isPolymathError } from "../../errors";
import {
  forbiddenWords,
  keywordExistence,
  keywordFrequency,
  letterFrequency,
} from "./checks-keywords";
import type { InstructionDef } from "./kwargs";

const check = (def: InstructionDef, kwargs: Record<string, unknown>, response: string) =>
  def.compile("test", kwargs)(response);

describe("keywords:existence", () => {
  const kw = { keywords: ["lantern", "harbor"] };
  it("passes when every keyword appears, in any case", () => {
    expect(check(keywordExistence, kw, "The HARBOR lantern glowed.")).toBe(true);
  });
  it("fails when one keyword is missing", () => {
    expect(check(keywordExistence, kw, "The lantern glowed.")).toBe(false);
  });
  it("matches inside longer words, as IFEval's unanchored search does", () => {
    expect(check(keywordExistence, { keywords: ["harbor"] }, "harbormaster")).toBe(true);
  });
});

describe("keywords:frequency", () => {
  it("counts case-insensitive occurrences against 'at least'", () => {
    const kw = { keyword: "tide", frequency: 3, relation: "at least" };
    expect(check(keywordFrequency, kw, "Tide, tide and more TIDE.")).toBe(true);
    expect(check(keywordFrequency, kw, "Tide and tide.")).toBe(false);
  });
  it("uses a strict 'less than'", () => {
    const kw = { keyword: "tide", frequency: 2, relation: "less than" };
    expect(check(keywordFrequency, kw, "One tide.")).toBe(true);
    expect(check(keywordFrequency, kw, "Tide and tide.")).toBe(false);
  });
});

describe("keywords:forbidden_words", () => {
  const kw = { forbidden_words: ["very", "really"] };
  it("passes when no forbidden word appears as a whole word", () => {
    expect(check(forbiddenWords, kw, "Everyone was surreally calm.")).toBe(true);
  });
  it("fails on a whole-word match in any case", () => {
    expect(check(forbiddenWords, kw, "It was Very calm.")).toBe(false);
  });
  it("uses Unicode word boundaries, as Python does", () => {
    const cafe = { forbidden_words: ["café"] };
    expect(check(forbiddenWords, cafe, "Un café noir.")).toBe(false);
    expect(check(forbiddenWords, cafe, "Les cafés.")).toBe(true);
    expect(check(forbiddenWords, { forbidden_words: ["er"] }, "Ärger")).toBe(true);
  });
});

describe("keywords:letter_frequency", () => {
  it("counts the letter in either case", () => {
    const kw = { letter: "z", let_frequency: 3, let_relation: "at least" };
    expect(check(letterFrequency, kw, "Zany zebras buzz.")).toBe(true);
    expect(check(letterFrequency, kw, "Zany zebra.")).toBe(false);
  });
  it("accepts an upper-case letter kwarg", () => {
    const kw = { letter: "Q", let_frequency: 1, let_relation: "less than" };
    expect(check(letterFrequency, kw, "No such letter here.")).toBe(true);
    expect(check(letterFrequency, kw, "A quiet queen.")).toBe(false);
  });
});

describe("kwargs validation", () => {
  const malformed = (def: InstructionDef, kwargs: Record<string, unknown>) => {
    try {
      def.compile("test", kwargs);
    } catch (e) {
      return isPolymathError(e, "malformed-input");
    }
    return false;
  };
  it("refuses missing, mistyped or unknown kwargs instead of randomising them", () => {
    expect(malformed(keywordFrequency, { keyword: "tide", frequency: 2 })).toBe(true);
    expect(
      malformed(keywordFrequency, { keyword: "tide", frequency: -1, relation: "at least" }),
    ).toBe(true);
    expect(malformed(keywordFrequency, { keyword: "tide", frequency: 2, relation: "<" })).toBe(
      true,
    );
    expect(malformed(keywordFrequency, { keyword: " ", frequency: 2, relation: "at least" })).toBe(
      true,
    );
    expect(malformed(keywordExistence, { keywords: [] })).toBe(true);
    expect(malformed(keywordExistence, { keywords: "tide" })).toBe(true);
    expect(
      malformed(letterFrequency, { letter: "ab", let_frequency: 1, let_relation: "at least" }),
    ).toBe(true);
    expect(malformed(keywordExistence, { keywords: ["x"], extra: 1 })).toBe(true);
  });
  it("ignores null-valued keys, as the Hugging Face copy of IFEval lists them", () => {
    expect(malformed(keywordExistence, { keywords: ["x"], num_words: null })).toBe(false);
  });
});
