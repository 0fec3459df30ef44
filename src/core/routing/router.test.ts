import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTE_LABELS, type RouteLabel } from "./labels";
import type { RouterModel } from "./model";
import { createRouter } from "./router";
import { chooseMember } from "./team";
import {
  DEFAULT_TRAIN_OPTIONS,
  parseLexicon,
  parsePrompts,
  serializeModel,
  splitHeldOut,
  trainRouter,
} from "./train";
import committed from "./router-model.json";
import { builtInSuites } from "../scoring/suites";

const data = parsePrompts(readFileSync("data/router/prompts.jsonl", "utf8"));
const model = committed as RouterModel;
const router = createRouter(model);

describe("the router's data and training", () => {
  it("has several hundred prompts over every label, mixed ones too, and a fixed held-out split", () => {
    expect(data.length).toBeGreaterThanOrEqual(300);
    for (const l of ROUTE_LABELS) {
      expect(data.filter((p) => p.label === l).length).toBeGreaterThanOrEqual(50);
    }
    expect(data.filter((p) => (p.labels?.length ?? 0) > 1).length).toBeGreaterThanOrEqual(30);
    const { train, test } = splitHeldOut(data);
    expect(train.length + test.length).toBe(data.length);
    expect(test.some((p) => train.some((q) => q.id === p.id))).toBe(false);
    // The split depends on ids only: the same in any file order.
    expect(
      splitHeldOut([...data].reverse())
        .test.map((p) => p.id)
        .sort(),
    ).toEqual(test.map((p) => p.id).sort());
  });

  it("scores at least 90% on its held-out prompts (confusion matrix printed)", () => {
    const held = model.training.heldOut;
    console.log(
      `router held-out accuracy ${(held.accuracy * 100).toFixed(1)}% on ${held.n} prompts\n` +
        ["true\\pred", ...model.labels].map((s) => s.padStart(12)).join("") +
        "\n" +
        held.confusion
          .map((row, i) =>
            [model.labels[i]!, ...row.map(String)].map((s) => s.padStart(12)).join(""),
          )
          .join("\n"),
    );
    expect(held.n).toBeGreaterThanOrEqual(60);
    expect(held.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(held.confusion.flat().reduce((s, x) => s + x, 0)).toBe(held.n);
  });

  it("the committed weights are exactly what the training script makes from the data", () => {
    const lexicon = parseLexicon(readFileSync("data/router/lexicon.json", "utf8"));
    const fresh = serializeModel(trainRouter(data, { ...DEFAULT_TRAIN_OPTIONS, lexicon }));
    expect(fresh).toBe(readFileSync("src/core/routing/router-model.json", "utf8"));
  });
});

// Written for this test, in phrasings the data file does not use.
const UNSEEN: [RouteLabel, string][] = [
  [
    "code",
    'def count_words(path: str) -> dict[str, int]:\n    """Read a text file and return how often each word occurs, lowercased."""',
  ],
  [
    "code",
    "/**\n * Clamp a number between min and max.\n */\nexport function clamp(value: number, min: number, max: number): number {",
  ],
  ["code", "How do I add a column with a default value to an existing Postgres table?"],
  [
    "code",
    "My Python loop is slow when appending to a pandas DataFrame row by row. What should I do instead?",
  ],
  [
    "math",
    "A farmer has 120 metres of fence and wants to enclose the largest rectangular field along a river (no fence needed on the river side). What dimensions should the field have?",
  ],
  [
    "math",
    "Lena saves $12 in the first week and each week saves $3 more than the week before. How much has she saved after 10 weeks?",
  ],
  ["math", "Find the area between y = x^2 and y = 2x."],
  ["math", "What is 3/8 plus 5/12?"],
  [
    "instruction",
    "Write a paragraph about the ocean. Answer in exactly 3 bullet points, all lowercase, and do not use the word 'blue'.",
  ],
  [
    "instruction",
    "Describe your favourite food in under 30 words, wrap the whole answer in double quotation marks and end it with the word 'yum'.",
  ],
  [
    "instruction",
    "List three capital cities. Your response must be a JSON array of strings and nothing else.",
  ],
  [
    "reasoning",
    "Which of these animals is a mammal?\nA) Shark\nB) Dolphin\nC) Trout\nD) Octopus\nAnswer with the letter.",
  ],
  [
    "reasoning",
    "If every member of the chess club also plays piano, and Maya does not play piano, is Maya in the chess club?",
  ],
  ["reasoning", "Tim is older than Ravi, and Ravi is older than Jo. Is Jo older than Tim?"],
  ["chat", "What's a cosy movie to watch with my grandma this weekend?"],
  [
    "chat",
    "I moved to a new city and don't know anyone. How do people usually make friends as adults?",
  ],
  ["chat", "Do you think it's worth visiting Paris in winter?"],
  ["chat", "hello there, what's up"],
];

const MIXED: string[] = [
  "Write a Python function that converts Celsius to Fahrenheit, then tell me in exactly two lowercase sentences why the formula works.",
  "Which of these is a prime number? A) 15 B) 21 C) 23 D) 27. Then write JavaScript that checks your answer.",
  "I'm cooking for 14 people and each needs 180 g of pasta. How many 500 g packs should I buy, and what sauce would you pick?",
  "Answer in exactly 3 bullet points, all lowercase: how do you find the derivative of x^2 sin(x)?",
  "Hey, hope you're well! Could you also explain what a Python generator is and when I'd use yield?",
];

describe("the router on prompts it has never seen", () => {
  it("labels each kind right: signatures with doc comments, word problems, constraints, options, chat", () => {
    const wrong = UNSEEN.map(([label, text]) => [label, router.route(text).label, text]).filter(
      ([a, b]) => a !== b,
    );
    expect(wrong).toEqual([]);
  });

  it("is less sure of prompts that mix domains, and most of them fall back", () => {
    const single = UNSEEN.map(([, t]) => router.route(t).confidence);
    const mixed = MIXED.map((t) => router.route(t));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(mixed.map((d) => d.confidence))).toBeLessThan(mean(single));
    expect(mixed.filter((d) => d.unsure).length).toBeGreaterThanOrEqual(
      Math.ceil(MIXED.length / 2),
    );
  });

  it("sends an unsure prompt to the fallback model and a sure one to its specialist", () => {
    const team = { mapping: { code: "coder", math: "mathy" }, fallback: "generalist" };
    const sure = router.route('def add(a, b):\n    """Return the sum of a and b."""');
    expect(sure.unsure).toBe(false);
    expect(chooseMember(sure, team)).toEqual({ modelId: "coder", reason: "specialist" });
    const unsure = MIXED.map((t) => router.route(t)).find((d) => d.unsure)!;
    expect(unsure.confidence).toBeLessThan(router.threshold);
    expect(chooseMember(unsure, team)).toEqual({ modelId: "generalist", reason: "unsure" });
    const chat = router.route("Do you think it's worth visiting Paris in winter?");
    expect(chooseMember({ ...chat, unsure: false }, team).reason).toBe("no-specialist");
  });

  it("returns a label, a confidence, all probabilities and its own time", () => {
    let t = 0;
    const timed = createRouter(model, { now: () => (t += 0.25) });
    const d = timed.route("What is 7 times 8?");
    expect(d.ms).toBe(0.25);
    expect(Object.keys(d.probabilities).sort()).toEqual([...ROUTE_LABELS].sort());
    expect(Object.values(d.probabilities).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
    expect(d.confidence).toBe(Math.max(...Object.values(d.probabilities)));
  });

  it("labels the built-in suites' items with their own domain (figures printed)", () => {
    let right = 0;
    let n = 0;
    const lines: string[] = [];
    for (const suite of builtInSuites) {
      const ok = suite.items.filter((i) => router.route(i.prompt).label === i.domain).length;
      lines.push(`${suite.id}: ${ok}/${suite.items.length}`);
      right += ok;
      n += suite.items.length;
    }
    console.log(`router on the built-in suites: ${lines.join(", ")}`);
    expect(right / n).toBeGreaterThanOrEqual(0.9);
  });
});
