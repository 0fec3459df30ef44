/**
 * Intervals and tests for bench results: Wilson score intervals for pass rates, percentile
 * bootstrap intervals for mean scores (partial credit, like IFEval's instruction level), paired
 * bootstrap intervals for one model's score as a share of another's and for their difference on
 * the same items, and McNemar's exact test for paired pass/fail. All seeded: the same results give
 * the same intervals every time.
 */
import { quantile } from "./leaderboard";
import { seededRandom } from "./prng";

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  /** The point estimate. */
  value: number;
  low: number;
  high: number;
}

/** Wilson score interval of `passed` successes out of `n` (NaN bounds for n = 0). */
export function wilson(passed: number, n: number, z = Z95): Interval {
  if (n === 0) return { value: NaN, low: NaN, high: NaN };
  const p = passed / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { value: p, low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

export interface BootstrapOptions {
  rounds?: number;
  seed?: number;
  /** Two-sided coverage, 0.95 by default. */
  confidence?: number;
}

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;

/** Percentile bootstrap interval of the mean of `values`. */
export function bootstrapMean(values: readonly number[], options: BootstrapOptions = {}): Interval {
  return pairedBootstrap(
    values.map((v) => [v, 0] as const),
    (pairs) => mean(pairs.map(([a]) => a)),
    options,
  );
}

/**
 * `statistic` over the pairs and its percentile bootstrap interval, resampling whole pairs (the
 * same item for both sides). Resamples where the statistic is not finite are skipped.
 */
export function pairedBootstrap(
  pairs: readonly (readonly [number, number])[],
  statistic: (pairs: readonly (readonly [number, number])[]) => number,
  options: BootstrapOptions = {},
): Interval {
  const { rounds = 2000, seed = 1, confidence = 0.95 } = options;
  const value = statistic(pairs);
  if (pairs.length === 0) return { value, low: NaN, high: NaN };
  const random = seededRandom(seed);
  const draws: number[] = [];
  const sample = new Array<readonly [number, number]>(pairs.length);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < pairs.length; i++) {
      sample[i] = pairs[Math.floor(random() * pairs.length)]!;
    }
    const s = statistic(sample);
    if (Number.isFinite(s)) draws.push(s);
  }
  if (draws.length === 0) return { value, low: NaN, high: NaN };
  draws.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { value, low: quantile(draws, tail), high: quantile(draws, 1 - tail) };
}

/** Mean of the first side over the mean of the second, on the same items. */
export function meanRatio(pairs: readonly (readonly [number, number])[]): number {
  const b = mean(pairs.map(([, y]) => y));
  return b === 0 ? NaN : mean(pairs.map(([x]) => x)) / b;
}

/** Mean of the first side minus the mean of the second, on the same items. */
export function meanDifference(pairs: readonly (readonly [number, number])[]): number {
  return mean(pairs.map(([x, y]) => x - y));
}

export interface McNemar {
  /** Items only the first side passed. */
  onlyFirst: number;
  /** Items only the second side passed. */
  onlySecond: number;
  /** Exact two-sided p-value (binomial on the discordant items); 1 when there are none. */
  p: number;
}

/** McNemar's exact test on paired pass/fail results. */
export function mcnemar(pairs: readonly (readonly [boolean, boolean])[]): McNemar {
  let b = 0;
  let c = 0;
  for (const [x, y] of pairs) {
    if (x && !y) b++;
    else if (!x && y) c++;
  }
  const n = b + c;
  if (n === 0) return { onlyFirst: b, onlySecond: c, p: 1 };
  // P(X <= min(b, c)) for X ~ Binomial(n, 1/2), summed in log space so large n cannot overflow.
  const k = Math.min(b, c);
  let logC = 0; // log C(n, 0)
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logC - n * Math.LN2);
  }
  return { onlyFirst: b, onlySecond: c, p: Math.min(1, 2 * tail) };
}
