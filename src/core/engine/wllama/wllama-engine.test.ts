import { describe, expect, it } from "vitest";
import { isPolymathError } from "../../errors";
import type { LoadProgress, StreamChunk } from "../types";
import type {
  WllamaChatRequest,
  WllamaChunk,
  WllamaCore,
  WllamaFetchOptions,
  WllamaLoadParams,
} from "./wllama-core";
import { WllamaEngine, type WllamaModelSpec } from "./wllama-engine";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function named(name: string, message: string, type?: string): Error {
  const e = Object.assign(new Error(message), type === undefined ? {} : { type });
  e.name = name;
  return e;
}

const content = (text: string): WllamaChunk => ({
  choices: [{ delta: { content: text }, finish_reason: null }],
});

/**
 * A stand-in for one `Wllama`, behaving as wllama 3.13 does where the engine depends on it: the
 * stream checks `abortSignal` before each chunk and then throws an AbortError; the last content
 * chunk carries the finish reason and timings, and a final chunk with no choices carries usage.
 */
class FakeCore implements WllamaCore {
  fetched: { url: string; options: WllamaFetchOptions }[] = [];
  loads: WllamaLoadParams[] = [];
  requests: WllamaChatRequest[] = [];
  exits = 0;
  /** Pieces the model "generates", one per decode step. */
  script: WllamaChunk[] = ["Hel", "lo", " world"].map(content);
  finish = "length";
  fetchImpl: (options: WllamaFetchOptions) => Promise<Blob[]> = async (options) => {
    options.progressCallback?.({ loaded: 50, total: 100 });
    options.progressCallback?.({ loaded: 100, total: 100 });
    return [new Blob(["GGUF"])];
  };
  loadImpl: () => Promise<void> = async () => {};
  failAfter: number | null = null;

  async fetchModel(url: string, options: WllamaFetchOptions): Promise<Blob[]> {
    this.fetched.push({ url, options });
    return this.fetchImpl(options);
  }
  async loadModel(_files: Blob[], params: WllamaLoadParams): Promise<void> {
    this.loads.push(params);
    return this.loadImpl();
  }
  async createChatCompletion(request: WllamaChatRequest): Promise<AsyncIterable<WllamaChunk>> {
    this.requests.push(request);
    return this.generate(request.abortSignal);
  }
  async exit(): Promise<void> {
    this.exits++;
  }
  getNumThreads(): number {
    return this.loads.at(-1)?.n_threads ?? 1;
  }
  isMultithread(): boolean {
    return this.getNumThreads() > 1;
  }
  getChatTemplate(): string | null {
    return "{{ messages }}";
  }
  private async *generate(signal?: AbortSignal): AsyncGenerator<WllamaChunk> {
    yield { choices: [{ delta: { content: null }, finish_reason: null }] };
    for (const [i, piece] of this.script.entries()) {
      await tick();
      if (signal?.aborted) throw named("AbortError", "Operation aborted");
      if (this.failAfter === i) throw named("Error", "context full", "kv_cache_full");
      yield piece;
    }
    const timings = {
      prompt_n: 9,
      prompt_ms: 30,
      prompt_per_second: 300,
      predicted_n: this.script.length,
      predicted_ms: 100,
      predicted_per_second: 30,
    };
    yield { choices: [{ delta: {}, finish_reason: this.finish }], timings };
    yield { choices: [], usage: { prompt_tokens: 9, completion_tokens: this.script.length } };
  }
}

function setup(
  specs: Record<string, WllamaModelSpec> = { tiny: { source: { url: "https://x/tiny.gguf" } } },
) {
  const cores: FakeCore[] = [];
  let next: (core: FakeCore) => void = () => {};
  const engine = new WllamaEngine({
    resolveModel: (id) => specs[id],
    threads: 2,
    createCore: async () => {
      const core = new FakeCore();
      next(core);
      cores.push(core);
      return core;
    },
  });
  const prepare = (f: (core: FakeCore) => void) => (next = f);
  return { engine, cores, prepare };
}

const hello = { modelId: "tiny", messages: [{ role: "user" as const, content: "Hi" }], params: {} };

