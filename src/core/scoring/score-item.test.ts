import { describe, expect, it } from "vitest";
import type { SuiteItem } from "./types";
import { formatChoicePrompt } from "./choice";
import { formatMathPrompt } from "./math";
import { nodeVmRunner } from "./node-vm-runner.test-helper";
import { scoreItem } from "./score-item";

const runner = nodeVmRunner();

const items: Record<SuiteItem["kind"], SuiteItem> = {
  instruction: {
    id: "i",
    kind: "instruction",
    domain: "instruction",
    prompt: "Describe tea in lowercase letters only.",
    instructionIds: ["change_case:english_lowercase"],
    kwargs: [{}],
  },
  math: { id: "m", kind: "math", domain: "math", prompt: formatMathPrompt("2 + 2?"), answer: "4" },
  choice: {
    id: "c",
    kind: "choice",
    domain: "reasoning",
    question: "Which is even?",
    options: ["1", "3", "4", "5"],
    prompt: formatChoicePrompt("Which is even?", ["1", "3", "4", "5"]),
    answer: "C",
  },
  code: {
    id: "k",
    kind: "code",
    domain: "code",
    language: "javascript",
    prompt: "const twice = (x) => {\n",
    test: "console.assert(twice(4) === 8)",
    entryPoint: "twice",
  },
  checks: {
    id: "x",
    kind: "checks",
    domain: "chat",
    prompt: "Say hi",
    checks: [{ type: "predicate", code: "return /^hi/i.test(answer);" }],
  },
};

describe("scoreItem", () => {
  it.each([
    ["math", "2 + 2 = 4.\nAnswer: 4", "Answer: 5"],
    ["choice", "The answer is C", "The answer is B"],
    ["code", "  return 2 * x;\n}\n", "  return x + 2;\n}\n"],
    ["checks", "Hi there", "Hello"],
    [
      "instruction",
      "tea is a warm drink made by pouring hot water over dried leaves, and many people enjoy it every morning.",
      "Tea is a warm drink made by pouring hot water over dried leaves, and many people enjoy it every morning.",
    ],
  ] as const)("dispatches %s items", async (kind, right, wrong) => {
    expect((await scoreItem(items[kind], right, runner)).pass).toBe(true);
    expect((await scoreItem(items[kind], wrong, runner)).pass).toBe(false);
  });

  it("scores only what follows the reasoning trace", async () => {
    const answer = "<think>Maybe 5? No: 2 + 2 = 4.</think>\nAnswer: 5";
    expect(await scoreItem(items.math, answer, runner)).toMatchObject({
      pass: false,
      extracted: "5",
    });
    const unfinished = "<think>2 + 2 is 4, so the answer is";
    expect(await scoreItem(items.math, unfinished, runner)).toMatchObject({ pass: false });
  });
});
