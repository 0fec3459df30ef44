import { describe, expect, it } from "vitest";
import { scoreMathItem } from "../math";
import { parseMathNumber } from "../math-number";
import type { MathItem } from "../types";
import { mathSuite } from "./math";

/** Integers lo..hi satisfying `ok`: brute force, a second method next to the algebra. */
const search = (lo: number, hi: number, ok: (n: number) => boolean) => {
  const found = [];
  for (let n = lo; n <= hi; n++) if (ok(n)) found.push(n);
  expect(found).toHaveLength(1);
  return found[0] as number;
};

/** Each answer recomputed independently of the suite text (simulation, search or arithmetic). */
const recompute: Record<string, () => number> = {
  bakery: () => 14 * 12 - 150,
  train: () => {
    let km = 0;
    for (let minute = 0; minute < 150; minute++) km += 84 / 60;
    return Math.round(km);
  },
  savings: () => search(0, 100, (w) => 45 + 15 * w === 240),
  discount: () => 80 - 80 / 4 - 5,
  fence: () => 18 + 7 + 18 + 7 - 2,
  library: () => [45, 45, 45, 38, 38].reduce((a, b) => a + b) - 29,
  pizza: () => (3 * 8) / 8,
  ages: () => search(1, 60, (d) => 4 * d + 20 === 2 * (d + 20)),
  average: () => search(0, 100, (s) => (78 + 85 + 92 + 88 + s) / 5 === 86),
  paint: () => Math.ceil((2 * (9 * 4 - 2 * 1.5)) / 12),
  movie: () => 19 * 60 + 45 + 2 * 60 + 35 - 21 * 60,
  tank: () => search(0, 200, (m) => 500 + 25 * m === 1200),
  recipe: () => (300 / 4) * 10,
  coins: () => search(0, 30, (q) => 25 * q + 10 * (30 - q) === 510),
  cyclist: () => 36 / 1.5,
  tickets: () => search(0, 50, (c) => 5 * 12 + 7 * c === 95),
  "price-rise": () => ((52 - 40) / 40) * 100,
  stairs: () => Math.round((5 * 340) / 17),
  "phone-plan": () => (2000 + 5 * 340) / 100,
  consecutive: () => search(-100, 100, (n) => n - 2 + (n - 1) + n === 96),
  marbles: () => search(0, 64, (ben) => 3 * ben + ben === 64) * 3 - 10,
  rain: () => 12 + 24 + (24 - 5),
  tiles: () => (600 / 40) * (400 / 40),
  wages: () => (1850 * 38 * 4) / 100,
  fuel: () => (65 * 340) / 1000,
  cookies: () => {
    let left = 24;
    left -= left / 4;
    left -= left / 3;
    return left;
  },
  plant: () => {
    let cm = 5;
    for (let week = 1; week <= 8; week++) cm += 1.5;
    return cm;
  },
  change: () => (1000 - 3 * 235 - 120) / 100,
};

const items = mathSuite.items as MathItem[];

describe("built-in math suite", () => {
  it("has at least 25 items with unique ids and numeric answers", () => {
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) expect(parseMathNumber(item.answer)).not.toBeNull();
  });

  it("has a second computation for every item and no extra ones", () => {
    expect(Object.keys(recompute).sort()).toEqual(
      items.map((i) => i.id.replace("math/", "")).sort(),
    );
  });

  it.each(items.map((i) => [i.id, i] as const))(
    "%s: the answer is confirmed by a second method",
    (id, item) => {
      const second = recompute[id.replace("math/", "")];
      expect(second).toBeDefined();
      const value = second?.() ?? NaN;
      expect(Math.abs(value - (parseMathNumber(item.answer) ?? NaN))).toBeLessThan(1e-9);
      expect(scoreMathItem(item, `Working it out...\nAnswer: ${value}`).pass).toBe(true);
      expect(scoreMathItem(item, `Answer: ${value + 1}`).pass).toBe(false);
    },
  );
});
