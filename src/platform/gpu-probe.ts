/**
 * Asks the browser what its GPU can do and returns it as plain data (`GpuProbe`), so the
 * decisions about it stay in pure, tested core code.
 */
import type { AdapterFacts, GpuProbe, StorageFacts } from "../core/device/types";

const PROBE_TIMEOUT_MS = 5000;

/** Probe WebGPU, memory hints, storage and isolation. Never throws. */
export async function probeGpu(): Promise<GpuProbe> {
  const base = {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    userAgent: navigator.userAgent,
    deviceMemoryGB: (navigator as Navigator & { deviceMemory?: number }).deviceMemory,
    hardwareConcurrency: navigator.hardwareConcurrency,
    storage: await probeStorage(),
  };
  if (!("gpu" in navigator) || !navigator.gpu) return { ...base, webgpu: "no-api" };
  try {
    const adapter = await withTimeout(
      navigator.gpu.requestAdapter({ powerPreference: "high-performance" }),
      PROBE_TIMEOUT_MS,
    );
    if (!adapter) return { ...base, webgpu: "no-adapter" };
    return { ...base, webgpu: "available", adapter: adapterFacts(adapter) };
  } catch (e) {
    return { ...base, webgpu: "error", error: e instanceof Error ? e.message : String(e) };
  }
}

function adapterFacts(adapter: GPUAdapter): AdapterFacts {
  // `info` is on the adapter since Chrome 114; `isFallbackAdapter` moved from the adapter to info.
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const legacyFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean })
    .isFallbackAdapter;
  const infoFallback = (info as (GPUAdapterInfo & { isFallbackAdapter?: boolean }) | undefined)
    ?.isFallbackAdapter;
  return {
    vendor: info?.vendor ?? "",
    architecture: info?.architecture ?? "",
    description: info?.description ?? "",
    device: info?.device ?? "",
    isFallbackAdapter: infoFallback ?? legacyFallback ?? false,
    features: [...adapter.features].map(String).sort(),
    limits: {
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
    },
  };
}

async function probeStorage(): Promise<StorageFacts | undefined> {
  const storage = navigator.storage;
  if (!storage?.estimate) return undefined;
  try {
    const [estimate, persisted] = await Promise.all([
      storage.estimate(),
      storage.persisted ? storage.persisted() : Promise.resolve(false),
    ]);
    return {
      usageBytes: estimate.usage ?? 0,
      quotaBytes: estimate.quota ?? 0,
      persisted,
    };
  } catch {
    return undefined;
  }
}

/** Ask the browser to keep this site's storage under pressure; resolves to the new state. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`WebGPU did not answer in ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
