import { describe, expect, it } from "vitest";
import { numbersMatch, parseMathNumber, showNumber } from "./math-number";

describe("parseMathNumber", () => {
  it.each([
    ["42", 42],
    ["-3.5", -3.5],
    ["1,234", 1234],
    ["1,234,567.5", 1234567.5],
    ["$12.50", 12.5],
    ["\\$12.50", 12.5],
    ["45%", 45],
    ["45\\%", 45],
    ["3/4", 0.75],
    ["\\frac{3}{4}", 0.75],
    ["\\dfrac{-1}{8}", -0.125],
    ["-\\frac{3}{4}", -0.75],
    ["−5", -5],
    ["18 dollars", 18],
    ["7.", 7],
    [".5", 0.5],
    ["$5$", 5],
    ["\\text{12} apples", 12],
    ["2.5e3", 2500],
  ])("reads %s as %d", (raw, value) => {
    expect(parseMathNumber(raw)).toBeCloseTo(value, 12);
  });

  it.each(["", "seven", "x + 1", "1/0"])("gives null for %j", (raw) => {
    expect(parseMathNumber(raw)).toBeNull();
  });
});

describe("numbersMatch", () => {
  it("accepts floating point noise and rejects real differences", () => {
    expect(numbersMatch(0.3, 0.1 + 0.2)).toBe(true);
    expect(numbersMatch(1_000_000, 1_000_000.5)).toBe(true);
    expect(numbersMatch(1_000, 1_000.5)).toBe(false);
    expect(numbersMatch(0, 1e-12)).toBe(true);
    expect(numbersMatch(42, 41)).toBe(false);
    expect(numbersMatch(-5, 5)).toBe(false);
  });

  it("shows numbers compactly", () => {
    expect(showNumber(42)).toBe("42");
    expect(showNumber(1 / 3)).toBe("0.333333");
  });
});
