import { describe, expect, it } from "vitest";
import { isPolymathError } from "../../errors";
import type { InstructionItem } from "../types";
import { aggregateInstructionResults } from "./aggregate";
import {
  evaluateInstructionItem,
  instructionResultOf,
  looseVariants,
  scoreInstructionItem,
} from "./evaluate";

const item = (
  id: string,
  instructionIds: string[],
  kwargs: Record<string, unknown>[],
): InstructionItem => ({
  id,
  kind: "instruction",
  domain: "instruction",
  prompt: "p",
  instructionIds,
  kwargs,
});

const lowercaseNoComma = item(
  "lc",
  ["change_case:english_lowercase", "punctuation:no_comma"],
  [{}, {}],
);

describe("looseVariants", () => {
  it("builds IFEval's eight variants in its order", () => {
    const v = looseVariants("Sure, here it is:\n*bold* body\nBye");
    expect(v).toEqual([
      "Sure, here it is:\n*bold* body\nBye",
      "Sure, here it is:\nbold body\nBye",
      "*bold* body\nBye",
      "Sure, here it is:\n*bold* body",
      "*bold* body",
      "bold body\nBye",
      "Sure, here it is:\nbold body",
      "bold body",
    ]);
  });
});

describe("strict and loose", () => {
  it("passes loose only after the leading 'Sure, here is' line is dropped", () => {
    const answer = "Sure, here is my answer:\nthe tide came in slowly and the boats rose with it.";
    const r = evaluateInstructionItem(lowercaseNoComma, answer);
    expect(r.strict).toEqual([false, false]);
    expect(r.loose).toEqual([true, true]);
  });

  it("passes loose when markdown stars break a check", () => {
    const quoted = item("q", ["startend:quotation"], [{}]);
    const answer = '**"A quoted answer."**';
    expect(evaluateInstructionItem(quoted, answer)).toMatchObject({
      strict: [false],
      loose: [true],
    });
  });

  it("fails both modes when no variant follows", () => {
    const r = evaluateInstructionItem(lowercaseNoComma, "The Tide, came in.\nIt rose.");
    expect(r.strict).toEqual([false, false]);
    expect(r.loose).toEqual([false, true]);
  });

  it("never passes an empty or blank answer, even for 'less than' checks", () => {
    const short = item(
      "s",
      ["length_constraints:number_words", "keywords:forbidden_words"],
      [{ num_words: 50, relation: "less than" }, { forbidden_words: ["never"] }],
    );
    for (const answer of ["", "  \n\t ", "\n"]) {
      expect(evaluateInstructionItem(short, answer)).toMatchObject({
        strict: [false, false],
        loose: [false, false],
      });
    }
  });

  it("does not let an all-blank relaxed variant pass", () => {
    const short = item(
      "s1",
      ["length_constraints:number_words"],
      [{ num_words: 3, relation: "less than" }],
    );
    // Strict fails (4 words); removing first and last line leaves nothing, which must not pass.
    const r = evaluateInstructionItem(short, "one two\nthree four");
    expect(r).toMatchObject({ strict: [false], loose: [true] });
    const r2 = evaluateInstructionItem(short, "one two three four");
    expect(r2).toMatchObject({ strict: [false], loose: [false] });
  });
});

describe("scoreInstructionItem", () => {
  it("gives prompt-level strict as pass and the instruction fraction as score", () => {
    const v = scoreInstructionItem(lowercaseNoComma, "the tide, came in slowly and quietly today.");
    expect(v.pass).toBe(false);
    expect(v.score).toBe(0.5);
    expect(v.reason).toContain("punctuation:no_comma");
    expect(v.details).toMatchObject({
      strict: [true, false],
      promptStrict: false,
      promptLoose: false,
    });
  });

  it("passes a fully compliant answer", () => {
    const v = scoreInstructionItem(lowercaseNoComma, "the tide came in slowly and quietly today.");
    expect(v).toMatchObject({ itemId: "lc", pass: true, score: 1 });
  });

  it("round-trips its details through instructionResultOf", () => {
    const v = scoreInstructionItem(lowercaseNoComma, "the tide, came in.");
    expect(instructionResultOf(v)).toEqual({
      instructionIds: ["change_case:english_lowercase", "punctuation:no_comma"],
      strict: [true, false],
      loose: [true, false],
    });
    expect(instructionResultOf({ ...v, details: { strict: "x" } })).toBeNull();
  });

  it("refuses malformed items with a malformed-input error", () => {
    const bad = [
      item("a", ["keywords:nope"], [{}]),
      item("b", ["keywords:existence"], []),
      item("c", [], []),
      item("d", ["length_constraints:number_words"], [{ num_words: 5 }]),
    ];
    for (const b of bad) {
      let err: unknown = null;
      try {
        scoreInstructionItem(b, "answer");
      } catch (e) {
        err = e;
      }
      expect(isPolymathError(err, "malformed-input")).toBe(true);
    }
  });
});

