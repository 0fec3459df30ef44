import { describe, expect, it } from "vitest";
import type { MathItem } from "./types";
import { extractMathAnswer } from "./math-extract";
import { formatMathPrompt, scoreMathItem } from "./math";

const item = (answer: string): MathItem => ({
  id: "m1",
  kind: "math",
  domain: "math",
  prompt: formatMathPrompt("Tom has 12 apples and eats 5. How many are left?"),
  answer,
});

describe("extractMathAnswer", () => {
  it.each([
    ["Work...\n#### 1,234", "1,234", "hashes"],
    ["So $x = \\boxed{\\frac{3}{4}}$.", "\\frac{3}{4}", "boxed"],
    ["\\boxed{\\text{42}}", "42", "boxed"],
    ["The answer is $12.50.", "$12.50", "marker"],
    ["**Final Answer:** 18 dollars", "18", "marker"],
    ["Answer: −5", "−5", "marker"],
    ["Q: how many?\nA: 7", "7", "marker"],
    ["She pays 3 + 4 = 7 dollars.", "7", "last-number"],
    ["It rose by 45%.", "45%", "last-number"],
    ["x = 10 - 3 so she has 7", "7", "last-number"],
  ])("finds the answer in %j", (text, expected, source) => {
    expect(extractMathAnswer(text)).toMatchObject({ text: expected, source });
  });

  it("prefers the last of #### and \\boxed", () => {
    expect(extractMathAnswer("\\boxed{3}\n#### 4")?.text).toBe("4");
    expect(extractMathAnswer("#### 4\nActually \\boxed{5}")?.text).toBe("5");
  });

  it("skips markers without a number", () => {
    expect(extractMathAnswer("The answer is 9.\nThe answer is below.\n")?.text).toBe("9");
  });

  it("finds nothing in text without numbers", () => {
    expect(extractMathAnswer("")).toBeNull();
    expect(extractMathAnswer("I don't know.")).toBeNull();
  });
});

describe("scoreMathItem", () => {
  it("passes equal values written differently", () => {
    expect(scoreMathItem(item("1234"), "Total: 1,234 items\n#### 1,234").pass).toBe(true);
    expect(scoreMathItem(item("12.5"), "The answer is \\$12.50").pass).toBe(true);
    expect(scoreMathItem(item("0.75"), "\\boxed{\\frac{3}{4}}").pass).toBe(true);
    expect(scoreMathItem(item("3/4"), "Answer: 0.75").pass).toBe(true);
    expect(scoreMathItem(item("-5"), "Answer: −5.").pass).toBe(true);
    expect(scoreMathItem(item("45"), "So 45% of them.").pass).toBe(true);
    expect(scoreMathItem(item("7"), "12 - 5 = 7 apples are left.").pass).toBe(true);
  });

  it("fails an empty answer with a reason", () => {
    const v = scoreMathItem(item("7"), "");
    expect(v).toMatchObject({ pass: false, score: 0, reason: "no final answer found" });
  });

  it("fails when the question's number is mentioned but the final answer differs", () => {
    const v = scoreMathItem(item("12"), "Tom starts with 12 apples, eats 5, so 7 are left.");
    expect(v).toMatchObject({ pass: false, extracted: "7", reason: "expected 12, got 7" });
  });

  it("lets an explicit answer beat a later bare number", () => {
    const v = scoreMathItem(item("6"), "The answer is 5. Wait, actually 6.");
    expect(v).toMatchObject({ pass: false, extracted: "5" });
  });

  it("lets a later explicit answer correct an earlier one", () => {
    const v = scoreMathItem(item("6"), "The answer is 5. Wait, no: the answer is 6.");
    expect(v).toMatchObject({ pass: true, extracted: "6", reason: "correct" });
  });

  it("compares non-numeric expected answers as text", () => {
    const symbolic = { ...item("x+1"), answer: "x+1" };
    expect(scoreMathItem(symbolic, "\\boxed{x + 1}").pass).toBe(true);
    expect(scoreMathItem(symbolic, "The answer is x + 2.").reason).toBe("expected x+1, got x + 2.");
    expect(scoreMathItem({ ...symbolic, answer: "2" }, "\\boxed{3}").reason).toBe(
      "expected 2, got 3",
    );
  });

  it("uses a relative tolerance, not exact float equality", () => {
    expect(scoreMathItem(item("0.3"), "Answer: 0.30000000000000004").pass).toBe(true);
    expect(scoreMathItem(item("0.3"), "Answer: 0.31").pass).toBe(false);
  });

  it("asks for a final answer line", () => {
    expect(item("7").prompt).toMatch(/Answer: N/);
  });
});
