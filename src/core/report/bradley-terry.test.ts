import { describe, expect, it } from "vitest";
import { bradleyTerryRatings, pointsForA } from "./bradley-terry";
import type { Vote, VoteOutcome } from "./vote-types";

/** `n` fixture votes of a against b with one outcome. */
function votes(a: string, b: string, outcome: VoteOutcome, n: number): Vote[] {
  return Array.from({ length: n }, (_, i) => ({ a, b, outcome, at: i }));
}

/** Log-likelihood in Elo units, written independently of the implementation. */
function logLikelihood(table: Vote[], r: Record<string, number>): number {
  let ll = 0;
  for (const v of table) {
    const pA = 1 / (1 + 10 ** ((r[v.b]! - r[v.a]!) / 400));
    const s = pointsForA(v.outcome);
    ll += s * Math.log(pA) + (1 - s) * Math.log(1 - pA);
  }
  return ll;
}

describe("Bradley–Terry ratings", () => {
  it("gives 400·log10(3) between two models at 3 wins to 1 without regularisation", () => {
    const table = [...votes("A", "B", "a", 3), ...votes("A", "B", "b", 1)];
    const r = bradleyTerryRatings(table, { prior: 0 });
    expect(r.A! - r.B!).toBeCloseTo(400 * Math.log10(3), 6);
    expect((r.A! + r.B!) / 2).toBeCloseTo(1000, 9);
  });

  it("counts a tie, and 'both bad', as half a win each", () => {
    const ties = [...votes("A", "B", "a", 1), ...votes("A", "B", "tie", 2)];
    const bad = [...votes("A", "B", "a", 1), ...votes("B", "A", "both-bad", 2)];
    // A scores 1 + 2·½ = 2 points, B scores 1: odds 2 to 1.
    for (const table of [ties, bad]) {
      const r = bradleyTerryRatings(table, { prior: 0 });
      expect(r.A! - r.B!).toBeCloseTo(400 * Math.log10(2), 6);
    }
  });

  it("matches a brute-force grid search of the likelihood on three models", () => {
    const table = [
      ...votes("A", "B", "a", 7),
      ...votes("A", "B", "b", 3),
      ...votes("B", "C", "a", 6),
      ...votes("B", "C", "b", 2),
      ...votes("C", "A", "a", 2),
      ...votes("C", "A", "b", 5),
      ...votes("A", "C", "tie", 2),
    ];
    const fitted = bradleyTerryRatings(table, { prior: 0 });
    // Coarse-to-fine search over (A − C, B − C) with C fixed at 0.
    let best = { a: 0, b: 0 };
    for (let step = 64; step >= 0.01; step /= 4) {
      let top = { ...best, ll: -Infinity };
      for (let i = -20; i <= 20; i++) {
        for (let j = -20; j <= 20; j++) {
          const a = best.a + i * step;
          const b = best.b + j * step;
          const ll = logLikelihood(table, { A: a, B: b, C: 0 });
          if (ll > top.ll) top = { a, b, ll };
        }
      }
      best = { a: top.a, b: top.b };
    }
    expect(fitted.A! - fitted.C!).toBeCloseTo(best.a, 1);
    expect(fitted.B! - fitted.C!).toBeCloseTo(best.b, 1);
    expect(fitted.A).toBeGreaterThan(fitted.B!);
    expect(fitted.B).toBeGreaterThan(fitted.C!);
  });

  it("maximises the regularised likelihood (gradient zero) with the default prior", () => {
    const table = [
      ...votes("A", "B", "a", 5),
      ...votes("B", "C", "a", 4),
      ...votes("A", "C", "b", 1),
    ];
    const r = bradleyTerryRatings(table);
    // Objective: votes plus one virtual half-won game per model against a reference at 0.
    const objective = (x: Record<string, number>) => {
      let ll = logLikelihood(table, { ...x, REF: 0 });
      for (const m of ["A", "B", "C"]) {
        ll += logLikelihood([{ a: m, b: "REF", outcome: "tie", at: 0 }], { ...x, REF: 0 });
      }
      return ll;
    };
    // The reported ratings are shifted to mean 1000; find the shift back from the stationarity.
    const shifted = (d: number) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v - d]));
    let lo = 900;
    let hi = 1100;
    for (let i = 0; i < 100; i++) {
      const m1 = lo + (hi - lo) / 3;
      const m2 = hi - (hi - lo) / 3;
      if (objective(shifted(m1)) < objective(shifted(m2))) lo = m1;
      else hi = m2;
    }
    const x = shifted((lo + hi) / 2);
    const h = 1e-3;
    for (const m of ["A", "B", "C"]) {
      const grad =
        (objective({ ...x, [m]: x[m]! + h }) - objective({ ...x, [m]: x[m]! - h })) / (2 * h);
      expect(Math.abs(grad)).toBeLessThan(1e-6);
    }
  });

  it("keeps a model with only wins finite, and equal records at the centre", () => {
    const r = bradleyTerryRatings(votes("A", "B", "a", 10));
    expect(Number.isFinite(r.A)).toBe(true);
    expect(r.A! - r.B!).toBeGreaterThan(100);
    const even = bradleyTerryRatings([...votes("A", "B", "a", 4), ...votes("A", "B", "b", 4)]);
    expect(even.A).toBeCloseTo(1000, 9);
    expect(even.B).toBeCloseTo(1000, 9);
  });

  it("pins the anchor model at the centre without changing differences", () => {
    const table = [
      ...votes("A", "B", "a", 3),
      ...votes("B", "C", "a", 3),
      ...votes("C", "A", "a", 1),
    ];
    const byMean = bradleyTerryRatings(table);
    const byB = bradleyTerryRatings(table, { anchor: "B" });
    expect(byB.B).toBeCloseTo(1000, 9);
    expect(byB.A! - byB.C!).toBeCloseTo(byMean.A! - byMean.C!, 9);
  });
});
