/** Turns what the browser reported (`GpuProbe`) into Polymath's reading of the device. */
import { formatBytes, formatMB } from "../format";
import { noWebGpuAdvice, softwareRendererAdvice } from "./advice";
import { parseBrowser } from "./browser";
import { planThreads } from "../engine/wllama/threads";
import { estimateCpuBudgetMB, estimateMemoryBudgetMB, validBudgetOverride } from "./budget";
import { classifyGpu } from "./gpu-class";
import type { AdapterFacts, DeviceProfile, DeviceVerdict, GpuClass, GpuProbe } from "./types";

export const HEADLINES: Record<DeviceVerdict, string> = {
  f16: "Runs f16 models",
  "f32-only": "f32 models only (no shader-f16)",
  "no-webgpu": "No WebGPU: models run on the CPU",
};

export interface ProfileOverride {
  /** GPU memory to plan for, in MB; wins over the estimate. */
  memoryBudgetMB?: number;
}

/** Build the device profile (verdict, class, budget, notes, advice) from a probe; pure. */
export function buildDeviceProfile(probe: GpuProbe, override: ProfileOverride = {}): DeviceProfile {
  const browser = parseBrowser(probe.userAgent);
  const adapter = probe.webgpu === "available" && probe.adapter ? probe.adapter : null;
  const shaderF16 = adapter?.features.includes("shader-f16") ?? false;
  const verdict: DeviceVerdict = !adapter ? "no-webgpu" : shaderF16 ? "f16" : "f32-only";
  const gpuClass: GpuClass = adapter ? classifyGpu(adapter, browser) : "unknown";
  const limits = adapter?.limits ?? null;

  const userBudget = adapter ? validBudgetOverride(override.memoryBudgetMB) : undefined;
  const memoryBudgetMB =
    userBudget ??
    estimateMemoryBudgetMB({ gpuClass, deviceMemoryGB: probe.deviceMemoryGB, limits });

  const notes = adapter ? adapterNotes(adapter, gpuClass) : missingNotes(probe);
  const threads = planThreads({
    crossOriginIsolated: probe.crossOriginIsolated,
    hardwareConcurrency: probe.hardwareConcurrency ?? 1,
  });
  const cpuBudgetMB = adapter
    ? estimateCpuBudgetMB(probe.deviceMemoryGB)
    : (validBudgetOverride(override.memoryBudgetMB) ?? estimateCpuBudgetMB(probe.deviceMemoryGB));
  const cpuNote = `${adapter ? "GGUF models run" : "Models run"} on the CPU (llama.cpp in WebAssembly), slower than on a GPU: ${threads.reason} Memory for CPU models: ${formatMB(cpuBudgetMB)}.`;
  if (!adapter) notes.unshift(cpuNote);
  if (probe.deviceMemoryGB !== undefined) {
    notes.push(
      `Device memory: ${probe.deviceMemoryGB} GB as the browser reports it (rounded and capped, so there may be more).`,
    );
  }
  if (adapter) {
    notes.push(
      `Memory budget: ${formatMB(memoryBudgetMB)} (${userBudget === undefined ? "estimate" : "set by you"}).`,
    );
  }
  notes.push(
    probe.crossOriginIsolated
      ? "Cross-origin isolated: precise timers and CPU threads are available."
      : "Not cross-origin isolated: timers are coarser, timings are rounded, and CPU models get one thread.",
  );
  if (adapter) notes.push(cpuNote);
  if (probe.storage) {
    notes.push(
      `Storage: ${formatBytes(probe.storage.usageBytes)} used of ${formatBytes(probe.storage.quotaBytes)}${probe.storage.persisted ? " (persistent)" : ""}.`,
    );
  }

  return {
    verdict,
    headline: HEADLINES[verdict],
    notes,
    advice: adapter
      ? deviceAdvice(verdict, gpuClass, adapter)
      : noWebGpuAdvice(browser, probe.webgpu),
    gpuClass,
    shaderF16,
    isFallbackAdapter: adapter?.isFallbackAdapter ?? false,
    limits,
    memoryBudgetMB,
    budgetSource: userBudget === undefined ? "estimate" : "user",
    browser,
    adapter,
    storage: probe.storage ?? null,
    crossOriginIsolated: probe.crossOriginIsolated,
    cpu: { memoryBudgetMB: cpuBudgetMB, threads: threads.threads, threadReason: threads.reason },
  };
}

function adapterNotes(adapter: AdapterFacts, gpuClass: GpuClass): string[] {
  const name = [adapter.vendor, adapter.architecture, adapter.description]
    .filter((s) => s.trim() !== "")
    .join(" · ");
  const notes = [
    `GPU: ${name || "not named by the browser"} (${CLASS_LABELS[gpuClass]}).`,
    adapter.features.includes("shader-f16")
      ? "Feature shader-f16: available, so q4f16 models run."
      : "Feature shader-f16: missing, so only f32 models (q4f32, q0f32) run.",
    `Largest buffer: ${formatBytes(adapter.limits.maxBufferSize)}; largest storage binding: ${formatBytes(adapter.limits.maxStorageBufferBindingSize)}; workgroup storage: ${formatBytes(adapter.limits.maxComputeWorkgroupStorageSize)}.`,
  ];
  if (adapter.isFallbackAdapter) notes.push("This is the browser's fallback (software) adapter.");
  return notes;
}

const CLASS_LABELS: Record<GpuClass, string> = {
  discrete: "looks like a discrete GPU",
  integrated: "looks like an integrated GPU sharing system memory",
  mobile: "looks like a mobile GPU",
  software: "software renderer",
  unknown: "class unknown",
};

function missingNotes(probe: GpuProbe): string[] {
  switch (probe.webgpu) {
    case "no-api":
      return ["navigator.gpu is missing: this browser has WebGPU off or lacks it."];
    case "no-adapter":
      return ["navigator.gpu exists but requestAdapter() returned no adapter."];
    case "error":
      return [`requestAdapter() failed: ${probe.error ?? "no reason given"}.`];
    case "available":
      return ["WebGPU was reported available but no adapter facts came with it."];
  }
}

function deviceAdvice(verdict: DeviceVerdict, gpuClass: GpuClass, adapter: AdapterFacts): string[] {
  const advice: string[] = [];
  if (gpuClass === "software" || adapter.isFallbackAdapter)
    advice.push(softwareRendererAdvice(adapter.isFallbackAdapter));
  if (verdict === "f32-only") {
    advice.push(
      "Pick q4f32 variants: q4f16 models need shader-f16, which this GPU or browser does not offer.",
    );
  }
  if (gpuClass === "mobile") {
    advice.push(
      "Pick small models marked for low-resource devices (0.5B–1.5B), and close other tabs first.",
    );
  }
  if (gpuClass === "integrated" || gpuClass === "unknown") {
    advice.push(
      "If you know how much GPU memory this machine has, set the memory budget yourself.",
    );
  }
  return advice;
}
