/** A linear axis for small SVG charts: a rounded domain and evenly spaced "nice" ticks. */

export interface Axis {
  min: number;
  max: number;
  ticks: number[];
}

/** Round steps (1, 2, 2.5, 5 × 10^k) giving about `count` ticks that cover [lo, hi]. */
export function niceAxis(lo: number, hi: number, count = 5): Axis {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, ticks: [0, 1] };
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const raw = (hi - lo) / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { min, max, ticks };
}

/** Map `value` in [min, max] to [from, to]. */
export function scale(value: number, axis: Axis, from: number, to: number): number {
  return from + ((value - axis.min) / (axis.max - axis.min)) * (to - from);
}
