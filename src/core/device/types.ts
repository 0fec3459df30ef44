/**
 * Plain data about the user's device. `GpuProbe` is what the browser reported (gathered by
 * `src/platform/gpu-probe.ts`); `DeviceProfile` is what Polymath concluded from it.
 */

/** The WebGPU limits that decide which models run. */
export interface GpuLimits {
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  maxComputeWorkgroupStorageSize: number;
}

export interface AdapterFacts {
  vendor: string;
  architecture: string;
  description: string;
  device: string;
  isFallbackAdapter: boolean;
  features: string[];
  limits: GpuLimits;
}

export interface StorageFacts {
  usageBytes: number;
  quotaBytes: number;
  persisted: boolean;
}

/** What the browser reported, as plain serialisable data. */
export interface GpuProbe {
  /** "no-api": navigator.gpu is missing; "no-adapter": requestAdapter() gave null; "error": it threw. */
  webgpu: "available" | "no-api" | "no-adapter" | "error";
  error?: string;
  adapter?: AdapterFacts;
  /** navigator.deviceMemory in GB (Chromium only; rounded and capped by the browser). */
  deviceMemoryGB?: number;
  storage?: StorageFacts;
  crossOriginIsolated: boolean;
  userAgent: string;
  /** navigator.hardwareConcurrency (logical cores), when the browser says. */
  hardwareConcurrency?: number;
}

/** What the CPU runtime (llama.cpp in WebAssembly) gets here. */
export interface CpuProfile {
  /** Memory Polymath plans to let CPU models use, MB (WebAssembly caps one model at 4 GiB). */
  memoryBudgetMB: number;
  threads: number;
  /** Why that many threads, in words (cross-origin isolation, cores). */
  threadReason: string;
}

export type GpuClass = "discrete" | "integrated" | "mobile" | "software" | "unknown";

/** "f16": runs q4f16 models; "f32-only": q4f32 only; "no-webgpu": models run on the CPU only. */
export type DeviceVerdict = "f16" | "f32-only" | "no-webgpu";

export type BrowserKind = "chrome" | "edge" | "firefox" | "safari" | "other";

export interface BrowserInfo {
  kind: BrowserKind;
  /** Major version, 0 when unknown. */
  version: number;
  os: "windows" | "mac" | "linux" | "android" | "ios" | "chromeos" | "other";
}

/** Polymath's reading of the device: what runs, how much memory to plan for, and advice. */
export interface DeviceProfile {
  verdict: DeviceVerdict;
  /** One line a person understands, e.g. "Runs f16 models". */
  headline: string;
  /** Short facts behind the verdict. */
  notes: string[];
  /** What to do next; browser-specific when WebGPU is missing. */
  advice: string[];
  gpuClass: GpuClass;
  shaderF16: boolean;
  isFallbackAdapter: boolean;
  limits: GpuLimits | null;
  /** GPU memory Polymath plans to use, in MB (estimate unless the user overrode it). */
  memoryBudgetMB: number;
  budgetSource: "estimate" | "user";
  browser: BrowserInfo;
  adapter: AdapterFacts | null;
  storage: StorageFacts | null;
  crossOriginIsolated: boolean;
  cpu: CpuProfile;
}
