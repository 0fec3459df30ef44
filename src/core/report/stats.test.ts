import { describe, expect, it } from "vitest";
import {
  bootstrapMean,
  mcnemar,
  meanDifference,
  meanRatio,
  pairedBootstrap,
  wilson,
} from "./stats";

describe("wilson", () => {
  // Published Wilson 95% intervals (e.g. Newcombe 1998, Table I; Brown, Cai & DasGupta 2001).
  it("matches published intervals", () => {
    const cases: [number, number, number, number][] = [
      [0, 10, 0, 0.2775],
      [5, 10, 0.2366, 0.7634],
      [9, 10, 0.5958, 0.9821],
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
    ];
    for (const [k, n, low, high] of cases) {
      const w = wilson(k, n);
      expect(w.low).toBeCloseTo(low, 3);
      expect(w.high).toBeCloseTo(high, 3);
      expect(w.value).toBeCloseTo(k / n, 10);
    }
  });

  it("has no interval for no items", () => {
    expect(Number.isNaN(wilson(0, 0).low)).toBe(true);
  });
});

describe("bootstrap intervals", () => {
  it("contain the mean, are seeded, and shrink with more items", () => {
    const few = [1, 0, 1, 1, 0.5, 0, 1, 0.25];
    const many = Array.from({ length: 400 }, (_, i) => few[i % few.length]!);
    const a = bootstrapMean(few, { seed: 7 });
    expect(a).toEqual(bootstrapMean(few, { seed: 7 }));
    expect(a.low).toBeLessThanOrEqual(a.value);
    expect(a.high).toBeGreaterThanOrEqual(a.value);
    const b = bootstrapMean(many, { seed: 7 });
    expect(b.value).toBeCloseTo(a.value, 10);
    expect(b.high - b.low).toBeLessThan((a.high - a.low) / 3);
  });

  it("a paired ratio on a hand-checked table", () => {
    // 10 items: the first side passes 8, the second 10 → ratio 0.8, difference -0.2.
    const pairs = Array.from({ length: 10 }, (_, i) => [i < 8 ? 1 : 0, 1] as const);
    expect(meanRatio(pairs)).toBeCloseTo(0.8, 10);
    expect(meanDifference(pairs)).toBeCloseTo(-0.2, 10);
    const r = pairedBootstrap(pairs, meanRatio, { rounds: 4000, seed: 3 });
    expect(r.value).toBeCloseTo(0.8, 10);
    // The share of the 10 resampled items that pass is Binomial(10, 0.8)/10: its 2.5% and 97.5%
    // quantiles are 0.5 and 1.0.
    expect(r.low).toBeCloseTo(0.5, 1);
    expect(r.high).toBe(1);
  });

  it("skips resamples where the ratio is undefined", () => {
    const pairs = [[1, 0] as const, [1, 1] as const];
    const r = pairedBootstrap(pairs, meanRatio, { rounds: 200, seed: 1 });
    expect(Number.isFinite(r.low) && Number.isFinite(r.high)).toBe(true);
  });
});

describe("mcnemar", () => {
  it("gives the exact two-sided p on a hand-checked table", () => {
    // b = 2, c = 8: p = 2 * (C(10,0) + C(10,1) + C(10,2)) / 2^10 = 2 * 56 / 1024.
    const pairs = [
      ...Array.from({ length: 2 }, () => [true, false] as const),
      ...Array.from({ length: 8 }, () => [false, true] as const),
      ...Array.from({ length: 30 }, () => [true, true] as const),
    ];
    const m = mcnemar(pairs);
    expect(m).toMatchObject({ onlyFirst: 2, onlySecond: 8 });
    expect(m.p).toBeCloseTo(112 / 1024, 12);
    expect(mcnemar([[true, true]]).p).toBe(1);
    expect(mcnemar([[true, false]]).p).toBe(1); // 2 * 0.5, capped
  });

  it("stays finite for thousands of discordant items", () => {
    const pairs = Array.from({ length: 3000 }, (_, i) => [i % 3 === 0, i % 3 !== 0] as const);
    const m = mcnemar(pairs);
    expect(m.p).toBeGreaterThanOrEqual(0);
    expect(m.p).toBeLessThan(1e-10);
  });
});