describe("WllamaEngine.load", () => {
  it("fetches, then starts llama.cpp with the thread count and context, reporting each phase", async () => {
    const { engine, cores } = setup({
      tiny: { source: { url: "https://x/tiny.gguf" }, nCtx: 4096 },
    });
    const progress: LoadProgress[] = [];
    await engine.load(["tiny"], { onProgress: (p) => progress.push(p) });
    expect(engine.loaded()).toEqual(["tiny"]);
    expect(cores[0]?.fetched[0]?.url).toBe("https://x/tiny.gguf");
    expect(cores[0]?.loads).toEqual([{ n_ctx: 4096, n_threads: 2, n_gpu_layers: 0 }]);
    expect(progress.map((p) => [p.phase, p.fraction])).toEqual([
      ["fetching", 0],
      ["fetching", 0.5],
      ["fetching", 1],
      ["loading", 0],
      ["ready", 1],
    ]);
    expect(progress[1]).toMatchObject({ loadedBytes: 50, totalBytes: 100, modelId: "tiny" });
    expect(engine.runtimeInfo("tiny")).toEqual({
      threads: 2,
      multiThread: true,
      nCtx: 4096,
      hasChatTemplate: true,
    });
  });

  it("loads files in hand without fetching", async () => {
    const files = [new Blob(["GGUF"])];
    const { engine, cores } = setup({ local: { source: { files } } });
    const phases: string[] = [];
    await engine.load(["local"], { onProgress: (p) => phases.push(p.phase) });
    expect(cores[0]?.fetched).toEqual([]);
    expect(phases).toEqual(["loading", "ready"]);
  });

  it("refuses unknown models before touching anything", async () => {
    const { engine, cores } = setup();
    await expect(engine.load(["tiny", "nope"])).rejects.toMatchObject({
      code: "model-not-found",
      details: { modelId: "nope" },
    });
    expect(cores).toEqual([]);
  });

  it("keeps one instance per model and makes the loaded set exactly the ids asked for", async () => {
    const spec = (name: string): WllamaModelSpec => ({ source: { url: `https://x/${name}.gguf` } });
    const { engine, cores } = setup({ a: spec("a"), b: spec("b"), c: spec("c") });
    await engine.load(["a", "b"]);
    expect(cores).toHaveLength(2);
    await engine.load(["b", "c"]);
    expect(engine.loaded()).toEqual(["b", "c"]);
    expect(cores).toHaveLength(3); // b was kept, not reloaded
    expect(cores.map((c) => c.exits)).toEqual([1, 0, 0]);
  });

  it("cancels a download at once, stops the instance and reports it", async () => {
    const { engine, cores, prepare } = setup();
    prepare((core) => {
      core.fetchImpl = (options) =>
        new Promise(() => options.progressCallback?.({ loaded: 10, total: 100 }));
    });
    const controller = new AbortController();
    const progress: LoadProgress[] = [];
    const loading = engine.load(["tiny"], {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.loadedBytes === 10) controller.abort();
      },
    });
    await expect(loading).rejects.toMatchObject({ code: "download-cancelled" });
    expect(cores[0]?.fetched[0]?.options.signal).toBe(controller.signal);
    expect(cores[0]?.exits).toBe(1);
    expect(progress.at(-1)?.phase).toBe("cancelled");
    expect(engine.loaded()).toEqual([]);
  });

  it("cancels while llama.cpp starts", async () => {
    const { engine, cores, prepare } = setup();
    prepare((core) => (core.loadImpl = () => new Promise(() => {})));
    const controller = new AbortController();
    const loading = engine.load(["tiny"], {
      signal: controller.signal,
      onProgress: (p) => p.phase === "loading" && controller.abort(),
    });
    await expect(loading).rejects.toMatchObject({ code: "download-cancelled" });
    expect(cores[0]?.exits).toBe(1);
    expect(engine.loaded()).toEqual([]);
  });

  it("translates a failed load, stops the instance and keeps nothing", async () => {
    const { engine, cores, prepare } = setup();
    prepare((core) => {
      core.loadImpl = async () => {
        throw named("RuntimeError", "Aborted(OOM)");
      };
    });
    const phases: string[] = [];
    const error = await engine
      .load(["tiny"], { onProgress: (p) => phases.push(p.phase) })
      .catch((e: unknown) => e);
    expect(isPolymathError(error, "out-of-memory")).toBe(true);
    expect(error).toMatchObject({ details: { modelId: "tiny" } });
    expect(phases.at(-1)).toBe("error");
    expect(cores[0]?.exits).toBe(1);
    expect(engine.loaded()).toEqual([]);
  });

  it("reports a runtime that cannot be created (its code failed to load) as a typed error", async () => {
    const engine = new WllamaEngine({
      resolveModel: () => ({ source: { url: "https://x/tiny.gguf" } }),
      createCore: async () => {
        throw new TypeError("Failed to fetch dynamically imported module");
      },
    });
    await expect(engine.load(["tiny"])).rejects.toMatchObject({ code: "network" });
    expect(engine.loaded()).toEqual([]);
  });

  it("names the URL of a download that failed", async () => {
    const { engine, prepare } = setup();
    prepare((core) => {
      core.fetchImpl = async () => {
        throw new Error("Failed to fetch https://x/tiny.gguf: HTTP 404");
      };
    });
    await expect(engine.load(["tiny"])).rejects.toMatchObject({
      code: "not-found",
      details: { modelId: "tiny", url: "https://x/tiny.gguf" },
    });
  });
});

