import { describe, expect, it } from "vitest";
import {
  nthParagraphFirstWord,
  numberParagraphs,
  numberSentences,
  numberWords,
} from "./checks-length";
import type { InstructionDef } from "./kwargs";

const check = (def: InstructionDef, kwargs: Record<string, unknown>, response: string) =>
  def.compile("test", kwargs)(response);

describe("length_constraints:number_sentences", () => {
  it("compares the Punkt sentence count", () => {
    const lessThan3 = { num_sentences: 3, relation: "less than" };
    expect(check(numberSentences, lessThan3, "One. Two.")).toBe(true);
    expect(check(numberSentences, lessThan3, "One. Two. Three.")).toBe(false);
    const atLeast3 = { num_sentences: 3, relation: "at least" };
    expect(check(numberSentences, atLeast3, "One. Two. Three.")).toBe(true);
    // A bullet list without periods is one sentence to Punkt.
    expect(check(numberSentences, atLeast3, "* a\n* b\n* c")).toBe(false);
  });
});

describe("length_constraints:number_words", () => {
  it("counts word-character runs", () => {
    const kw = { num_words: 5, relation: "at least" };
    expect(check(numberWords, kw, "It's a well-known fact.")).toBe(true);
    expect(check(numberWords, kw, "Just four words here")).toBe(false);
    const under = { num_words: 5, relation: "less than" };
    expect(check(numberWords, under, "Just four words here")).toBe(true);
  });
});

describe("length_constraints:number_paragraphs", () => {
  const kw = { num_paragraphs: 3 };
  it("counts paragraphs split by ***", () => {
    expect(check(numberParagraphs, kw, "One.\n***\nTwo.\n***\nThree.")).toBe(true);
    expect(check(numberParagraphs, kw, "One.\n***\nTwo.")).toBe(false);
  });
  it("allows an empty paragraph only at either end", () => {
    expect(check(numberParagraphs, kw, "***\nA\n***\nB\n***\nC\n***")).toBe(true);
    expect(check(numberParagraphs, kw, "A\n***\n***\nB\n***\nC")).toBe(false);
  });
});

describe("length_constraints:nth_paragraph_first_word", () => {
  const kw = { num_paragraphs: 3, nth_paragraph: 2, first_word: "Meanwhile" };
  const id = nthParagraphFirstWord;
  it("checks the paragraph count and the first word of paragraph n", () => {
    expect(check(id, kw, "Start here.\n\nMeanwhile, elsewhere.\n\nThe end.")).toBe(true);
    expect(check(id, kw, 'Start.\n\n"meanwhile!" she said.\n\nEnd.')).toBe(true);
  });
  it("fails on the wrong word or the wrong paragraph count", () => {
    expect(check(id, kw, "Start here.\n\nLater, elsewhere.\n\nThe end.")).toBe(false);
    expect(check(id, kw, "Start here.\n\nMeanwhile, elsewhere.")).toBe(false);
  });
  it("indexes the raw split, so a leading blank paragraph shifts it (as IFEval does)", () => {
    expect(check(id, kw, "\n\nMeanwhile first.\n\nSecond.\n\nThird.")).toBe(true);
  });
  it("refuses nth_paragraph outside 1..num_paragraphs", () => {
    expect(() => id.compile("test", { ...kw, nth_paragraph: 4 })).toThrow(/nth_paragraph/);
    expect(() => id.compile("test", { ...kw, nth_paragraph: 0 })).toThrow(/nth_paragraph/);
  });
});
