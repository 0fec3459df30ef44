import { describe, expect, it } from "vitest";
import type { Scheduler } from "../scheduler";
import type { ChatRequest, StreamChunk } from "../types";
import type { RemoteEndpoint } from "./endpoint";
import { remoteModelId } from "./endpoint";
import { fakeFetch, sseText, type Reply } from "./fake-openai-server";
import { RemoteEngine } from "./remote-engine";

const ORIGIN = "https://polymath.example";
const endpoint: RemoteEndpoint = {
  id: "gpu-box-8000",
  baseUrl: "http://gpu-box:8000/v1",
  apiKey: "sk-test-secret",
  models: [{ name: "big-model", role: "generalist", domains: ["chat"] }],
  maxConcurrent: 4,
  addedAt: 1,
};
const MODEL = remoteModelId(endpoint, "big-model");
const request: ChatRequest = {
  modelId: MODEL,
  messages: [{ role: "user", content: "Hi" }],
  params: { temperature: 0.2, max_tokens: 64 },
};

/** A clock that ticks 10 ms per reading; timers fire at once and are recorded. */
function fakeClock(): Scheduler & { waits: number[] } {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => (t += 10),
    setTimeout: (callback, ms) => {
      waits.push(ms);
      queueMicrotask(callback);
      return 0 as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: () => {},
  };
}

function engineWith(
  replies: Reply[],
  extra: { maxRetries?: number } = {},
  served: RemoteEndpoint = endpoint,
) {
  const server = fakeFetch(replies);
  const scheduler = fakeClock();
  const engine = new RemoteEngine({
    fetch: server.fetch,
    resolveModel: (id) =>
      id === MODEL ? { endpoint: served, model: served.models[0]! } : undefined,
    origin: ORIGIN,
    scheduler,
    ...extra,
  });
  return { engine, calls: server.calls, scheduler };
}

async function chat(engine: RemoteEngine, signal?: AbortSignal) {
  const chunks: StreamChunk[] = [];
  const result = await engine.chat(request, {
    onChunk: (c) => chunks.push(c),
    ...(signal ? { signal } : {}),
  });
  return { result, chunks };
}

