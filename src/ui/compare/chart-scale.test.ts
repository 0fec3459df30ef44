import { describe, expect, it } from "vitest";
import { niceAxis, scale } from "./chart-scale";

describe("niceAxis", () => {
  it("covers the range with round steps", () => {
    const axis = niceAxis(912.4, 1087.9);
    expect(axis.min).toBeLessThanOrEqual(912.4);
    expect(axis.max).toBeGreaterThanOrEqual(1087.9);
    expect(axis.ticks).toEqual([900, 950, 1000, 1050, 1100]);
  });

  it("widens an empty range and accepts reversed bounds", () => {
    expect(niceAxis(1000, 1000).ticks).toContain(1000);
    expect(niceAxis(10, 0)).toMatchObject({ min: 0, max: 10 });
    expect(niceAxis(NaN, 3)).toEqual({ min: 0, max: 1, ticks: [0, 1] });
  });

  it("keeps steps of 1, 2, 2.5 or 5 times a power of ten", () => {
    for (const [lo, hi] of [
      [0, 7],
      [-3.3, 41],
      [980, 1004],
      [0.01, 0.09],
    ] as const) {
      const { ticks } = niceAxis(lo, hi);
      const step = ticks[1]! - ticks[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9)).toBe(true);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(9);
    }
  });
});

describe("scale", () => {
  it("maps the axis ends to the pixel ends", () => {
    const axis = { min: 900, max: 1100, ticks: [] };
    expect(scale(900, axis, 10, 210)).toBe(10);
    expect(scale(1000, axis, 10, 210)).toBe(110);
    expect(scale(1100, axis, 10, 210)).toBe(210);
  });
});
