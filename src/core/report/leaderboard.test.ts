import { describe, expect, it } from "vitest";
import type { Domain } from "../domains";
import {
  bootstrapIntervals,
  buildLeaderboard,
  domainVotes,
  votedDomains,
  quantile,
} from "./leaderboard";
import type { Vote, VoteOutcome } from "./vote-types";

function votes(a: string, b: string, outcome: VoteOutcome, n: number, domain?: Domain): Vote[] {
  return Array.from({ length: n }, (_, i) => ({
    a,
    b,
    outcome,
    at: i,
    ...(domain ? { domain } : {}),
  }));
}

/** Generalist G against specialists S1 (code) and S2 (math), fixture votes. */
const table: Vote[] = [
  ...votes("G", "S1", "b", 6, "code"),
  ...votes("G", "S1", "a", 2, "code"),
  ...votes("G", "S1", "tie", 1, "code"),
  ...votes("S2", "G", "a", 5, "math"),
  ...votes("S2", "G", "both-bad", 1, "math"),
  ...votes("S2", "G", "b", 3, "math"),
  ...votes("S1", "S2", "a", 2),
];

describe("leaderboard", () => {
  it("ranks models and counts wins, losses, ties and win rates", () => {
    const board = buildLeaderboard(table, { rounds: 200 });
    expect(board.totalVotes).toBe(20);
    const g = board.rows.find((r) => r.model === "G")!;
    expect(g).toMatchObject({ games: 18, wins: 5, losses: 11, ties: 2 });
    expect(g.winRate).toBeCloseTo(6 / 18, 12);
    expect(board.rows.map((r) => r.model)).toEqual(["S1", "S2", "G"]);
    for (const row of board.rows) {
      expect(row.ciLow).toBeLessThanOrEqual(row.rating);
      expect(row.ciHigh).toBeGreaterThanOrEqual(row.rating);
    }
  });

  it("narrows the interval when there are four times as many votes in the same proportions", () => {
    const few = [...votes("A", "B", "a", 6), ...votes("A", "B", "b", 2)];
    const many = [...votes("A", "B", "a", 24), ...votes("A", "B", "b", 8)];
    const width = (v: Vote[]) => {
      const [lo, hi] = bootstrapIntervals(v, { rounds: 500, seed: 7 }).A!;
      return hi - lo;
    };
    expect(width(many)).toBeLessThan(width(few) * 0.75);
  });

  it("gives the same intervals for the same seed and different ones for another", () => {
    const a = bootstrapIntervals(table, { rounds: 300, seed: 42 });
    const b = bootstrapIntervals(table, { rounds: 300, seed: 42 });
    const c = bootstrapIntervals(table, { rounds: 300, seed: 43 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("builds one leaderboard per domain from that domain's votes only", () => {
    const boards = Object.fromEntries(
      votedDomains(table).map((d) => [d, buildLeaderboard(domainVotes(table, d), { rounds: 50 })]),
    );
    expect(Object.keys(boards)).toEqual(["code", "math"]);
    expect(boards.code!.totalVotes).toBe(9);
    expect(boards.code!.rows.map((r) => r.model)).toEqual(["S1", "G"]);
    expect(boards.math!.rows.map((r) => r.model)).toEqual(["S2", "G"]);
  });

  it("ignores self-pairs and handles no votes", () => {
    expect(buildLeaderboard([...votes("A", "A", "a", 3)]).rows).toEqual([]);
    expect(buildLeaderboard([]).totalVotes).toBe(0);
  });

  it("interpolates quantiles", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });
});
