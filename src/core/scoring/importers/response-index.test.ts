import { describe, expect, it } from "vitest";
import { formatChoicePrompt } from "../choice";
import type { ChoiceItem, Suite } from "../types";
import { normalizeText, ResponseIndex } from "./response-index";
import { matchResponses, parseResponses } from "./responses";

function choice(id: string, question: string, options: string[], answer = "A"): ChoiceItem {
  const prompt = formatChoicePrompt(question, options);
  return { id, kind: "choice", domain: "knowledge", question, options, prompt, answer };
}

const suite: Suite = {
  id: "s",
  name: "mmlu.csv",
  description: "",
  source: "mmlu.csv",
  items: [
    choice("q1", "What is 2 + 2?", ["3", "4", "5", "6"], "B"),
    // Asked twice with different options (MMLU has such pairs).
    choice("q2", "Which of these is a prime?", ["4", "6", "7", "8"], "C"),
    choice("q3", "Which of these is a prime?", ["9", "11", "12", "15"], "B"),
    // Asked twice with the same options: true duplicates.
    choice("q4", "Pick the vowel.", ["b", "e", "k", "t"], "B"),
    choice("q5", "Pick the vowel.", ["b", "e", "k", "t"], "B"),
    {
      id: "m1",
      kind: "math",
      domain: "math",
      prompt: 'A tank holds 1,200 litres.\nHow long until empty?\n\nEnd with "Answer: N".',
      answer: "8",
    },
  ],
};

const index = new ResponseIndex(suite);
const ids = (lookup: ReturnType<ResponseIndex["lookup"]>) =>
  lookup.found === "one"
    ? [lookup.item.id]
    : lookup.found === "same"
      ? lookup.items.map((i) => i.id)
      : lookup.found;

describe("normalizeText", () => {
  it("treats spacing, line endings and composed characters as the same text", () => {
    expect(normalizeText("  What  is\t2 + 2? \r\n B ")).toBe("What is 2 + 2?\nB");
    expect(normalizeText("cafe\u0301")).toBe(normalizeText("caf\u00e9"));
  });
});

describe("ResponseIndex", () => {
  it("finds an item by its question, its whole prompt, or the first lines of its prompt", () => {
    expect(ids(index.lookup({ question: "What is 2 + 2?" }))).toEqual(["q1"]);
    expect(ids(index.lookup({ question: "  what is 2 + 2?" }))).toBe("none");
    expect(ids(index.lookup({ prompt: suite.items[0]!.prompt }))).toEqual(["q1"]);
    expect(
      ids(index.lookup({ question: "A tank holds 1,200 litres.\nHow long until empty?" })),
    ).toEqual(["m1"]);
    expect(ids(index.lookup({ question: "A tank holds 1,200 litres." }))).toEqual(["m1"]);
    expect(ids(index.lookup({ question: "A tank holds" }))).toBe("none");
  });

  it("tells apart a question asked twice by the whole prompt or the options, else says so", () => {
    const q = "Which of these is a prime?";
    expect(ids(index.lookup({ question: q }))).toBe("ambiguous");
    expect(ids(index.lookup({ question: q, prompt: suite.items[2]!.prompt }))).toEqual(["q3"]);
    expect(ids(index.lookup({ question: q, options: ["4", "6", "7", "8"] }))).toEqual(["q2"]);
    // A prompt that fits nothing falls back to the question.
    expect(ids(index.lookup({ prompt: "something else", question: "What is 2 + 2?" }))).toEqual([
      "q1",
    ]);
  });

  it("gives every copy of a question asked twice with the same options", () => {
    expect(ids(index.lookup({ question: "Pick the vowel." }))).toEqual(["q4", "q5"]);
  });
});

describe("matchResponses by text", () => {
  const lines = (rows: object[]) => parseResponses(rows.map((r) => JSON.stringify(r)).join("\n"));

  it("matches duplicates in turn, options and prompts where given, and reports ambiguity", () => {
    const q = "Which of these is a prime?";
    const { pairs, unmatched } = matchResponses(
      suite,
      lines([
        { question: "Pick the vowel.", response: "B" },
        { question: "Pick the vowel.", response: "B" },
        { question: "Pick the vowel.", response: "B" },
        { question: q, choices: ["9", "11", "12", "15"], response: "B" },
        { question: q, prompt: suite.items[1]!.prompt, response: "C" },
        { question: q, response: "C" },
      ]),
    );
    expect(pairs.map((p) => `${p.response.line}:${p.item.id}`)).toEqual([
      "1:q4",
      "2:q5",
      "4:q3",
      "5:q2",
    ]);
    expect(unmatched).toEqual([
      {
        line: 3,
        reason: 'a second response from unnamed model to item "q4" (line 1 is scored)',
      },
      {
        line: 6,
        reason:
          '2 items of "mmlu.csv" ask this question with different options; give the item\'s id, its whole "prompt" or its "options"',
      },
    ]);
  });
});
