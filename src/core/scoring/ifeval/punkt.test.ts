import { describe, expect, it } from "vitest";
import reference from "../../../../tests/fixtures/ifeval/nltk-reference.json";
import { countSentences } from "./punkt";

describe("countSentences (Punkt)", () => {
  it("agrees with NLTK's Punkt run with the same parameters", () => {
    // Fixture: counts from NLTK's PunktSentenceTokenizer given punkt-params.ts (see its source).
    const wrong = reference.sentences.filter((c) => countSentences(c.text) !== c.count);
    expect(wrong).toEqual([]);
    expect(reference.sentences.length).toBeGreaterThan(50);
  });

  it("breaks at periods, question and exclamation marks, not at bare line breaks", () => {
    expect(countSentences("One thing. Two things? Three things!")).toBe(3);
    expect(countSentences("first line\nsecond line\nthird line")).toBe(1);
    expect(countSentences("")).toBe(0);
    expect(countSentences("   ")).toBe(0);
  });

  it("keeps abbreviations and initials inside a sentence", () => {
    expect(countSentences("Dr. Smith met Mr. Jones at noon.")).toBe(1);
    expect(countSentences("J. S. Bach wrote fugues.")).toBe(1);
    expect(countSentences("Bring fruit, e.g. apples. Then eat.")).toBe(2);
  });

  it("splits off a trailing mark that follows another, as Punkt does", () => {
    expect(countSentences("Really?! Yes.")).toBe(2);
    expect(countSentences("Really?!")).toBe(2);
  });

  // A regression to quadratic splitting would hit the test's timeout; figures belong in benchmarks.
  it("copes with degenerate input", () => {
    const n = countSentences("word. ".repeat(10000) + "!".repeat(10000) + "\n".repeat(10000));
    expect(n).toBeGreaterThanOrEqual(10000);
  });
});
