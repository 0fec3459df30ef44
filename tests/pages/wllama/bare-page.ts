// The benchmark's baseline: wllama called directly, as its README shows, with no Polymath code
// in between. Exposes `window.barePage`. Not part of the app build.
import { Wllama } from "@wllama/wllama";
import wasmUrl from "@wllama/wllama/esm/wasm/wllama.wasm?url";
import { longTasks } from "./long-tasks";

let wllama: Wllama | null = null;

interface BareRun {
  text: string;
  completionTokens: number;
  startedAt: number;
  chunkTimes: number[];
  timings?: { predicted_per_second: number; prompt_per_second: number };
}

const api = {
  async load(url: string, nCtx: number, threads: number) {
    wllama = new Wllama({ default: wasmUrl }, { logger: { ...console, debug() {}, log() {} } });
    wllama.setCompat(null);
    await wllama.loadModelFromUrl(new URL(url, location.href).href, {
      n_ctx: nCtx,
      n_threads: threads,
      n_gpu_layers: 0,
      useCache: false,
    });
    return { threads: wllama.getNumThreads(), multiThread: wllama.isMultithread() };
  },

  async run(
    messages: { role: "system" | "user" | "assistant"; content: string }[],
    params: { max_tokens: number; temperature: number; seed: number },
  ): Promise<BareRun> {
    if (!wllama) throw new Error("load first");
    const run: BareRun = {
      text: "",
      completionTokens: 0,
      startedAt: performance.now(),
      chunkTimes: [],
    };
    const stream = await wllama.createChatCompletion({
      messages,
      ...params,
      stream: true,
      stream_options: { include_usage: true },
    } as Parameters<Wllama["createChatCompletion"]>[0] & { stream: true });
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (content) {
        run.text += content;
        run.chunkTimes.push(performance.now());
      }
      if (chunk.usage) run.completionTokens = chunk.usage.completion_tokens;
      if (chunk.timings) run.timings = chunk.timings;
    }
    return run;
  },

  longTasks,
};

declare global {
  interface Window {
    barePage: typeof api;
  }
}

window.barePage = api;
