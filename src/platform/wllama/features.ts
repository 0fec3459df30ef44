/**
 * What this browser offers the CPU runtime: threads (cross-origin isolation, cores) and the
 * WebAssembly features that decide between wllama's main build and its compat build. wllama makes
 * the same compat check internally; it is repeated here so the compat code is fetched only when used.
 */
import { planThreads, type ThreadPlan } from "../../core/engine/wllama/threads";

export interface WasmFeatures {
  /** JavaScript Promise Integration (lets WebAssembly await file reads). */
  jspi: boolean;
  /** 64-bit WebAssembly memory. */
  memory64: boolean;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

function hasMemory64(): boolean {
  try {
    // The descriptor's `address` field is newer than TypeScript's lib.
    new WebAssembly.Memory({
      address: "i64",
      initial: 1n,
    } as unknown as WebAssembly.MemoryDescriptor);
    return true;
  } catch {
    return false;
  }
}

/** Read the features from the browser. */
export function detectWasmFeatures(): WasmFeatures {
  return {
    jspi: "Suspending" in WebAssembly,
    memory64: hasMemory64(),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hardwareConcurrency: globalThis.navigator?.hardwareConcurrency ?? 1,
  };
}

/** True when wllama must run its compat build here. */
export function needsCompatBuild(features: WasmFeatures): boolean {
  return !features.jspi || !features.memory64;
}

/** The thread plan for this page (see `planThreads`). */
export function threadPlanHere(features: WasmFeatures, requested?: number): ThreadPlan {
  return planThreads({
    crossOriginIsolated: features.crossOriginIsolated,
    hardwareConcurrency: features.hardwareConcurrency,
    ...(requested === undefined ? {} : { requested }),
  });
}
