/**
 * Will a model run on this device? "wont-run" when something certainly fails (no WebGPU, missing
 * shader-f16, a buffer over the binding limit, memory over the budget); "tight" when it may run
 * out of memory; "fits" otherwise.
 *
 * Mobile-class devices: a model web-llm does not mark `low_resource_required` is "tight", not
 * "wont-run": the budget check already rejects what is too big, and the flag is web-llm's
 * judgement of what is comfortable, not a hard limit.
 */
import type { DeviceProfile } from "../device/types";
import { RUNTIME_TRAITS } from "../engine/runtime";
import { formatBytes, formatMB } from "../format";
import type { CatalogEntry, FitAssessment, FitStatus } from "./types";

/** Memory use at or above this share of the budget is "tight". */
export const TIGHT_SHARE = 0.8;

/** Assess whether a model fits this device, with human reasons carrying the numbers. */
export function assessFit(entry: CatalogEntry, profile: DeviceProfile): FitAssessment {
  // A model served elsewhere (a remote endpoint): nothing on this device limits it.
  if (entry.runtime !== undefined && !RUNTIME_TRAITS[entry.runtime].usesDeviceMemory) {
    return {
      status: "fits",
      reasons: [`Runs remotely on ${entry.modelUrl}; it uses no memory here.`],
      chatCapable: entry.chatCapable,
    };
  }
  const blockers: string[] = [];
  const cautions: string[] = [];
  const notes: string[] = [];

  if (profile.verdict === "no-webgpu") {
    blockers.push("This browser has no WebGPU, so no model runs here (replay still works).");
  } else {
    if (entry.requiredFeatures.includes("shader-f16") && !profile.shaderF16) {
      blockers.push(
        `Needs shader-f16 (${entry.quant?.code ?? "f16"} computes in f16), which this GPU lacks; pick the q4f32 variant.`,
      );
    }
    const missing = entry.requiredFeatures.filter(
      (f) => f !== "shader-f16" && !(profile.adapter?.features ?? []).includes(f),
    );
    if (missing.length > 0)
      blockers.push(`Needs WebGPU features this GPU lacks: ${missing.join(", ")}.`);

    const binding = profile.limits?.maxStorageBufferBindingSize;
    if (
      entry.bufferSizeRequiredBytes !== null &&
      binding !== undefined &&
      entry.bufferSizeRequiredBytes > binding
    ) {
      blockers.push(
        `Needs storage buffers of ${formatBytes(entry.bufferSizeRequiredBytes)}; this GPU allows ${formatBytes(binding)}.`,
      );
    }

    const budget = profile.memoryBudgetMB;
    if (entry.vramMB === null) {
      cautions.push("Its GPU memory need is unknown, so it may not fit.");
    } else if (entry.vramMB > budget) {
      blockers.push(`Needs ${formatMB(entry.vramMB)} of GPU memory; budget ${formatMB(budget)}.`);
    } else if (entry.vramMB >= TIGHT_SHARE * budget) {
      cautions.push(
        `Needs ${formatMB(entry.vramMB)} of GPU memory, ${Math.round((entry.vramMB / budget) * 100)}% of the ${formatMB(budget)} budget.`,
      );
    }

    if (profile.gpuClass === "mobile" && !entry.lowResource) {
      cautions.push("Not marked for low-resource devices: on a phone-class GPU it may be stopped.");
    }
    if (profile.gpuClass === "software") {
      notes.push("Runs on a software renderer here: expect it to be very slow.");
    }
  }

  if (!entry.chatCapable) {
    notes.push("Embedding model: it turns text into vectors and cannot chat.");
  }

  const status: FitStatus =
    blockers.length > 0 ? "wont-run" : cautions.length > 0 ? "tight" : "fits";
  if (status === "fits" && entry.vramMB !== null) {
    notes.unshift(
      `Needs ${formatMB(entry.vramMB)} of GPU memory; budget ${formatMB(profile.memoryBudgetMB)}.`,
    );
  }
  return { status, reasons: [...blockers, ...cautions, ...notes], chatCapable: entry.chatCapable };
}
