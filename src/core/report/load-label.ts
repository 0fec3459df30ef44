import type { LoadCost } from "../runs/bench/types";

/** "4.2 s warm", or "6.0 s cold, with 2 others" for models loaded in one call. */
export function loadLabel(load: LoadCost): string {
  const others = load.with?.length ?? 0;
  const shared =
    others === 0 ? "" : `, loaded with ${others === 1 ? "1 other" : `${others} others`}`;
  return `${(load.loadMs / 1000).toFixed(1)} s ${load.cold ? "cold" : "warm"}${shared}`;
}
