/**
 * The runtimes that serve models. Each is a folder under `core/engine/` implementing `Engine`
 * (`webllm/` on WebGPU, `replay/` from a recording; a CPU and a remote runtime fit the same
 * shape). A model record names its runtime, and views ask the traits below, never the name.
 */

export type RuntimeId = "webllm" | "replay" | "wllama" | "remote";

/** What a runtime means for the user: what a model served by it needs and offers. */
export interface RuntimeTraits {
  /** Its models take this device's GPU or CPU memory (planned against the memory budget). */
  usesDeviceMemory: boolean;
  /** Its models are downloaded into the browser first (size, progress, cache). */
  downloads: boolean;
  /** Answers are played back, not generated now. */
  replayed: boolean;
  /** It answers several requests at once (a server batching them), so a bench may overlap them. */
  servesInParallel: boolean;
}

export const RUNTIME_TRAITS: Readonly<Record<RuntimeId, RuntimeTraits>> = {
  webllm: { usesDeviceMemory: true, downloads: true, replayed: false, servesInParallel: false },
  wllama: { usesDeviceMemory: true, downloads: true, replayed: false, servesInParallel: false },
  replay: { usesDeviceMemory: false, downloads: false, replayed: true, servesInParallel: false },
  remote: { usesDeviceMemory: false, downloads: false, replayed: false, servesInParallel: true },
};
