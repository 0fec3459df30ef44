/**
 * Bradley–Terry ratings from pairwise votes, on the Elo scale LMArena uses: a difference of `scale`
 * (400) points means odds of `base` (10) to 1, i.e. P(i beats j) = 1 / (1 + base^((Rj − Ri)/scale)).
 *
 * Choices, so the numbers can be checked:
 * - A tie counts as half a win for each side; "both bad" is treated as a tie (neither side showed
 *   it was better; the vote still says the two are close).
 * - Fitted by maximum likelihood with Hunter's MM algorithm (2004), Gauss–Seidel order.
 * - Regularisation by virtual games: each model plays `prior` games (default 1) against a fixed
 *   reference player and wins half of them. This keeps a model with only wins (or only losses)
 *   finite and pulls models with few votes toward the middle. `prior: 0` gives the plain maximum
 *   likelihood estimate, which exists only when every model has both a win and a loss in a connected
 *   vote graph; otherwise strengths are clamped at ±LOG_CAP.
 * - Anchoring: ratings are shifted so their mean is `center` (1000), or so that the model named
 *   `anchor` sits exactly at `center` (an anchor absent from the votes falls back to the mean).
 */
import type { Vote } from "./vote-types";

export interface BradleyTerryOptions {
  scale?: number;
  base?: number;
  center?: number;
  /** Model pinned at `center`; default (or when absent from the votes): the mean is `center`. */
  anchor?: string;
  /** Virtual half-won games per model against a reference player; 0 = plain MLE. */
  prior?: number;
  maxIterations?: number;
  /** Stop when no log-strength moves by more than this. */
  tolerance?: number;
}

/** Pairwise results: `wins[i][j]` = wins of models[i] over models[j], ties counting ½ each. */
export interface Tally {
  models: string[];
  wins: number[][];
}

const LOG_CAP = 50;

/** Half-win points for side a of a vote (b gets 1 − this). */
export function pointsForA(outcome: Vote["outcome"]): number {
  return outcome === "a" ? 1 : outcome === "b" ? 0 : 0.5;
}

/** Count votes into a win matrix; `models` fixes the order (default: sorted ids seen). */
export function tallyVotes(votes: readonly Vote[], models?: string[]): Tally {
  const ids = models ?? [...new Set(votes.flatMap((v) => [v.a, v.b]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const wins = ids.map(() => ids.map(() => 0));
  for (const v of votes) {
    const i = index.get(v.a);
    const j = index.get(v.b);
    if (i === undefined || j === undefined || i === j) continue;
    const pa = pointsForA(v.outcome);
    wins[i]![j]! += pa;
    wins[j]![i]! += 1 - pa;
  }
  return { models: ids, wins };
}

/** Natural-log strengths maximising the (regularised) likelihood; `start` warm-starts the fit. */
export function fitLogStrengths(
  tally: Tally,
  options: BradleyTerryOptions = {},
  start?: number[],
): number[] {
  const n = tally.models.length;
  const { prior = 1, maxIterations = 10_000, tolerance = 1e-10 } = options;
  const w = tally.wins;
  const p = start ? start.map(Math.exp) : new Array<number>(n).fill(1);
  const totalWins = w.map((row) => row.reduce((s, x) => s + x, 0) + prior / 2);
  for (let iter = 0; iter < maxIterations; iter++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let denom = prior / (p[i]! + 1);
      for (let j = 0; j < n; j++) {
        const games = w[i]![j]! + w[j]![i]!;
        if (j !== i && games > 0) denom += games / (p[i]! + p[j]!);
      }
      const next = denom > 0 ? clamp(Math.log(totalWins[i]! / denom)) : 0;
      change = Math.max(change, Math.abs(next - Math.log(p[i]!)));
      p[i] = Math.exp(next);
    }
    // Without the reference player the scale is free; pin the geometric mean at 1.
    if (prior === 0) normalise(p);
    if (change < tolerance) break;
  }
  return p.map((x) => Math.log(x));
}

/** Elo-scale ratings by model id (see the header for the model, ties and anchoring). */
export function bradleyTerryRatings(
  votes: readonly Vote[],
  options: BradleyTerryOptions = {},
): Record<string, number> {
  const tally = tallyVotes(votes);
  return toRatings(tally.models, fitLogStrengths(tally, options), options);
}

/** Convert log-strengths to anchored Elo-scale ratings. */
export function toRatings(
  models: string[],
  logStrengths: number[],
  options: BradleyTerryOptions = {},
): Record<string, number> {
  const { scale = 400, base = 10, center = 1000, anchor } = options;
  const raw = logStrengths.map((s) => (scale * s) / Math.log(base));
  const anchorIndex = anchor === undefined ? -1 : models.indexOf(anchor);
  const offset =
    anchorIndex >= 0 ? raw[anchorIndex]! : raw.reduce((s, x) => s + x, 0) / Math.max(raw.length, 1);
  return Object.fromEntries(models.map((m, i) => [m, center + raw[i]! - offset]));
}

function clamp(logStrength: number): number {
  if (Number.isNaN(logStrength)) return 0;
  return Math.max(-LOG_CAP, Math.min(LOG_CAP, logStrength));
}

function normalise(p: number[]): void {
  const meanLog = p.reduce((s, x) => s + Math.log(x), 0) / p.length;
  for (let i = 0; i < p.length; i++) p[i] = p[i]! / Math.exp(meanLog);
}
