/**
 * Leaderboards from pairwise votes: Bradley–Terry ratings (see bradley-terry.ts for the model),
 * 95% bootstrap confidence intervals, and per-model counts. The bootstrap resamples whole votes
 * with replacement `rounds` times with a seeded generator, refits, and takes the 2.5th and 97.5th
 * percentiles of each model's rating (percentile method), so the same votes and seed always give
 * the same intervals.
 */
import { bradleyTerryRatings, fitLogStrengths, tallyVotes, toRatings } from "./bradley-terry";
import type { BradleyTerryOptions } from "./bradley-terry";
import { seededRandom } from "./prng";
import type { Vote } from "./vote-types";

export interface LeaderboardOptions extends BradleyTerryOptions {
  /** Bootstrap resamples; 0 skips the intervals (they then equal the rating). Default 1000. */
  rounds?: number;
  seed?: number;
  /** Interval coverage; default 0.95. */
  confidence?: number;
}

export interface LeaderboardRow {
  model: string;
  rating: number;
  ciLow: number;
  ciHigh: number;
  /** Votes involving this model. */
  games: number;
  wins: number;
  losses: number;
  /** Ties and "both bad" votes. */
  ties: number;
  /** (wins + ties / 2) / games: the same half-point rule the ratings use. */
  winRate: number;
}

export interface Leaderboard {
  rows: LeaderboardRow[];
  totalVotes: number;
}

/** Ratings, intervals and counts for every model in `votes`, best first. */
export function buildLeaderboard(
  votes: readonly Vote[],
  options: LeaderboardOptions = {},
): Leaderboard {
  const valid = votes.filter((v) => v.a !== v.b);
  const ratings = bradleyTerryRatings(valid, options);
  const intervals = bootstrapIntervals(valid, options);
  const rows = Object.entries(ratings).map(([model, rating]) => {
    const counts = countResults(valid, model);
    const [ciLow, ciHigh] = intervals[model] ?? [rating, rating];
    return { model, rating, ciLow, ciHigh, ...counts };
  });
  rows.sort((x, y) => y.rating - x.rating || x.model.localeCompare(y.model));
  return { rows, totalVotes: valid.length };
}

/** The domains the votes name, sorted (votes without a domain only count overall). */
export function votedDomains(votes: readonly Vote[]): string[] {
  return [...new Set(votes.flatMap((v) => (v.domain ? [v.domain] : [])))].sort();
}

/** The votes of one domain, or all of them for `null`: what a per-domain leaderboard is built on. */
export function domainVotes(votes: readonly Vote[], domain: string | null): Vote[] {
  return domain === null ? [...votes] : votes.filter((v) => v.domain === domain);
}

/** Percentile bootstrap interval [low, high] of each model's rating. */
export function bootstrapIntervals(
  votes: readonly Vote[],
  options: LeaderboardOptions = {},
): Record<string, [number, number]> {
  const { rounds = 1000, seed = 1, confidence = 0.95 } = options;
  const base = tallyVotes(votes);
  if (rounds <= 0 || votes.length === 0) return {};
  const start = fitLogStrengths(base, options);
  const random = seededRandom(seed);
  const samples = base.models.map(() => new Array<number>(rounds));
  for (let r = 0; r < rounds; r++) {
    const resample = votes.map(() => votes[Math.floor(random() * votes.length)]!);
    // Same model order as the full fit, so a model missing from a resample keeps its row.
    const tally = tallyVotes(resample, base.models);
    const ratings = toRatings(base.models, fitLogStrengths(tally, options, start), options);
    base.models.forEach((m, i) => (samples[i]![r] = ratings[m]!));
  }
  const tail = (1 - confidence) / 2;
  return Object.fromEntries(
    base.models.map((m, i) => {
      const sorted = samples[i]!.sort((x, y) => x - y);
      return [m, [quantile(sorted, tail), quantile(sorted, 1 - tail)]];
    }),
  );
}

/** Linear-interpolation quantile of an ascending array. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function countResults(votes: readonly Vote[], model: string) {
  let wins = 0;
  let losses = 0;
  let ties = 0;
  for (const v of votes) {
    if (v.a !== model && v.b !== model) continue;
    if (v.outcome === "tie" || v.outcome === "both-bad") ties++;
    else if ((v.outcome === "a") === (v.a === model)) wins++;
    else losses++;
  }
  const games = wins + losses + ties;
  return { games, wins, losses, ties, winRate: games ? (wins + ties / 2) / games : 0 };
}
