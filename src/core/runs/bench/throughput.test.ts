import { describe, expect, it } from "vitest";
import { remoteModelId, type RemoteEndpoint } from "../../engine/remote/endpoint";
import { fakeFetch, sseText, type Reply } from "../../engine/remote/fake-openai-server";
import { RemoteEngine } from "../../engine/remote/remote-engine";
import type { Scheduler } from "../../engine/scheduler";
import type { MathItem, SuiteItem } from "../../scoring/types";
import type { BenchTask } from "./plan";
import { runBench, type BenchEvent } from "./run-bench";
import { benchRequest, BENCH_PARAMS, DEFAULT_MAX_TOKENS } from "./templates";
import {
  addThroughput,
  generatedTokensPerS,
  requestsPerS,
  throughputWords,
  ThroughputMeter,
} from "./throughput";

describe("ThroughputMeter", () => {
  it("counts busy time once while requests overlap, and the most in flight", () => {
    const m = new ThroughputMeter();
    m.start(0);
    m.start(100);
    expect(m.inFlight).toBe(2);
    m.end(500, { completionTokens: 40 });
    m.end(1000, { completionTokens: 60, rateLimited: { waits: 2, waitedMs: 300 } });
    // Idle from 1000 to 5000 (e.g. the next model's turn), then one more request.
    m.start(5000);
    expect(m.snapshot(5500).busyMs).toBe(1500);
    m.end(6000); // cancelled: ends without an answer
    const t = m.snapshot(9000);
    expect(t).toEqual({
      completed: 2,
      completionTokens: 100,
      busyMs: 2000,
      peakInFlight: 2,
      rateLimitWaits: 2,
      rateLimitWaitMs: 300,
    });
    expect(requestsPerS(t)).toBe(1);
    expect(generatedTokensPerS(t)).toBe(50);
    expect(throughputWords(t)).toBe(
      "up to 2 at once · 1.00 req/s · 50.0 tok/s generated · 2 rate-limit waits (429)",
    );
    expect(throughputWords(t, 0)).toMatch(/^0 in flight · /);
  });

  it("adds a resumed session to the earlier ones", () => {
    const a = { ...new ThroughputMeter().snapshot(0), completed: 3, busyMs: 1000, peakInFlight: 4 };
    const b = { ...a, completed: 1, completionTokens: 9, busyMs: 500, peakInFlight: 2 };
    expect(addThroughput(undefined, b)).toEqual(b);
    expect(addThroughput(a, b)).toMatchObject({
      completed: 4,
      completionTokens: 9,
      busyMs: 1500,
      peakInFlight: 4,
    });
    expect(requestsPerS(new ThroughputMeter().snapshot(10))).toBeNull();
  });
});

/** Fixture items (not model output). */
const items: MathItem[] = Array.from({ length: 6 }, (_, i) => ({
  id: `m${i}`,
  kind: "math",
  domain: "math",
  prompt: `What is ${i} + ${i}?`,
  answer: String(2 * i),
}));
const tasks: BenchTask[] = items.map((item) => ({ suiteId: "s", item }));

const endpoint: RemoteEndpoint = {
  id: "gpu-box-8000",
  baseUrl: "http://gpu-box:8000/v1",
  apiKey: "",
  models: [{ name: "big-model", role: "generalist", domains: ["chat"] }],
  maxConcurrent: 3,
  addedAt: 1,
};
const MODEL = remoteModelId(endpoint, "big-model");

/**
 * A clock that moves 10 ms per reading. Timers up to 5 s (the 429 waits) fire at once and are
 * recorded; the 60 s item limit never fires.
 */
function fakeClock(): Scheduler & { waits: number[] } {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => (t += 10),
    setTimeout: (callback, ms) => {
      if (ms <= 5000) {
        waits.push(ms);
        queueMicrotask(callback);
      }
      return 0 as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: () => {},
  };
}

describe("a bench on a remote endpoint (fake OpenAI-compatible server)", () => {
  it("reports the requests in flight, requests/s, tokens/s and the 429 waits it got", async () => {
    // Fixture replies: one 429 (Retry-After 1 s), then six streamed answers of 4 tokens each.
    const answer: Reply = {
      kind: "stream",
      chunks: [sseText(["#### 0"], { usage: { prompt_tokens: 9, completion_tokens: 4 } })],
    };
    const server = fakeFetch([
      { kind: "status", status: 429, headers: { "Retry-After": "1" } },
      ...Array.from({ length: 6 }, () => answer),
    ]);
    const scheduler = fakeClock();
    const engine = new RemoteEngine({
      fetch: server.fetch,
      resolveModel: (id) => (id === MODEL ? { endpoint, model: endpoint.models[0]! } : undefined),
      origin: "https://polymath.example",
      scheduler,
    });
    const events: Extract<BenchEvent, { type: "throughput" }>[] = [];
    const outcome = await runBench({
      engine,
      plan: [{ modelId: MODEL, load: true, tasks }],
      runId: "r1",
      request: (modelId: string, item: SuiteItem) =>
        benchRequest(modelId, item, BENCH_PARAMS, DEFAULT_MAX_TOKENS),
      score: async (task) => ({ itemId: task.item.id, pass: true, score: 1, reason: "fixture" }),
      save: async () => {},
      onEvent: (e) => {
        if (e.type === "throughput") events.push(e);
      },
      itemTimeoutMs: 60_000,
      scheduler,
      concurrency: () => endpoint.maxConcurrent,
    });
    expect(outcome).toBe("done");
    expect(server.calls).toHaveLength(7);
    expect(scheduler.waits).toEqual([1000]);
    // Three requests went out at once, never more; the run ends with none in flight.
    expect(Math.max(...events.map((e) => e.inFlight))).toBe(3);
    expect(events.at(-1)?.inFlight).toBe(0);
    const t = events.at(-1)!.throughput;
    expect(t).toMatchObject({
      completed: 6,
      completionTokens: 24,
      peakInFlight: 3,
      rateLimitWaits: 1,
      rateLimitWaitMs: 1000,
    });
    expect(t.busyMs).toBeGreaterThan(0);
    expect(requestsPerS(t)).toBeCloseTo((6 * 1000) / t.busyMs);
    expect(generatedTokensPerS(t)).toBeCloseTo((24 * 1000) / t.busyMs);
    // Each event is the running total: completed requests never go down.
    const completed = events.map((e) => e.throughput.completed);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
  });
});
