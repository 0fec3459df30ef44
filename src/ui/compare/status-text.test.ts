import { describe, expect, it } from "vitest";
import { paramsText, statusText } from "./status-text";

const usage = {
  promptTokens: 1,
  completionTokens: 1,
  ttftMs: 1,
  prefillTokensPerS: 1,
  decodeTokensPerS: 1,
  totalMs: 1,
};

describe("statusText", () => {
  it("reads each state with its detail", () => {
    expect(statusText(undefined)).toEqual({ text: "", tone: "idle" });
    expect(statusText({ state: "loading", fraction: 0.423, text: "" })).toEqual({
      text: "Loading 42%",
      tone: "busy",
    });
    expect(statusText({ state: "skipped", reason: "Needs 9 GB." }).text).toBe(
      "Skipped: Needs 9 GB.",
    );
    expect(
      statusText({
        state: "error",
        error: { code: "out-of-memory", message: "No room.", advice: "", details: {} },
      }),
    ).toEqual({ text: "Error: No room.", tone: "bad" });
    const result = { text: "x", reasoning: "", usage };
    expect(statusText({ state: "done", result: { ...result, finishReason: "stop" } }).text).toBe(
      "Done",
    );
    expect(
      statusText({ state: "done", result: { ...result, finishReason: "length" } }).text,
    ).toMatch(/token limit/);
    expect(statusText({ state: "cancelled" }).text).toBe("Cancelled");
  });
});

describe("paramsText", () => {
  it("says greedy at temperature 0 and names seed, cap and thinking", () => {
    expect(paramsText({ temperature: 0, seed: 1, max_tokens: 512, enable_thinking: false })).toBe(
      "temperature 0 (greedy) · seed 1 · at most 512 tokens · thinking off",
    );
    expect(paramsText({ temperature: 0.7, top_p: 0.9 })).toBe(
      "temperature 0.7 · top-p 0.9 · no fixed seed",
    );
    expect(paramsText({})).toBe("model's default temperature · no fixed seed");
  });
});
