/**
 * The CPU runtime for the browser: a `WllamaEngine` whose instances are real `Wllama`s using the
 * self-hosted WebAssembly. This module pulls in wllama (~270 kB), so the app must reach it only
 * through `import()`, when a CPU model is used:
 *
 *   const { createWllamaEngine } = await import("../platform/wllama/create-wllama-engine");
 *   const { engine, threadPlan } = createWllamaEngine({ resolveModel });
 *
 * llama.cpp runs in wllama's own worker (and its thread workers); on this thread wllama only
 * passes messages, one per streamed chunk.
 */
import { Wllama, type WllamaLogger } from "@wllama/wllama";
import type { ThreadPlan } from "../../core/engine/wllama/threads";
import type { WllamaChatRequest, WllamaCore } from "../../core/engine/wllama/wllama-core";
import { WllamaEngine, type WllamaEngineOptions } from "../../core/engine/wllama/wllama-engine";
import {
  detectWasmFeatures,
  needsCompatBuild,
  threadPlanHere,
  type WasmFeatures,
} from "./features";
import {
  loadCompatWorkerCode,
  WLLAMA_COMPAT_WASM_URL,
  WLLAMA_WASM_URL,
  wasmThroughPage,
} from "./wasm-assets";

export interface CreateWllamaEngineOptions {
  resolveModel: WllamaEngineOptions["resolveModel"];
  /** Threads asked for (settings, tests); the plan still gives 1 without cross-origin isolation. */
  threads?: number;
  /** Layers offloaded to wllama's WebGPU backend; 0 (default) runs on the CPU only. */
  gpuLayers?: number;
  /** Where llama.cpp's warnings go; debug and info lines are dropped by default. */
  logger?: WllamaLogger;
  /** Features to plan for; read from the browser by default. */
  features?: WasmFeatures;
}

export interface WllamaRuntime {
  engine: WllamaEngine;
  threadPlan: ThreadPlan;
  /** True when this browser runs wllama's slower compat build. */
  compat: boolean;
}

const quietLogger: WllamaLogger = {
  debug: () => {},
  log: () => {},
  warn: (...args: unknown[]) => console.warn("[wllama]", ...args),
  error: (...args: unknown[]) => console.error("[wllama]", ...args),
};

/** Make one `Wllama` with self-hosted assets; never wllama's CDN defaults. */
export async function createWllama(
  features: WasmFeatures,
  logger: WllamaLogger = quietLogger,
): Promise<Wllama> {
  const compat = needsCompatBuild(features);
  // Only the build this browser runs is fetched, by the page (cached on first use, offline after).
  const wasm = await wasmThroughPage(compat ? WLLAMA_COMPAT_WASM_URL : WLLAMA_WASM_URL);
  const wllama = new Wllama({ default: compat ? WLLAMA_WASM_URL : wasm }, { logger });
  // wllama's constructor points compat mode at jsDelivr; replace that before anything loads.
  if (compat) {
    wllama.setCompat({
      wasm,
      worker: { code: await loadCompatWorkerCode() },
    });
  } else {
    wllama.setCompat(null);
  }
  return wllama;
}

/** The real `Wllama` seen through the engine's `WllamaCore` interface. */
export function asWllamaCore(wllama: Wllama): WllamaCore {
  return {
    fetchModel: async (url, options) => {
      // What `loadModelFromUrl` does inside, split so loading can report its two phases.
      const model = await wllama.modelManager.getModelOrDownload({ url }, options);
      return model.open();
    },
    loadModel: (files, params) => wllama.loadModel(files, params),
    // llama.cpp reads `stop` and `stream_options` from the JSON body; wllama's types omit them.
    createChatCompletion: (request: WllamaChatRequest) =>
      wllama.createChatCompletion(
        request as Parameters<Wllama["createChatCompletion"]>[0] & {
          stream: true;
        },
      ),
    exit: () => wllama.exit(),
    getNumThreads: () => wllama.getNumThreads(),
    isMultithread: () => wllama.isMultithread(),
    getChatTemplate: () => wllama.getChatTemplate(),
  };
}

/** The CPU runtime for this page. */
export function createWllamaEngine(options: CreateWllamaEngineOptions): WllamaRuntime {
  const features = options.features ?? detectWasmFeatures();
  const threadPlan = threadPlanHere(features, options.threads);
  const engine = new WllamaEngine({
    resolveModel: options.resolveModel,
    threads: threadPlan.threads,
    gpuLayers: options.gpuLayers ?? 0,
    createCore: async () => asWllamaCore(await createWllama(features, options.logger)),
  });
  return { engine, threadPlan, compat: needsCompatBuild(features) };
}
