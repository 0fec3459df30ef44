import { describe, expect, it } from "vitest";
import type { ChoiceItem } from "./types";
import { extractChoiceLetter, formatChoicePrompt, optionLetters, scoreChoiceItem } from "./choice";

const four = ["Berlin", "Madrid", "Paris", "Rome"];

describe("extractChoiceLetter", () => {
  it.each([
    ["C", "C"],
    ["c", "C"],
    ["(C)", "C"],
    ["C)", "C"],
    ["C.", "C"],
    ["**C**", "C"],
    ["The answer is C", "C"],
    ["The answer is C.", "C"],
    ["**C.** Paris is the capital of France.", "C"],
    ["Answer: C", "C"],
    ["answer: (c)", "C"],
    ["The correct option is B because…", "B"],
    ["Option D fits best.", "D"],
    ["I think (B) is right.", "B"],
    ["A good question. Paris is in France, so C fits.", "C"],
    ["Paris", "C"],
    ["The answer is A", "A"],
    ["Final answer: **B**", "B"],
  ])("reads %j as %s", (text, letter) => {
    expect(extractChoiceLetter(text, four)).toBe(letter);
  });

  it("lets a later explicit answer win", () => {
    expect(extractChoiceLetter("The answer is B. Hmm, no: the answer is D.", four)).toBe("D");
  });

  it("does not read the article or pronoun as a choice", () => {
    expect(extractChoiceLetter("A good question without a clear answer.", four)).toBeNull();
    expect(extractChoiceLetter("I am not sure.", optionLetters(10))).toBeNull();
    expect(extractChoiceLetter("The answer is a city in France.", four)).toBeNull();
  });

  it("refuses to guess between conflicting letters", () => {
    expect(extractChoiceLetter("Either B or C.", four)).toBeNull();
    expect(extractChoiceLetter("A. Berlin\nB. Madrid\nC. Paris", four)).toBeNull();
  });

  it("ignores letters beyond the options", () => {
    expect(extractChoiceLetter("E", four)).toBeNull();
    expect(extractChoiceLetter("The answer is J", optionLetters(10))).toBe("J");
    expect(extractChoiceLetter("The answer is F", four)).toBeNull();
  });

  it("finds nothing in an empty answer", () => {
    expect(extractChoiceLetter("", four)).toBeNull();
  });
});

describe("formatChoicePrompt", () => {
  it("letters the options and says how to answer", () => {
    expect(formatChoicePrompt("Capital of France?", four)).toBe(
      "Capital of France?\n\nA. Berlin\nB. Madrid\nC. Paris\nD. Rome\n\n" +
        "Answer with the letter of the correct option (A, B, C or D).",
    );
    expect(formatChoicePrompt("Yes?", ["yes", "no"])).toMatch(/\(A or B\)\.$/);
  });
});

describe("scoreChoiceItem", () => {
  const item: ChoiceItem = {
    id: "q1",
    kind: "choice",
    domain: "knowledge",
    question: "Capital of France?",
    options: four,
    prompt: formatChoicePrompt("Capital of France?", four),
    answer: "C",
  };

  it("passes the key and fails others with a reason", () => {
    expect(scoreChoiceItem(item, "The answer is (C).")).toMatchObject({ pass: true, score: 1 });
    expect(scoreChoiceItem(item, "B")).toMatchObject({
      pass: false,
      score: 0,
      reason: "expected C, got B",
      extracted: "B",
    });
    expect(scoreChoiceItem(item, "No idea").reason).toBe("no single option letter found");
  });
});
