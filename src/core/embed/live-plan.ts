/**
 * What "Run live" in the embed page would run on this device: each requested model (a catalog id,
 * or a model key such as "Qwen2.5-0.5B-Instruct") resolved to the variant that runs here, on
 * WebGPU where the device has it and the model's CPU build otherwise, with what it downloads.
 * Pure: the catalog, the device profile and the sizes come in.
 */
import { assessFit } from "../catalog/fit";
import { pickVariant } from "../catalog/pick-variant";
import type { CatalogEntry } from "../catalog/types";
import type { DeviceProfile } from "../device/types";
import type { RuntimeId } from "../engine/runtime";

export interface LiveModel {
  /** What the embed URL named. */
  requested: string;
  modelId: string;
  name: string;
  runtime: Extract<RuntimeId, "webllm" | "wllama">;
  /** Download, MB; null when it cannot be known before downloading. */
  downloadMB: number | null;
}

export interface LivePlan {
  models: LiveModel[];
  /** Requested models that cannot run live here, with why. */
  refused: { requested: string; reason: string }[];
  /** "GPU" when any model runs on WebGPU, else "CPU". */
  processor: "GPU" | "CPU";
  /** Sum of the known downloads, MB. */
  totalMB: number;
  /** How many models have no known download size. */
  unknownSizes: number;
}

const LIVE_RUNTIMES = new Set<RuntimeId>(["webllm", "wllama"]);

/** Resolve `requested` against the catalog for this device (see the module comment). */
export function planLive(
  requested: readonly string[],
  entries: readonly CatalogEntry[],
  profile: DeviceProfile,
  downloadMB: (entry: CatalogEntry) => number | null,
): LivePlan {
  const models: LiveModel[] = [];
  const refused: LivePlan["refused"] = [];
  const live = entries.filter((e) => LIVE_RUNTIMES.has(e.runtime));
  for (const name of [...new Set(requested)]) {
    const exact = live.find((e) => e.id === name);
    const fit = exact ? assessFit(exact, profile) : null;
    // An id that cannot run here (an MLC build without WebGPU) falls back to its twin that can.
    const pick =
      exact && fit && fit.status !== "wont-run"
        ? { entry: exact, fit }
        : (pickVariant(live, exact?.key ?? name, profile) ??
          (exact && fit ? { entry: exact, fit } : null));
    if (!pick) {
      refused.push({ requested: name, reason: `${name} is not a model Polymath knows.` });
    } else if (pick.fit.status === "wont-run") {
      refused.push({
        requested: name,
        reason: pick.fit.reasons[0] ?? `${pick.entry.name} cannot run on this device.`,
      });
    } else if (!models.some((m) => m.modelId === pick.entry.id)) {
      models.push({
        requested: name,
        modelId: pick.entry.id,
        name: pick.entry.name,
        runtime: pick.entry.runtime as LiveModel["runtime"],
        downloadMB: downloadMB(pick.entry),
      });
    }
  }
  return {
    models,
    refused,
    processor: models.some((m) => m.runtime === "webllm") ? "GPU" : "CPU",
    totalMB: models.reduce((sum, m) => sum + (m.downloadMB ?? 0), 0),
    unknownSizes: models.filter((m) => m.downloadMB === null).length,
  };
}
