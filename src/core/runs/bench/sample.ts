/** A seeded sample of a suite's items: the same n and seed pick the same items, in suite order. */
import { seededRandom } from "../../report/prng";

export function sampleIds(ids: readonly string[], n: number, seed: number): string[] {
  if (n >= ids.length) return [...ids];
  const random = seededRandom(seed);
  const order = ids.map((id, i) => ({ id, i, r: random() }));
  const picked = new Set(
    [...order]
      .sort((a, b) => a.r - b.r)
      .slice(0, Math.max(0, n))
      .map((x) => x.i),
  );
  return order.filter((x) => picked.has(x.i)).map((x) => x.id);
}
