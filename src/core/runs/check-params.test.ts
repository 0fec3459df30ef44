import { describe, expect, it } from "vitest";
import { checkParams, paramsMessage } from "./check-params";

describe("checkParams", () => {
  it("accepts defaults and values in range", () => {
    expect(checkParams({})).toEqual([]);
    expect(checkParams({ temperature: 0, top_p: 1, max_tokens: 1, seed: 0 })).toEqual([]);
    expect(checkParams({ temperature: 2, top_p: 0.01, max_tokens: 4096, seed: 42 })).toEqual([]);
  });

  it("refuses values out of range, fractions where whole numbers go, and unreadable text", () => {
    const problems = checkParams({ temperature: -1, top_p: 0, max_tokens: 1.5, seed: -3 });
    expect(problems.map((p) => p.key)).toEqual(["temperature", "top_p", "max_tokens", "seed"]);
    expect(checkParams({ temperature: 3 })[0]?.message).toBe(
      "Temperature must be a number from 0 to 2.",
    );
    expect(checkParams({ temperature: 1 }, ["temperature"]).map((p) => p.key)).toEqual([
      "temperature",
    ]);
  });

  it("says it in one sentence", () => {
    expect(paramsMessage([])).toBe("");
    expect(paramsMessage(checkParams({ max_tokens: 0 }))).toBe(
      "Fix the settings first: Max tokens must be a whole number from 1.",
    );
  });
});
