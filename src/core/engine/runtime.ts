/**
 * The runtimes that serve models. Each is a folder under `core/engine/` implementing `Engine`
 * (`webllm/` on WebGPU, `wllama/` on the CPU, `replay/` from a recording; a remote runtime fits
 * the same shape). A model record names its runtime, and views ask the traits below, never the name.
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
  /** Which memory its models take: the GPU's, the CPU's (WebAssembly heap), or none here. */
  memory: "gpu" | "cpu" | null;
  /** A cancelled download keeps its saved parts and continues (web-llm shard by shard, wllama by range). */
  resumesDownloads: boolean;
  /** A download also loads the model (web-llm has no download-only call). */
  downloadLoads: boolean;
  /** It answers several requests at once (a server batching them), so a bench may overlap them. */
  servesInParallel: boolean;
}

export const RUNTIME_TRAITS: Readonly<Record<RuntimeId, RuntimeTraits>> = {
  webllm: {
    usesDeviceMemory: true,
    downloads: true,
    replayed: false,
    memory: "gpu",
    resumesDownloads: true,
    downloadLoads: true,
    servesInParallel: false,
  },
  wllama: {
    usesDeviceMemory: true,
    downloads: true,
    replayed: false,
    memory: "cpu",
    resumesDownloads: true,
    downloadLoads: false,
    servesInParallel: false,
  },
  replay: {
    usesDeviceMemory: false,
    downloads: false,
    replayed: true,
    memory: null,
    resumesDownloads: false,
    downloadLoads: false,
    servesInParallel: false,
  },
  remote: {
    usesDeviceMemory: false,
    downloads: false,
    replayed: false,
    memory: null,
    resumesDownloads: false,
    downloadLoads: false,
    servesInParallel: true,
  },
};
