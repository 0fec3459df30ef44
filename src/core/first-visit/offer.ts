/**
 * The first screen's two ways in, as plain data: a recording to see a result from (a real one
 * when the build ships one, otherwise a synthetic demo, labelled as such), and a comparison that
 * fits this device, with what it would download.
 */
import { resolvePreset, type ResolvedPreset } from "../catalog/resolve-preset";
import type { Preset } from "../catalog/presets";
import { estimateDownloadMB } from "../catalog/size";
import type { CatalogEntry } from "../catalog/types";
import type { DeviceProfile } from "../device/types";

/** One recording the build ships (`recordings/index.json`). */
export interface ShowcaseEntry {
  /** File name beside the index, e.g. "synthetic-demo.json". */
  file: string;
  title: string;
  /** True for synthetic answers written by hand (not model output). */
  fixture: boolean;
}

/** Read the shipped index; anything malformed is left out rather than trusted. */
export function parseShowcaseIndex(json: unknown): ShowcaseEntry[] {
  const list = (json as { recordings?: unknown } | null)?.recordings;
  if (!Array.isArray(list)) return [];
  return list.flatMap((e: unknown) => {
    const r = e as Partial<ShowcaseEntry> | null;
    const ok =
      typeof r?.file === "string" &&
      /^[\w.-]+\.json$/.test(r.file) &&
      typeof r.title === "string" &&
      typeof r.fixture === "boolean";
    return ok ? [{ file: r.file!, title: r.title!, fixture: r.fixture! }] : [];
  });
}

/** The recording to show first: a real one when there is one, else a synthetic demo. */
export function pickShowcase(entries: readonly ShowcaseEntry[]): ShowcaseEntry | null {
  return entries.find((e) => !e.fixture) ?? entries[0] ?? null;
}

/** Presets in the order the first screen prefers them: the question itself first. */
export const FIRST_PRESETS = ["unified-vs-team", "qwen2.5-1.5b-family", "ministral-3-3b", "small"];

export interface RunHereModel {
  id: string;
  name: string;
  /** Estimated download, MB (null: unknown). */
  mb: number | null;
}

export interface RunHereOffer {
  preset: Preset;
  resolved: ResolvedPreset;
  models: RunHereModel[];
  /** Sum of the known estimates, MB. */
  totalMB: number;
}

/**
 * The comparison to offer on this device: the first preferred preset whose every model runs
 * here, one with no tight fit first; null when none runs (no WebGPU, or too little memory).
 */
export function runHereOffer(
  presets: readonly Preset[],
  catalog: readonly CatalogEntry[],
  profile: DeviceProfile,
): RunHereOffer | null {
  if (profile.verdict === "no-webgpu") return null;
  const ordered = [...presets].sort((a, b) => rank(a.id) - rank(b.id));
  const runnable = ordered
    .map((preset) => ({ preset, resolved: resolvePreset(preset, catalog, profile) }))
    .filter((r) => r.resolved.runnable && r.resolved.modelIds.length >= 2);
  const roomy = runnable.find((r) =>
    r.resolved.groups.every((g) => g.members.every((m) => m.fit?.status === "fits")),
  );
  const pick = roomy ?? runnable[0];
  if (!pick) return null;
  const models = pick.resolved.modelIds.map((id) => {
    const entry = catalog.find((e) => e.id === id);
    return {
      id,
      name: entry?.name ?? id,
      mb: entry ? (estimateDownloadMB(entry)?.mb ?? null) : null,
    };
  });
  return { ...pick, models, totalMB: models.reduce((s, m) => s + (m.mb ?? 0), 0) };
}

function rank(id: string): number {
  const i = FIRST_PRESETS.indexOf(id);
  return i < 0 ? FIRST_PRESETS.length : i;
}
