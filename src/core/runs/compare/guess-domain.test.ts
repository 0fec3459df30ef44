import { describe, expect, it } from "vitest";
import { EXAMPLE_PROMPTS, PROMPT_DOMAINS } from "./example-prompts";
import { guessDomain } from "./guess-domain";

describe("guessDomain", () => {
  it("files every example prompt under its own domain", () => {
    for (const example of EXAMPLE_PROMPTS) {
      expect([example.label, guessDomain(example.prompt)]).toEqual([example.label, example.domain]);
    }
  });

  it("has three examples per domain", () => {
    for (const domain of PROMPT_DOMAINS) {
      expect(EXAMPLE_PROMPTS.filter((e) => e.domain === domain)).toHaveLength(3);
    }
  });

  it("recognises code by language names and code fences", () => {
    expect(guessDomain("Write a Rust program that prints the date")).toBe("code");
    expect(guessDomain("What does this do?\n```\nx = [i*i for i in range(3)]\n```")).toBe("code");
    expect(guessDomain("def f(x): ... why is this slow")).toBe("code");
  });

  it("recognises arithmetic, percentages and word problems", () => {
    expect(guessDomain("12 * 7 = ?")).toBe("math");
    expect(guessDomain("What is 15% of 80?")).toBe("math");
    expect(guessDomain("How many apples are left if I eat three of ten?")).toBe("math");
  });

  it("prefers reasoning for puzzles even when numbers appear", () => {
    expect(guessDomain("A riddle: I have 3 coins that make 30 cents, one is not a nickel")).toBe(
      "reasoning",
    );
    expect(guessDomain("Solve this logic puzzle step by step")).toBe("reasoning");
  });

  it("falls back to instruction following", () => {
    expect(guessDomain("Write a short, friendly email declining a meeting.")).toBe("instruction");
    expect(guessDomain("")).toBe("instruction");
  });
});
