/** Turns a preset's model keys into concrete model ids for this device. */
import type { DeviceProfile } from "../device/types";
import { pickVariant } from "./pick-variant";
import type { Preset } from "./presets";
import type { CatalogEntry, FitAssessment } from "./types";

export interface ResolvedMember {
  key: string;
  /** The chosen variant's id; null when the key is not in the catalog. */
  modelId: string | null;
  fit: FitAssessment | null;
}

export interface ResolvedPreset {
  presetId: string;
  groups: { label: string; members: ResolvedMember[] }[];
  /** Ids to load, in group order, for members that run here. */
  modelIds: string[];
  /** Members that cannot run here (or are missing), with why. */
  wontRun: { key: string; modelId: string | null; reasons: string[] }[];
  /** True when every member runs on this device. */
  runnable: boolean;
}

/** Resolve a preset against the catalog and device: chosen variants, and who won't run. */
export function resolvePreset(
  preset: Preset,
  catalog: readonly CatalogEntry[],
  profile: DeviceProfile,
): ResolvedPreset {
  const modelIds: string[] = [];
  const wontRun: ResolvedPreset["wontRun"] = [];
  const groups = preset.groups.map((group) => ({
    label: group.label,
    members: group.keys.map((key): ResolvedMember => {
      const pick = pickVariant(catalog, key, profile);
      if (!pick) {
        wontRun.push({ key, modelId: null, reasons: [`${key} is not in the model catalog.`] });
        return { key, modelId: null, fit: null };
      }
      if (pick.fit.status === "wont-run") {
        wontRun.push({ key, modelId: pick.entry.id, reasons: pick.fit.reasons });
      } else if (!modelIds.includes(pick.entry.id)) {
        modelIds.push(pick.entry.id);
      }
      return { key, modelId: pick.entry.id, fit: pick.fit };
    }),
  }));
  return { presetId: preset.id, groups, modelIds, wontRun, runnable: wontRun.length === 0 };
}
