import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PolymathError } from "../../errors";
import thinkFixture from "../../../../tests/fixtures/recordings/qwen3-think.json";
import { parseRecording, type Recording } from "./recording";
import { ReplayEngine, type ReplayOptions } from "./replay-engine";
import type { Scheduler } from "../scheduler";
import type { ChatRequest, LoadProgress, StreamChunk } from "../types";

/** Scheduler over vitest's fake timers (installed per test). */
const fake: Scheduler = {
  now: () => Date.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h),
};

const USAGE = {
  promptTokens: 5,
  completionTokens: 3,
  ttftMs: 100,
  prefillTokensPerS: 50,
  decodeTokensPerS: 6.7,
  totalMs: 410,
};

/** Test fixture: model m1 answers "hi" with "Hello world" in three timed chunks; "bye" with "Ciao". */
function recording(): Recording {
  return parseRecording({
    format: "polymath-recording",
    version: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
    app: { name: "polymath-test-fixture", version: "0" },
    fixture: true,
    engine: { kind: "replay" },
    models: [{ id: "m1" }, { id: "m2" }],
    entries: [
      {
        id: "hi",
        modelId: "m1",
        request: { modelId: "m1", messages: [{ role: "user", content: "hi" }], params: {} },
        chunks: [
          { t: 100, delta: "Hel" },
          { t: 150, delta: "lo" },
          { t: 400, delta: " world" },
        ],
        result: { text: "Hello world", reasoning: "", finishReason: "stop", usage: USAGE },
      },
      {
        id: "bye",
        modelId: "m1",
        request: { modelId: "m1", messages: [{ role: "user", content: "bye" }], params: {} },
        chunks: [{ t: 50, delta: "Ciao" }],
        result: {
          text: "Ciao",
          reasoning: "",
          finishReason: "length",
          usage: { ...USAGE, completionTokens: 1 },
        },
      },
    ],
  });
}

const ask = (content: string, modelId = "m1"): ChatRequest => ({
  modelId,
  messages: [{ role: "user", content }],
  params: {},
});

async function ready(options: ReplayOptions = {}, rec = recording()): Promise<ReplayEngine> {
  const engine = new ReplayEngine(rec, { scheduler: fake, loadStepMs: 0, ...options });
  await engine.load(rec.models.map((m) => m.id));
  return engine;
}

