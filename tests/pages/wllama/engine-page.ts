// A test-only page around the CPU runtime: the browser tests and the benchmark drive the real
// WllamaEngine through `window.wllamaPage` (results are plain data, so they cross into node).
// `?threads=N` asks for N threads. Not part of the app build.
import type { SerializedError } from "../../../src/core/errors";
import type {
  ChatMessage,
  ChatResult,
  LoadProgress,
  SamplingParams,
} from "../../../src/core/engine/types";
import type { WllamaModelSpec } from "../../../src/core/engine/wllama/wllama-engine";
import { toPolymathError } from "../../../src/core/errors";
import { WLLAMA_COMPAT_WASM_URL, WLLAMA_WASM_URL } from "../../../src/platform/wllama/wasm-assets";
import { longTasks } from "./long-tasks";

const models = new Map<string, WllamaModelSpec>();
const requested = new URLSearchParams(location.search).get("threads");

// The platform module is reached the way the app will reach it: through a dynamic import.
const runtime = import("../../../src/platform/wllama/create-wllama-engine").then((m) =>
  m.createWllamaEngine({
    resolveModel: (id) => models.get(id),
    ...(requested ? { threads: Number(requested) } : {}),
  }),
);

interface LoadOutcome {
  progress: LoadProgress[];
  error?: SerializedError;
  loaded: string[];
}

interface ChatOutcome {
  chunks: string[];
  /** performance.now() of each chunk, for decode rates seen on this thread. */
  chunkTimes: number[];
  startedAt: number;
  result?: ChatResult;
  error?: SerializedError;
}

const api = {
  async info() {
    const { threadPlan, compat } = await runtime;
    return {
      threadPlan,
      compat,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      hardwareConcurrency: navigator.hardwareConcurrency,
      assets: { wasm: WLLAMA_WASM_URL, compatWasm: WLLAMA_COMPAT_WASM_URL },
    };
  },

  register(id: string, url: string, nCtx?: number): void {
    models.set(id, {
      source: { url: new URL(url, location.href).href },
      ...(nCtx ? { nCtx } : {}),
    });
  },

  /** Load; `cancelWhen` aborts at the first progress report of that phase (with bytes, if fetching). */
  async load(ids: string[], cancelWhen?: "fetching" | "loading"): Promise<LoadOutcome> {
    const { engine } = await runtime;
    const progress: LoadProgress[] = [];
    const controller = new AbortController();
    try {
      await engine.load(ids, {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          const due =
            p.phase === cancelWhen && (p.phase !== "fetching" || (p.loadedBytes ?? 0) > 0);
          if (due) controller.abort();
        },
      });
      return { progress, loaded: engine.loaded() };
    } catch (e) {
      return { progress, error: toPolymathError(e).toJSON(), loaded: engine.loaded() };
    }
  },

  /** Chat; `stopAfter` chunks, stop by `signal` (or by `interrupt()` when `how` says so). */
  async chat(
    modelId: string,
    messages: ChatMessage[],
    params: SamplingParams,
    stopAfter?: number,
    how: "signal" | "interrupt" = "signal",
  ): Promise<ChatOutcome> {
    const { engine } = await runtime;
    const controller = new AbortController();
    const outcome: ChatOutcome = { chunks: [], chunkTimes: [], startedAt: performance.now() };
    try {
      outcome.result = await engine.chat(
        { modelId, messages, params },
        {
          signal: controller.signal,
          onChunk: (chunk) => {
            outcome.chunks.push(chunk.delta);
            outcome.chunkTimes.push(performance.now());
            if (stopAfter !== undefined && outcome.chunks.length === stopAfter) {
              if (how === "signal") controller.abort();
              else void engine.interrupt();
            }
          },
        },
      );
    } catch (e) {
      outcome.error = toPolymathError(e).toJSON();
    }
    return outcome;
  },

  async runtimeInfo(id: string) {
    return (await runtime).engine.runtimeInfo(id) ?? null;
  },

  async unload(ids?: string[]): Promise<string[]> {
    const { engine } = await runtime;
    await engine.unload(ids);
    return engine.loaded();
  },

  longTasks,
};

declare global {
  interface Window {
    wllamaPage: typeof api;
  }
}

window.wllamaPage = api;