describe("RemoteEngine", () => {
  it("streams deltas in order and takes usage from the server", async () => {
    const { engine, calls } = engineWith([
      {
        kind: "stream",
        chunks: [
          sseText(["Hel", "lo", " there"], { usage: { prompt_tokens: 5, completion_tokens: 3 } }),
        ],
      },
    ]);
    const { result, chunks } = await chat(engine);
    expect(chunks.map((c) => c.delta)).toEqual(["Hel", "lo", " there"]);
    expect(result.text).toBe("Hello there");
    expect(result.finishReason).toBe("stop");
    expect(result.usage.promptTokens).toBe(5);
    expect(result.usage.completionTokens).toBe(3);
    expect(result.usage.ttftMs).toBeGreaterThan(0);
    expect(result.usage.totalMs).toBeGreaterThan(result.usage.ttftMs);
    expect(result.usage.decodeTokensPerS).toBeGreaterThan(0);
    const [call] = calls;
    expect(call?.url).toBe("http://gpu-box:8000/v1/chat/completions");
    expect(call?.body).toMatchObject({
      model: "big-model",
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 64,
    });
    expect((call?.init.headers as Record<string, string>).Authorization).toBe(
      "Bearer sk-test-secret",
    );
  });

  it("parses a stream split at every byte, multibyte characters included", async () => {
    const bytes = new TextEncoder().encode(sseText(["héllo ", "wörld ✓"]));
    const chunks = [...bytes].map((b) => new Uint8Array([b]));
    const { engine } = engineWith([{ kind: "stream", chunks }]);
    const { result } = await chat(engine);
    expect(result.text).toBe("héllo wörld ✓");
    // Without a usage chunk, tokens are counted from the deltas seen.
    expect(result.usage.completionTokens).toBe(2);
  });

  it("splits <think> text and reasoning_content into reasoning", async () => {
    const body = [
      `data: ${JSON.stringify({ choices: [{ delta: { reasoning_content: "hmm" } }] })}\n\n`,
      sseText(["<think>a</think>", "answer"]),
    ];
    const { engine } = engineWith([{ kind: "stream", chunks: body }]);
    const { result } = await chat(engine);
    expect(result.reasoning).toBe("hmma");
    expect(result.text).toBe("answer");
  });

  it("asks again without stream_options when the server rejects it, and not again", async () => {
    const { engine, calls } = engineWith([
      { kind: "status", status: 400, body: '{"error":{"message":"Unknown field stream_options"}}' },
      { kind: "stream", chunks: [sseText(["ok"])] },
      { kind: "stream", chunks: [sseText(["again"])] },
    ]);
    expect((await chat(engine)).result.text).toBe("ok");
    expect((await chat(engine)).result.text).toBe("again");
    expect(calls.map((c) => "stream_options" in c.body)).toEqual([true, false, false]);
  });

  it("retries a 429 after its Retry-After, then streams", async () => {
    const { engine, calls, scheduler } = engineWith([
      { kind: "status", status: 429, headers: { "Retry-After": "2" } },
      { kind: "status", status: 429 },
      { kind: "stream", chunks: [sseText(["done"])] },
    ]);
    const { result } = await chat(engine);
    expect(result.text).toBe("done");
    expect(calls).toHaveLength(3);
    expect(scheduler.waits).toEqual([2000, 1000]);
    expect(result.rateLimited).toEqual({ waits: 2, waitedMs: 3000 });
  });

  it("reports a 429 with its wait once the retries are spent", async () => {
    const { engine } = engineWith(
      [
        { kind: "status", status: 429, headers: { "Retry-After": "3" } },
        { kind: "status", status: 429, headers: { "Retry-After": "3" } },
      ],
      { maxRetries: 1 },
    );
    await expect(chat(engine)).rejects.toMatchObject({
      code: "rate-limited",
      details: { retryAfterMs: 3000, status: 429 },
    });
  });

  it("names 401, 403 and a 404 model", async () => {
    const { engine } = engineWith([
      { kind: "status", status: 401, body: '{"error":{"message":"bad key"}}' },
      { kind: "status", status: 403 },
      { kind: "status", status: 404, body: '{"error":"model big-model not found"}' },
    ]);
    const e401 = await chat(engine).catch((e: unknown) => e);
    expect(e401).toMatchObject({ code: "unauthorized" });
    expect((e401 as Error).message).toContain("bad key");
    await expect(chat(engine)).rejects.toMatchObject({ code: "unauthorized" });
    const e404 = await chat(engine).catch((e: unknown) => e);
    expect(e404).toMatchObject({ code: "model-not-found" });
    expect((e404 as Error).message).toContain('"big-model"');
  });

  it("explains a cross-origin fetch failure as CORS with each server's flag", async () => {
    const { engine } = engineWith(
      [{ kind: "reject", error: new TypeError("Failed to fetch") }],
      {},
      { ...endpoint, baseUrl: "https://gpu-box.example/v1" },
    );
    const error = (await chat(engine).catch((e: unknown) => e)) as { code: string; advice: string };
    expect(error.code).toBe("cors");
    expect(error.advice).toContain(`Access-Control-Allow-Origin: ${ORIGIN}`);
    expect(error.advice).toContain("--allowed-origins");
    expect(error.advice).toContain("OLLAMA_ORIGINS");
    expect(error.advice).toContain("LM Studio");
  });

  it("says the page may not reach plain http on another host, and what to do instead", async () => {
    const { engine } = engineWith([{ kind: "reject", error: new TypeError("Failed to fetch") }]);
    const error = (await chat(engine).catch((e: unknown) => e)) as {
      code: string;
      message: string;
      advice: string;
    };
    expect(error.code).toBe("network");
    expect(error.message).toContain("plain http only on this machine");
    expect(error.advice).toContain("Content-Security-Policy");
    expect(error.advice).toContain("TLS proxy");
  });

  it("keeps the partial answer of a cut stream, marked incomplete", async () => {
    const { engine } = engineWith([
      {
        kind: "stream",
        chunks: [`data: ${JSON.stringify({ choices: [{ delta: { content: "Half an" } }] })}\n\n`],
        cut: true,
      },
    ]);
    const { result } = await chat(engine);
    expect(result.text).toBe("Half an");
    expect(result.finishReason).toBe("error");
    expect(result.error?.code).toBe("stream-incomplete");
  });

  it("treats a stream that ends without [DONE] or a finish reason as cut", async () => {
    const { engine } = engineWith([
      {
        kind: "stream",
        chunks: [`data: ${JSON.stringify({ choices: [{ delta: { content: "x" } }] })}\n\n`],
      },
    ]);
    const { result } = await chat(engine);
    expect(result).toMatchObject({ text: "x", finishReason: "error" });
  });

  it("stops at an error object mid-stream, keeping the text so far", async () => {
    const { engine } = engineWith([
      {
        kind: "stream",
        chunks: [
          `data: ${JSON.stringify({ choices: [{ delta: { content: "Part" } }] })}\n\n`,
          `data: ${JSON.stringify({ error: { message: "out of KV cache" } })}\n\n`,
          sseText(["never"]),
        ],
      },
    ]);
    const { result } = await chat(engine);
    expect(result.text).toBe("Part");
    expect(result.finishReason).toBe("error");
    expect(result.error?.message).toContain("out of KV cache");
  });

  it("aborts on the signal and on interrupt, keeping what arrived", async () => {
    const parts = [
      `data: ${JSON.stringify({ choices: [{ delta: { content: "one " } }] })}\n\n`,
      `data: ${JSON.stringify({ choices: [{ delta: { content: "two" } }] })}\n\n`,
      sseText(["three"]),
    ];
    const { engine } = engineWith([
      { kind: "stream", chunks: parts },
      { kind: "stream", chunks: parts },
    ]);
    const controller = new AbortController();
    const chunks: string[] = [];
    const bySignal = await engine.chat(request, {
      signal: controller.signal,
      onChunk: (c) => {
        chunks.push(c.delta);
        controller.abort();
      },
    });
    expect(bySignal).toMatchObject({ text: "one ", finishReason: "abort" });
    const byInterrupt = await engine.chat(request, {
      onChunk: () => void engine.interrupt(),
    });
    expect(byInterrupt).toMatchObject({ text: "one ", finishReason: "abort" });
  });

  it("answers a stop before the request with nothing sent", async () => {
    const { engine, calls } = engineWith([]);
    const controller = new AbortController();
    controller.abort();
    const { result } = await chat(engine, controller.signal);
    expect(result).toMatchObject({ text: "", finishReason: "abort" });
    expect(calls).toHaveLength(0);
  });

  it("accepts a server that answered in one JSON piece", async () => {
    const { engine } = engineWith([
      {
        kind: "json",
        body: {
          choices: [{ message: { content: "whole" }, finish_reason: "length" }],
          usage: { prompt_tokens: 2, completion_tokens: 1 },
        },
      },
    ]);
    const { result } = await chat(engine);
    expect(result).toMatchObject({ text: "whole", finishReason: "length" });
  });

  it("loads only configured models and unloads them", async () => {
    const { engine } = engineWith([]);
    await expect(engine.load(["remote:nowhere/x"])).rejects.toMatchObject({
      code: "model-not-found",
    });
    await engine.load([MODEL]);
    expect(engine.loaded()).toEqual([MODEL]);
    await engine.unload();
    expect(engine.loaded()).toEqual([]);
  });
});
