/**
 * How much GPU memory Polymath plans to use. WebGPU never reports a GPU's memory size, so this
 * is a deliberately cautious guess from what the browser does tell us; the user can override it.
 *
 * The heuristic, in MB (as web-llm's `vram_required_MB`):
 * - discrete: 6144. Cards that people run WebGPU on mostly have 8 GB or more, and the browser,
 *   the desktop and other tabs hold some of it; nothing in WebGPU tells a 6 GB card from a 24 GB one.
 * - integrated: the GPU shares system memory, so half of `navigator.deviceMemory`, between 1 and
 *   4 GB (Chromium caps deviceMemory at 8); 3072 when the browser hides deviceMemory.
 * - mobile: phones kill tabs long before memory is full: a quarter of deviceMemory, between
 *   0.5 and 2 GB; 1536 when unknown.
 * - software (SwiftShader, llvmpipe, WARP, fallback adapters): buffers live in system memory and
 *   a model is spread over many buffers, so the cap is not one buffer but RAM and patience: three
 *   times `maxBufferSize`, between 0.5 and 3 GB, and at most half of deviceMemory when known.
 * - unknown: half of deviceMemory between 1 and 4 GB; 2048 when unknown.
 */
import type { GpuClass, GpuLimits } from "./types";

const MB_PER_GB = 1024;
const BYTES_PER_MB = 1024 * 1024;

export interface BudgetInputs {
  gpuClass: GpuClass;
  /** navigator.deviceMemory in GB, when the browser reports it. */
  deviceMemoryGB?: number;
  limits: GpuLimits | null;
}

/** Estimate the GPU memory budget in MB from the GPU class, deviceMemory and limits. */
export function estimateMemoryBudgetMB({ gpuClass, deviceMemoryGB, limits }: BudgetInputs): number {
  if (!limits) return 0;
  const ramMB =
    deviceMemoryGB !== undefined && Number.isFinite(deviceMemoryGB) && deviceMemoryGB > 0
      ? deviceMemoryGB * MB_PER_GB
      : undefined;
  switch (gpuClass) {
    case "discrete":
      return 6 * MB_PER_GB;
    case "integrated":
      return ramMB === undefined ? 3 * MB_PER_GB : clamp(ramMB / 2, 1024, 4096);
    case "mobile":
      return ramMB === undefined ? 1536 : clamp(ramMB / 4, 512, 2048);
    case "software": {
      const fromBuffers = clamp((3 * limits.maxBufferSize) / BYTES_PER_MB, 512, 3072);
      return Math.round(ramMB === undefined ? fromBuffers : Math.min(fromBuffers, ramMB / 2));
    }
    case "unknown":
      return ramMB === undefined ? 2048 : clamp(ramMB / 2, 1024, 4096);
  }
}

/** A usable user override in MB, or undefined when the value is missing or not a positive number. */
export function validBudgetOverride(mb: number | undefined): number | undefined {
  return mb !== undefined && Number.isFinite(mb) && mb > 0 ? Math.round(mb) : undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}

/**
 * Memory for models on the CPU runtime, MB: half of `navigator.deviceMemory` between 1 and
 * 4 GB (one WebAssembly heap holds at most 4 GiB; the browser and the page need the rest);
 * 2048 when the browser hides deviceMemory.
 */
export function estimateCpuBudgetMB(deviceMemoryGB: number | undefined): number {
  if (deviceMemoryGB === undefined || !Number.isFinite(deviceMemoryGB) || deviceMemoryGB <= 0) {
    return 2048;
  }
  return clamp((deviceMemoryGB * MB_PER_GB) / 2, 1024, 4096);
}