/** Start a chat and record when (fake ms after start) each chunk arrived. */
function timedChat(engine: ReplayEngine, request: ChatRequest, signal?: AbortSignal) {
  const start = Date.now();
  const arrivals: [number, string][] = [];
  const done = engine.chat(request, {
    onChunk: (c: StreamChunk) => arrivals.push([Date.now() - start, c.delta]),
    ...(signal ? { signal } : {}),
  });
  return { arrivals, done };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("ReplayEngine timing", () => {
  it("delivers chunks at their recorded offsets and reports the recorded result", async () => {
    const engine = await ready();
    const { arrivals, done } = timedChat(engine, ask("hi"));
    await vi.advanceTimersByTimeAsync(99);
    expect(arrivals).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(arrivals).toEqual([[100, "Hel"]]);
    await vi.runAllTimersAsync();
    const result = await done;
    expect(arrivals).toEqual([
      [100, "Hel"],
      [150, "lo"],
      [400, " world"],
    ]);
    expect(result).toEqual({
      text: "Hello world",
      reasoning: "",
      finishReason: "stop",
      usage: USAGE,
    });
  });

  it("speed 2 halves every offset", async () => {
    const engine = await ready({ speed: 2 });
    const { arrivals, done } = timedChat(engine, ask("hi"));
    await vi.runAllTimersAsync();
    await done;
    expect(arrivals.map(([t]) => t)).toEqual([50, 75, 200]);
  });

  it("tokensPerSecond re-times chunks evenly", async () => {
    const engine = await ready({ tokensPerSecond: 10 });
    const { arrivals, done } = timedChat(engine, ask("hi"));
    await vi.runAllTimersAsync();
    await done;
    expect(arrivals.map(([t]) => t)).toEqual([100, 200, 300]);
  });

  it("speed Infinity plays without timers", async () => {
    const engine = await ready({ speed: Infinity });
    const { arrivals, done } = timedChat(engine, ask("hi"));
    const result = await done; // no timer advanced: would hang if it waited
    expect(arrivals.map(([t]) => t)).toEqual([0, 0, 0]);
    expect(result.text).toBe("Hello world");
  });

  it("rejects a speed of zero", () => {
    expect(() => new ReplayEngine(recording(), { speed: 0 })).toThrow(PolymathError);
  });

  it("keeps reasoning chunks flagged", async () => {
    const rec = parseRecording(thinkFixture);
    const engine = await ready({ speed: Infinity }, rec);
    const chunks: StreamChunk[] = [];
    const entry = rec.entries[0];
    if (!entry) throw new Error("fixture has an entry");
    const result = await engine.chat(entry.request, { onChunk: (c) => chunks.push(c) });
    expect(
      chunks
        .filter((c) => c.reasoning)
        .map((c) => c.delta)
        .join(""),
    ).toBe(result.reasoning);
    expect(result.reasoning).toContain("408");
    expect(result.text.startsWith("17 × 24")).toBe(true);
  });
});

describe("ReplayEngine stopping", () => {
  it("interrupt() mid-stream resolves with the partial text and partial usage", async () => {
    const engine = await ready();
    const { arrivals, done } = timedChat(engine, ask("hi"));
    await vi.advanceTimersByTimeAsync(200);
    await engine.interrupt();
    const result = await done;
    expect(arrivals.map(([, d]) => d)).toEqual(["Hel", "lo"]);
    expect(result.finishReason).toBe("abort");
    expect(result.text).toBe("Hello");
    // 5 of 11 characters of a 3-token answer: about 1 token, up to the chunk at 150 ms
    expect(result.usage.completionTokens).toBe(1);
    expect(result.usage.totalMs).toBe(150);
    expect(result.usage.promptTokens).toBe(5);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an aborted signal stops the stream the same way", async () => {
    const engine = await ready();
    const controller = new AbortController();
    const { done } = timedChat(engine, ask("hi"), controller.signal);
    await vi.advanceTimersByTimeAsync(120);
    controller.abort();
    const result = await done;
    expect(result).toMatchObject({ text: "Hel", finishReason: "abort" });
  });

  it("a signal aborted before the call gives an empty abort result", async () => {
    const engine = await ready();
    const { arrivals, done } = timedChat(engine, ask("hi"), AbortSignal.abort());
    const result = await done;
    expect(arrivals).toEqual([]);
    expect(result.finishReason).toBe("abort");
    expect(result.usage.completionTokens).toBe(0);
  });

  it("unloading the model stops its stream", async () => {
    const engine = await ready();
    const { done } = timedChat(engine, ask("hi"));
    await vi.advanceTimersByTimeAsync(100);
    await engine.unload(["m1"]);
    expect((await done).finishReason).toBe("abort");
    expect(engine.loaded()).toEqual(["m2"]);
  });
});

describe("ReplayEngine models and entries", () => {
  it("load reports simulated phases, marked as replay", async () => {
    const engine = new ReplayEngine(recording(), { scheduler: fake, loadStepMs: 10 });
    const seen: LoadProgress[] = [];
    const loading = engine.load(["m1"], { onProgress: (p) => seen.push(p) });
    await vi.runAllTimersAsync();
    await loading;
    expect(seen.map((p) => p.phase)).toEqual(["fetching", "loading", "ready"]);
    expect(seen.every((p) => p.text.startsWith("Replay"))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ modelId: "m1", fraction: 1, elapsedMs: 30 });
    expect(engine.loaded()).toEqual(["m1"]);
  });

  it("load of a model the recording lacks throws model-not-found", async () => {
    const engine = new ReplayEngine(recording(), { scheduler: fake, loadStepMs: 0 });
    await expect(engine.load(["m1", "nope"])).rejects.toMatchObject({ code: "model-not-found" });
    expect(engine.loaded()).toEqual([]);
  });

  it("load can be cancelled", async () => {
    const engine = new ReplayEngine(recording(), { scheduler: fake, loadStepMs: 10 });
    const controller = new AbortController();
    const phases: string[] = [];
    const loading = engine.load(["m1"], {
      signal: controller.signal,
      onProgress: (p) => phases.push(p.phase),
    });
    const outcome = expect(loading).rejects.toMatchObject({ code: "download-cancelled" });
    await vi.advanceTimersByTimeAsync(15);
    controller.abort();
    await outcome;
    expect(phases).toEqual(["fetching", "cancelled"]);
    expect(engine.loaded()).toEqual([]);
  });

  it("chat with a model that is not loaded throws model-not-loaded", async () => {
    const engine = new ReplayEngine(recording(), { scheduler: fake, loadStepMs: 0 });
    await expect(engine.chat(ask("hi"), { onChunk: () => {} })).rejects.toMatchObject({
      code: "model-not-loaded",
    });
  });

  it("a loaded model without answers throws model-not-found", async () => {
    const engine = await ready({ speed: Infinity });
    await expect(engine.chat(ask("hi", "m2"), { onChunk: () => {} })).rejects.toMatchObject({
      code: "model-not-found",
    });
  });

  it("same question, same answer; a prompt the recording never saw is refused", async () => {
    const engine = await ready({ speed: Infinity });
    const chat = async (q: string) => (await engine.chat(ask(q), { onChunk: () => {} })).text;
    expect(await chat("bye")).toBe("Ciao");
    expect(await chat("bye")).toBe("Ciao");
    expect(engine.lastMatch("m1")).toEqual({ entryId: "bye", kind: "exact" });
    const refused = engine.chat(ask("something else"), { onChunk: () => {} });
    await expect(refused).rejects.toMatchObject({
      code: "replay-no-match",
      details: { modelId: "m1", recordedPrompts: 2, "prompt 1": "hi", "prompt 2": "bye" },
    });
    expect(await chat("hi")).toBe("Hello world"); // a refusal does not disturb later matches
  });

  it("a refused prompt streams nothing", async () => {
    const engine = await ready({ speed: Infinity });
    const chunks: string[] = [];
    await expect(
      engine.chat(ask("again"), { onChunk: (c) => chunks.push(c.delta) }),
    ).rejects.toBeInstanceOf(PolymathError);
    expect(chunks).toEqual([]);
  });

  it("plays a recorded question asked with another system prompt, marked loose", async () => {
    const engine = await ready({ speed: Infinity });
    const result = await engine.chat(
      {
        modelId: "m1",
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "bye\n" },
        ],
        params: { temperature: 0.2 },
      },
      { onChunk: () => {} },
    );
    expect(result.text).toBe("Ciao");
    expect(engine.lastMatch("m1")).toEqual({ entryId: "bye", kind: "loose" });
  });
});