describe("aggregateInstructionResults", () => {
  it("computes IFEval's four accuracies and the per-instruction tallies", () => {
    const agg = aggregateInstructionResults([
      { instructionIds: ["a", "b"], strict: [true, true], loose: [true, true] },
      { instructionIds: ["a", "c"], strict: [false, true], loose: [true, true] },
      { instructionIds: ["b"], strict: [false], loose: [false] },
    ]);
    expect(agg.prompts).toBe(3);
    expect(agg.instructions).toBe(5);
    expect(agg.promptStrict).toBeCloseTo(1 / 3);
    expect(agg.instStrict).toBeCloseTo(3 / 5);
    expect(agg.promptLoose).toBeCloseTo(2 / 3);
    expect(agg.instLoose).toBeCloseTo(4 / 5);
    expect(agg.byInstruction["a"]).toEqual({ total: 2, strict: 1, loose: 2 });
  });

  it("reports zeros for no items", () => {
    expect(aggregateInstructionResults([])).toMatchObject({
      prompts: 0,
      promptStrict: 0,
      instLoose: 0,
    });
  });
});

describe("speed", () => {
  it("scores 500 answers in an IFEval-like mix (timed by scripts/bench-scoring.mjs)", () => {
    // About one item in eight asks for a language, as in IFEval; answers fail it, so the loose
    // pass runs the detector on every variant.
    const items: InstructionItem[] = [
      item(
        "p1",
        ["language:response_language", "length_constraints:number_sentences"],
        [{ language: "fr" }, { num_sentences: 10, relation: "at least" }],
      ),
      item(
        "p2",
        ["change_case:english_lowercase", "detectable_format:number_bullet_lists"],
        [{}, { num_bullets: 3 }],
      ),
      item(
        "p3",
        ["change_case:capital_word_frequency", "length_constraints:number_words"],
        [
          { capital_frequency: 5, capital_relation: "at least" },
          { num_words: 300, relation: "at least" },
        ],
      ),
      item(
        "p4",
        ["detectable_format:json_format", "keywords:frequency"],
        [{}, { keyword: "river", frequency: 2, relation: "at least" }],
      ),
      item(
        "p5",
        ["detectable_format:number_highlighted_sections", "detectable_format:title"],
        [{ num_highlights: 3 }, {}],
      ),
      item(
        "p6",
        ["keywords:forbidden_words", "detectable_content:postscript"],
        [{ forbidden_words: ["flood", "storm"] }, { postscript_marker: "P.P.S" }],
      ),
      item(
        "p7",
        ["length_constraints:number_paragraphs", "startend:end_checker"],
        [{ num_paragraphs: 4 }, { end_phrase: "Is there anything else I can help with?" }],
      ),
      item(
        "p8",
        ["detectable_format:multiple_sections", "punctuation:no_comma"],
        [{ section_spliter: "SECTION", num_sections: 3 }, {}],
      ),
    ];
    // Every answer differs in its words, so no detector result is reused across answers.
    const words =
      "amber basil cedar dune ember fjord grove heron inlet juniper kestrel lagoon".split(" ");
    const w = (i: number, k: number) => `${words[(i * 7 + k) % 12]}${words[(i * 5 + k) % 12]}`;
    const answer = (i: number) =>
      `Sure, here is an answer about the ${w(i, 0)} river.\n\n` +
      Array.from(
        { length: 2 + (i % 5) },
        (_, k) =>
          `* The River ${w(i, k)} runs past the MILL, every day. It floods in ${w(i, k + 1)}!\n`,
      ).join("") +
      `- Boats ${w(i, 9)} are tied up. Nobody panics.\n\nP.S. ${w(i, 3)}`;
    const answers = Array.from({ length: 500 }, (_, i) => answer(i));
    const verdicts = answers.map((a, i) => scoreInstructionItem(items[i % items.length]!, a));
    expect(verdicts).toHaveLength(500);
    // Every answer has commas and "P.S.", so the no-comma and P.P.S items can never pass.
    for (const v of verdicts.filter((v) => v.itemId === "p8" || v.itemId === "p6"))
      expect(v.pass).toBe(false);
    expect(verdicts.every((v) => v.score >= 0 && v.score <= 1)).toBe(true);
  });
});
