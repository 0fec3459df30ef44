import { describe, expect, it } from "vitest";
import type { StreamChunk } from "../types";
import {
  toWebLlmRequest,
  WebLlmEngine,
  type WebLlmChunk,
  type WebLlmCore,
  type WebLlmRequest,
} from "./web-llm-adapter";

type AppConfig = Parameters<WebLlmCore["setAppConfig"]>[0];
type InitCallback = NonNullable<Parameters<WebLlmCore["setInitProgressCallback"]>[0]>;

const QWEN3 = "Qwen3-1.7B-q4f16_1-MLC";
const CODER = "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC";

function named(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function chunk(
  content: string | null,
  finish: WebLlmChunk["choices"][number]["finish_reason"] = null,
): WebLlmChunk {
  return {
    id: "x",
    created: 0,
    model: QWEN3,
    object: "chat.completion.chunk",
    choices: [
      {
        index: 0,
        delta: content === null ? {} : { content, role: "assistant" },
        finish_reason: finish,
      },
    ],
  };
}

function usageChunk(completionTokens: number): WebLlmChunk {
  return {
    id: "x",
    created: 0,
    model: QWEN3,
    object: "chat.completion.chunk",
    choices: [],
    usage: {
      prompt_tokens: 9,
      completion_tokens: completionTokens,
      total_tokens: 9 + completionTokens,
      extra: {
        e2e_latency_s: 2,
        prefill_tokens_per_s: 300,
        decode_tokens_per_s: 30,
        time_to_first_token_s: 0.25,
        time_per_output_token_s: 1 / 30,
      },
    },
  };
}

/**
 * A stand-in for MLCEngine that behaves like web-llm 0.2.86 where the adapter depends on it:
 * the interrupt flag is cleared when a generation starts and checked before each decode step,
 * and a stopped stream ends with finish_reason "abort" and a usage chunk.
 */
class FakeCore implements WebLlmCore {
  reloads: string[][] = [];
  unloads = 0;
  requests: WebLlmRequest[] = [];
  appConfigs: AppConfig[] = [];
  progress: InitCallback | undefined;
  interruptFlag = false;
  reloadImpl: (ids: string[]) => Promise<void> = async () => {};
  /** Raw text pieces the model "generates", one per decode step. */
  script: string[] = [];
  failAfter: number | null = null;
  private pendingReload: (() => void) | null = null;

  async reload(ids: string[]): Promise<void> {
    this.reloads.push(ids);
    return this.reloadImpl(ids);
  }
  async unload(): Promise<void> {
    this.unloads++;
    this.pendingReload?.();
  }
  async interruptGenerate(): Promise<void> {
    this.interruptFlag = true;
  }
  setAppConfig(config: AppConfig): void {
    this.appConfigs.push(config);
  }
  setInitProgressCallback(callback?: InitCallback): void {
    this.progress = callback;
  }
  /** A reload that only ends when unload() is called (as web-llm's aborted fetches do). */
  hangingReload(): void {
    this.reloadImpl = () =>
      new Promise<void>((resolve) => {
        this.pendingReload = resolve;
      });
  }
  chat = {
    completions: {
      create: async (request: WebLlmRequest): Promise<AsyncIterable<WebLlmChunk>> => {
        this.requests.push(request);
        return this.generate();
      },
    },
  };
  private async *generate(): AsyncGenerator<WebLlmChunk> {
    this.interruptFlag = false;
    let steps = 0;
    let finish: "stop" | "abort" = "stop";
    for (const piece of this.script) {
      await tick();
      if (this.interruptFlag) {
        finish = "abort";
        break;
      }
      if (this.failAfter !== null && steps === this.failAfter) {
        throw new Error("Device was lost. This can happen due to insufficient memory.");
      }
      steps++;
      yield chunk(piece);
    }
    yield chunk(null, finish);
    yield usageChunk(steps);
  }
}

function setup(options: ConstructorParameters<typeof WebLlmEngine>[0] = {}) {
  const core = new FakeCore();
  const configs: AppConfig[] = [];
  const engine = new WebLlmEngine({
    ...options,
    createCore: (config) => {
      if (config.appConfig) configs.push(config.appConfig);
      return core;
    },
  });
  return { core, engine, configs };
}

const ask = (modelId = QWEN3) => ({
  modelId,
  messages: [{ role: "user" as const, content: "What is 2+2?" }],
  params: { temperature: 0.6, enable_thinking: true },
});

describe("WebLlmEngine.load", () => {
  it("reloads the list and reports progress per model", async () => {
    const { core, engine } = setup();
    core.reloadImpl = async () => {
      core.progress?.({
        progress: 0.5,
        timeElapsed: 1,
        text: "Fetching param cache[1/2]: 10MB fetched. 50% completed, 1 secs elapsed.",
      });
      core.progress?.({ progress: 1, timeElapsed: 2, text: "Finish loading on WebGPU - test" });
      core.progress?.({ progress: 1, timeElapsed: 2, text: "Finish loading on WebGPU - test" });
    };
    const seen: string[] = [];
    await engine.load([QWEN3, CODER], { onProgress: (p) => seen.push(`${p.modelId}:${p.phase}`) });
    expect(core.reloads).toEqual([[QWEN3, CODER]]);
    expect(seen).toEqual([`${QWEN3}:fetching`, `${QWEN3}:ready`, `${CODER}:ready`]);
    expect(engine.loaded()).toEqual([QWEN3, CODER]);
    expect(core.progress).toBeUndefined();
  });

  it("refuses unknown models before touching web-llm", async () => {
    const { core, engine } = setup();
    await expect(engine.load(["no-such-model"])).rejects.toMatchObject({ code: "model-not-found" });
    expect(core.reloads).toEqual([]);
  });

  it("cancels by unloading and rejects with download-cancelled", async () => {
    const { core, engine } = setup();
    core.hangingReload();
    const controller = new AbortController();
    const phases: string[] = [];
    const loading = engine.load([QWEN3], {
      signal: controller.signal,
      onProgress: (p) => phases.push(p.phase),
    });
    await tick();
    controller.abort();
    await expect(loading).rejects.toMatchObject({ code: "download-cancelled" });
    expect(core.unloads).toBe(1);
    expect(phases).toEqual(["cancelled"]);
    expect(engine.loaded()).toEqual([]);
  });

  it("translates web-llm failures, naming the model", async () => {
    const { core, engine } = setup();
    core.reloadImpl = async () => {
      throw named("ShaderF16SupportError", "This model requires WebGPU extension shader-f16.");
    };
    await expect(engine.load([QWEN3])).rejects.toMatchObject({
      code: "shader-f16-missing",
      details: { suggestedModelId: "Qwen3-1.7B-q4f32_1-MLC", modelId: QWEN3 },
    });
  });
});

describe("WebLlmEngine.chat", () => {
  it("streams, splits <think> reasoning and reports web-llm's usage", async () => {
    const { core, engine } = setup();
    await engine.load([QWEN3]);
    core.script = ["<thi", "nk>\nTwo plus", " two.</think>", "\n\nIt is ", "4."];
    const chunks: StreamChunk[] = [];
    const result = await engine.chat(ask(), { onChunk: (c) => chunks.push(c) });
    expect(result.reasoning).toBe("Two plus two.");
    expect(result.text).toBe("It is 4.");
    expect(
      chunks
        .filter((c) => c.reasoning)
        .map((c) => c.delta)
        .join(""),
    ).toBe("Two plus two.");
    expect(result.finishReason).toBe("stop");
    expect(result.usage).toEqual({
      promptTokens: 9,
      completionTokens: 5,
      ttftMs: 250,
      prefillTokensPerS: 300,
      decodeTokensPerS: 30,
      totalMs: 2000,
    });
  });

  it("interrupt() stops generation with finish reason abort and the text so far", async () => {
    const { core, engine } = setup();
    await engine.load([QWEN3]);
    core.script = ["a", "b", "c", "d", "e", "f"];
    let count = 0;
    const result = await engine.chat(ask(), {
      onChunk: () => {
        if (++count === 2) void engine.interrupt();
      },
    });
    expect(result.finishReason).toBe("abort");
    expect(result.text).toBe("ab");
    expect(result.usage.completionTokens).toBe(2);
  });

  it("a signal aborted before generation starts still stops it", async () => {
    const { core, engine } = setup();
    await engine.load([QWEN3]);
    core.script = ["a", "b", "c", "d"];
    const controller = new AbortController();
    const pending = engine.chat(ask(), { onChunk: () => {}, signal: controller.signal });
    controller.abort(); // web-llm clears its flag when the generator starts; the adapter repeats it
    const result = await pending;
    expect(result.finishReason).toBe("abort");
    expect(result.text.length).toBeLessThan(4);
  });

  it("translates errors thrown mid-stream", async () => {
    const { core, engine } = setup();
    await engine.load([QWEN3]);
    core.script = ["a", "b", "c"];
    core.failAfter = 1;
    await expect(engine.chat(ask(), { onChunk: () => {} })).rejects.toMatchObject({
      code: "device-lost",
    });
  });

  it("refuses a model that is not loaded", async () => {
    const { engine } = setup();
    await expect(engine.chat(ask(CODER), { onChunk: () => {} })).rejects.toMatchObject({
      code: "model-not-loaded",
    });
  });
});

describe("toWebLlmRequest", () => {
  it("builds a streaming request with usage, thinking switch and only the settings given", () => {
    const request: WebLlmRequest = toWebLlmRequest({
      modelId: QWEN3,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      params: { temperature: 0, max_tokens: 64, seed: 7, stop: ["\n\n"], enable_thinking: false },
    });
    expect(request).toEqual({
      stream: true,
      stream_options: { include_usage: true },
      model: QWEN3,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      temperature: 0,
      max_tokens: 64,
      seed: 7,
      stop: ["\n\n"],
      extra_body: { enable_thinking: false },
    });
    expect("top_p" in request).toBe(false);
  });
});

describe("WebLlmEngine unload and config", () => {
  it("unloading one of two models unloads all and reloads the other", async () => {
    const { core, engine } = setup();
    await engine.load([QWEN3, CODER]);
    await engine.unload([QWEN3]);
    expect(core.unloads).toBe(1);
    expect(core.reloads.at(-1)).toEqual([CODER]);
    expect(engine.loaded()).toEqual([CODER]);
    await engine.unload();
    expect(engine.loaded()).toEqual([]);
  });

  it("lists web-llm's prebuilt models plus custom records, with the cache backend applied", async () => {
    const custom = {
      model: "https://example.org/my-model/",
      model_id: "My-Model-q4f16_1-MLC",
      model_lib: "https://example.org/my-model.wasm",
      vram_required_MB: 1200,
      required_features: ["shader-f16"],
    };
    const { core, engine, configs } = setup({ cacheBackend: "indexeddb", customModels: [custom] });
    const models = engine.listModels();
    const qwen3 = models.find((m) => m.id === QWEN3);
    expect(qwen3).toMatchObject({ custom: false, type: "llm", contextWindowSize: 4096 });
    expect(qwen3?.vramRequiredMB).toBeGreaterThan(0);
    expect(models.find((m) => m.id === custom.model_id)).toMatchObject({
      custom: true,
      url: custom.model,
      lib: custom.model_lib,
      vramRequiredMB: 1200,
    });
    await engine.load([custom.model_id]);
    expect(configs[0]?.cacheBackend).toBe("indexeddb");
    engine.setAppConfig({ cacheBackend: "opfs" });
    expect(core.appConfigs.at(-1)?.cacheBackend).toBe("opfs");
    expect(engine.listModels().some((m) => m.id === custom.model_id)).toBe(false);
  });
});
