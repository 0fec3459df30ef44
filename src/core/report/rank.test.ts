import { describe, expect, it } from "vitest";
import { buildLeaderboard } from "./leaderboard";
import { competitionRanks, ratingRanks } from "./rank";

describe("competitionRanks", () => {
  it("gives equal scores an equal rank and skips the places they share", () => {
    expect(competitionRanks([1010, 1000, 1000, 990])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([5, 5, 3])).toEqual([1, 1, 3]);
    expect(competitionRanks([7, 7, 7])).toEqual([1, 1, 1]);
  });

  it("does not depend on the order of the scores", () => {
    expect(competitionRanks([3, 9, 5, 9])).toEqual([4, 1, 3, 1]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe("ratingRanks", () => {
  it("ranks ratings as they are shown, in whole points", () => {
    const rows = [{ rating: 1012.2 }, { rating: 1000.4 }, { rating: 999.6 }, { rating: 987 }];
    expect(ratingRanks(rows)).toEqual([1, 2, 2, 4]);
  });

  it("ranks two models tied by their only vote equally", () => {
    const board = buildLeaderboard([{ a: "X", b: "Y", outcome: "tie", at: 0 }], { rounds: 50 });
    expect(board.rows.map((r) => Math.round(r.rating))).toEqual([1000, 1000]);
    expect(ratingRanks(board.rows)).toEqual([1, 1]);
  });

  it("ranks a winner above a loser", () => {
    const board = buildLeaderboard([{ a: "X", b: "Y", outcome: "a", at: 0 }], { rounds: 0 });
    expect(board.rows.map((r) => r.model)).toEqual(["X", "Y"]);
    expect(ratingRanks(board.rows)).toEqual([1, 2]);
  });
});
