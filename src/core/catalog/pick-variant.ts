/** Chooses which quantization/context variant of a model to load on this device. */
import type { DeviceProfile } from "../device/types";
import { assessFit } from "./fit";
import type { CatalogEntry, FitAssessment, FitStatus } from "./types";

export interface VariantPick {
  entry: CatalogEntry;
  fit: FitAssessment;
}

const STATUS_RANK: Record<FitStatus, number> = { fits: 0, tight: 1, "wont-run": 2 };

// q4 first: it is what these models are tuned and benchmarked in, at a quarter of the memory.
const F16_ORDER = ["q4f16", "q4f32", "q3f16", "q0f16", "q0f32"];
const F32_ORDER = ["q4f32", "q0f32", "q4f16", "q3f16", "q0f16"];

/**
 * The best variant of one model (`key`, e.g. "Qwen2.5-Coder-1.5B-Instruct"): among those that
 * run, q4f16 where f16 works (else q4f32), then the full context over "-1k". When none runs, the
 * best non-running one comes back so its reasons can be shown; null when the key is unknown.
 */
export function pickVariant(
  entries: readonly CatalogEntry[],
  key: string,
  profile: DeviceProfile,
): VariantPick | null {
  const order = profile.shaderF16 ? F16_ORDER : F32_ORDER;
  const quantRank = (e: CatalogEntry) => {
    const i = order.indexOf(e.quant?.code.replace(/_\d+$/, "") ?? "");
    return i < 0 ? order.length : i;
  };
  const candidates = entries
    .filter((e) => e.key === key)
    .map((entry) => ({ entry, fit: assessFit(entry, profile) }));
  const runs = (p: VariantPick) => (p.fit.status === "wont-run" ? 1 : 0);
  // A tight full-context variant beats a comfortable 1k one: 1k tokens cut answers short.
  candidates.sort(
    (a, b) =>
      runs(a) - runs(b) ||
      quantRank(a.entry) - quantRank(b.entry) ||
      (b.entry.contextWindow ?? 0) - (a.entry.contextWindow ?? 0) ||
      STATUS_RANK[a.fit.status] - STATUS_RANK[b.fit.status] ||
      (a.entry.vramMB ?? Infinity) - (b.entry.vramMB ?? Infinity),
  );
  return candidates[0] ?? null;
}

/** The distinct model keys that share a base ("Qwen2.5-1.5B" → Instruct, Coder, Math…). */
export function keysForBase(entries: readonly CatalogEntry[], base: string): string[] {
  return [...new Set(entries.filter((e) => e.base === base).map((e) => e.key))];
}
