import { describe, expect, it } from "vitest";
import type { StoredAnswer, StoredComparison } from "./comparisons";
import { isAnswered, lastTurnAnswered, retryableColumns } from "./retry";

// Inline fixtures: the shapes of stored turns, not model output.
const usage = {
  promptTokens: 1,
  completionTokens: 1,
  ttftMs: 1,
  prefillTokensPerS: 1,
  decodeTokensPerS: 1,
  totalMs: 1,
};
const failed = { code: "unknown" as const, message: "x", advice: "", details: {} };
const answer = (text: string, extra: Partial<StoredAnswer> = {}): StoredAnswer => ({
  text,
  reasoning: "",
  finishReason: "stop",
  usage,
  ...extra,
});

const comparison = (turns: StoredComparison["turns"]) => ({ models: ["a", "b", "c"], turns });

describe("retryableColumns", () => {
  it("names the last turn's columns with no answer, an error or a stopped answer, in column order", () => {
    const c = comparison([
      { prompt: "old", answers: {} },
      {
        prompt: "now",
        answers: {
          a: answer("cut", { finishReason: "abort" }),
          c: answer("", { finishReason: "error", error: failed }),
        },
        notes: { b: "Could not download the model files." },
      },
    ]);
    expect(retryableColumns(c)).toEqual(["a", "b", "c"]);
  });

  it("leaves finished answers alone and looks at the last turn only", () => {
    const c = comparison([
      { prompt: "old", answers: {} },
      { prompt: "now", answers: { a: answer("yes"), b: answer("no", { finishReason: "length" }) } },
    ]);
    expect(retryableColumns(c)).toEqual(["c"]);
    expect(retryableColumns(comparison([]))).toEqual([]);
  });
});

describe("lastTurnAnswered", () => {
  it("is false when every column of the last turn failed, even if an earlier turn answered", () => {
    const c = comparison([
      { prompt: "old", answers: { a: answer("yes") } },
      { prompt: "now", answers: {}, notes: { a: "x", b: "x", c: "x" } },
    ]);
    expect(lastTurnAnswered(c)).toBe(false);
    expect(lastTurnAnswered(comparison([]))).toBe(false);
  });

  it("is true once one column has text, a stopped answer included", () => {
    const c = comparison([
      { prompt: "now", answers: { b: answer("part", { finishReason: "abort" }) } },
    ]);
    expect(lastTurnAnswered(c)).toBe(true);
    expect(isAnswered(answer(""))).toBe(false);
    expect(isAnswered(answer("t", { error: failed }))).toBe(false);
  });
});