describe("WllamaEngine.chat", () => {
  it("streams the answer and takes usage from llama.cpp's report", async () => {
    const { engine, cores } = setup();
    await engine.load(["tiny"]);
    const chunks: StreamChunk[] = [];
    const result = await engine.chat(
      { ...hello, params: { max_tokens: 3, temperature: 0.5, top_p: 0.9, seed: 4, stop: ["\n"] } },
      { onChunk: (c) => chunks.push(c) },
    );
    expect(chunks).toEqual([{ delta: "Hel" }, { delta: "lo" }, { delta: " world" }]);
    expect(result).toMatchObject({ text: "Hello world", reasoning: "", finishReason: "length" });
    expect(result.usage).toMatchObject({
      promptTokens: 9,
      completionTokens: 3,
      prefillTokensPerS: 300,
      decodeTokensPerS: 30,
    });
    expect(result.usage.ttftMs).toBeGreaterThanOrEqual(0);
    expect(cores[0]?.requests[0]).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 3,
      temperature: 0.5,
      top_p: 0.9,
      seed: 4,
      stop: ["\n"],
    });
  });

  it("splits reasoning, whether llama.cpp parses it or leaves <think> tags in the text", async () => {
    const { engine, prepare } = setup();
    prepare((core) => {
      core.finish = "stop";
      core.script = [
        { choices: [{ delta: { reasoning_content: "plan" }, finish_reason: null }] },
        content("<think>more</think>"),
        content("Answer"),
      ];
    });
    await engine.load(["tiny"]);
    const result = await engine.chat(hello, { onChunk: () => {} });
    expect(result).toMatchObject({ reasoning: "planmore", text: "Answer", finishReason: "stop" });
  });

  it("stops mid-stream: the answer so far, finish reason abort, usage counted", async () => {
    const { engine, prepare } = setup();
    prepare((core) => (core.script = Array.from({ length: 50 }, () => content("x"))));
    await engine.load(["tiny"]);
    const controller = new AbortController();
    let seen = 0;
    const result = await engine.chat(hello, {
      signal: controller.signal,
      onChunk: () => ++seen === 3 && controller.abort(),
    });
    expect(result.finishReason).toBe("abort");
    expect(result.text).toBe("xxx");
    expect(result.usage.completionTokens).toBe(3);
  });

  it("answers an already stopped request with nothing, without asking llama.cpp", async () => {
    const { engine, cores } = setup();
    await engine.load(["tiny"]);
    const controller = new AbortController();
    controller.abort();
    const result = await engine.chat(hello, { signal: controller.signal, onChunk: () => {} });
    expect(result).toMatchObject({ text: "", finishReason: "abort" });
    expect(cores[0]?.requests).toEqual([]);
  });

  it("interrupt() and unload() stop what is generating", async () => {
    const { engine, prepare } = setup();
    prepare((core) => (core.script = Array.from({ length: 50 }, () => content("y"))));
    await engine.load(["tiny"]);
    const first = engine.chat(hello, { onChunk: () => {} });
    await tick();
    await tick();
    await engine.interrupt();
    expect((await first).finishReason).toBe("abort");
    const second = engine.chat(hello, { onChunk: () => {} });
    await tick();
    await engine.unload(["tiny"]);
    expect((await second).finishReason).toBe("abort");
    expect(engine.loaded()).toEqual([]);
  });

  it("throws typed errors: not loaded, and failures during generation", async () => {
    const { engine, prepare } = setup();
    await expect(engine.chat(hello, { onChunk: () => {} })).rejects.toMatchObject({
      code: "model-not-loaded",
    });
    prepare((core) => (core.failAfter = 1));
    await engine.load(["tiny"]);
    await expect(engine.chat(hello, { onChunk: () => {} })).rejects.toMatchObject({
      code: "context-overflow",
      details: { modelId: "tiny" },
    });
  });
});
