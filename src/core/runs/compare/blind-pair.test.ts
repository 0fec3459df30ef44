import { describe, expect, it } from "vitest";
import { seededRandom } from "../../report/prng";
import { pickBlindPair } from "./blind-pair";

describe("pickBlindPair", () => {
  it("returns null when fewer than two different models are in the pool", () => {
    expect(pickBlindPair([])).toBeNull();
    expect(pickBlindPair(["a"])).toBeNull();
    expect(pickBlindPair(["a", "a"])).toBeNull();
  });

  it("always picks two different models from the pool", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const pair = pickBlindPair(["a", "b", "c", "d"], random);
      expect(pair).not.toBeNull();
      const [x, y] = pair!;
      expect(x).not.toBe(y);
      expect(["a", "b", "c", "d"]).toContain(x);
      expect(["a", "b", "c", "d"]).toContain(y);
    }
  });

  it("draws every ordered pair about equally often", () => {
    const random = seededRandom(42);
    const counts = new Map<string, number>();
    const n = 12000;
    for (let i = 0; i < n; i++) {
      const key = pickBlindPair(["a", "b", "c"], random)!.join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["ab", "ac", "ba", "bc", "ca", "cb"]);
    // Six ordered pairs, 2000 each expected; allow ±10%.
    for (const c of counts.values()) expect(Math.abs(c - n / 6)).toBeLessThan(n / 60);
  });

  it("uses the random source at the edges without running past the pool", () => {
    expect(pickBlindPair(["a", "b"], () => 0)).toEqual(["a", "b"]);
    expect(pickBlindPair(["a", "b"], () => 0.9999)).toEqual(["b", "a"]);
  });
});
