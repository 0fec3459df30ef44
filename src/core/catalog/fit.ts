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
import { MAX_FILE_BYTES, WASM_HEAP_MAX_BYTES } from "../engine/wllama/cpu-fit";
import { formatBytes, formatMB } from "../format";
import { cpuSpeedSentence, estimateGgufFileMB } from "./gguf-estimate";
import type { CatalogEntry, FitAssessment, FitStatus } from "./types";

/** Memory use at or above this share of the budget is "tight". */
export const TIGHT_SHARE = 0.8;

/** Assess whether a model fits this device, with human reasons carrying the numbers. */
export function assessFit(entry: CatalogEntry, profile: DeviceProfile): FitAssessment {
  // A model served elsewhere (a remote endpoint): nothing on this device limits it.
  if (!RUNTIME_TRAITS[entry.runtime].usesDeviceMemory) {
    return {
      status: "fits",
      reasons: [`Runs remotely on ${entry.modelUrl}; it uses no memory here.`],
      chatCapable: entry.chatCapable,
    };
  }
  if (entry.runtime === "wllama") return assessCpuFit(entry, profile);
  const blockers: string[] = [];
  const cautions: string[] = [];
  const notes: string[] = [];

  if (profile.verdict === "no-webgpu") {
    blockers.push(
      "This browser has no WebGPU, so this model cannot run here; GGUF builds run on the CPU, and replay works.",
    );
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

const MB = 1024 * 1024;

/**
 * A GGUF model on the CPU runtime: memory (file + KV cache + compute) against the CPU budget and
 * the 4 GiB WebAssembly heap, one file under 2 GiB (else a split GGUF), and the speed to expect.
 */
function assessCpuFit(entry: CatalogEntry, profile: DeviceProfile): FitAssessment {
  const blockers: string[] = [];
  const cautions: string[] = [];
  const notes: string[] = [];
  const budget = profile.cpu.memoryBudgetMB;
  const fileMB =
    entry.fileBytes !== null
      ? entry.fileBytes / MB
      : entry.paramsB !== null && entry.quant
        ? estimateGgufFileMB(entry.paramsB, entry.quant.code, entry.quant.weightBits)
        : null;
  if (fileMB !== null && fileMB * MB > MAX_FILE_BYTES && entry.gguf?.kind === "url") {
    if (!/-00001-of-\d{5}\.gguf/i.test(entry.gguf.url)) {
      blockers.push(
        `The ${formatMB(fileMB)} file is over the 2 GiB a browser loads as one piece; use a split GGUF (llama-gguf-split).`,
      );
    }
  }
  if (entry.vramMB === null) {
    cautions.push("Its memory need is unknown, so it may not fit.");
  } else if (entry.vramMB * MB > WASM_HEAP_MAX_BYTES) {
    blockers.push(
      `Needs about ${formatMB(entry.vramMB)}, over the 4 GiB one WebAssembly model can use.`,
    );
  } else if (entry.vramMB > budget) {
    blockers.push(
      `Needs about ${formatMB(entry.vramMB)} of memory on the CPU (file, KV cache, compute); budget ${formatMB(budget)}.`,
    );
  } else if (entry.vramMB >= TIGHT_SHARE * budget) {
    cautions.push(
      `Needs about ${formatMB(entry.vramMB)} of memory on the CPU, ${Math.round((entry.vramMB / budget) * 100)}% of the ${formatMB(budget)} budget.`,
    );
  }
  notes.push(
    `Runs on the CPU (llama.cpp in WebAssembly), ${profile.cpu.threads} thread${profile.cpu.threads === 1 ? "" : "s"}: no WebGPU needed.`,
  );
  if (fileMB !== null) notes.push(cpuSpeedSentence(fileMB, profile.cpu.threads));
  if (!entry.chatCapable)
    notes.push("Embedding model: it turns text into vectors and cannot chat.");
  const status: FitStatus =
    blockers.length > 0 ? "wont-run" : cautions.length > 0 ? "tight" : "fits";
  if (status === "fits" && entry.vramMB !== null) {
    notes.unshift(
      `Needs about ${formatMB(entry.vramMB)} of memory on the CPU; budget ${formatMB(budget)}.`,
    );
  }
  return { status, reasons: [...blockers, ...cautions, ...notes], chatCapable: entry.chatCapable };
}
