/** Pairwise human votes from blind comparisons, the input of the Bradley–Terry leaderboard. */
import type { Domain } from "../domains";

/** "a"/"b": that side won; "tie": both equally good; "both-bad": neither was acceptable. */
export type VoteOutcome = "a" | "b" | "tie" | "both-bad";

export interface Vote {
  /** Model ids of the two sides. */
  a: string;
  b: string;
  outcome: VoteOutcome;
  /** Task domain of the prompt ("code", "math"…), for per-domain leaderboards. */
  domain?: Domain;
  /** ms since the epoch. */
  at: number;
  /**
   * Where the answers voted on came from when not both were generated live: "replayed" from a
   * recording, or "fixture" (synthetic test data). Such votes say nothing about the models here,
   * so the live leaderboard leaves them out unless asked.
   */
  answers?: VoteAnswers;
}

export type VoteAnswers = "replayed" | "fixture";

/** "live", or where a vote's answers came from. */
export const answersOf = (vote: Vote): VoteAnswers | "live" => vote.answers ?? "live";
