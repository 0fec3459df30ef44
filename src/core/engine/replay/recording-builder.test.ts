import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import compareFixture from "../../../../tests/fixtures/recordings/compare-two-models.json";
import thinkFixture from "../../../../tests/fixtures/recordings/qwen3-think.json";
import type { DeviceProfile } from "../../device/types";
import { parseRecording, serializeRecording } from "./recording";
import { deviceSummary, RecordingBuilder, recordingEngine } from "./recording-builder";
import { ReplayEngine } from "./replay-engine";
import type { Scheduler } from "../scheduler";

const fake: Scheduler = {
  now: () => Date.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h),
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("recordingEngine", () => {
  it("recording a replay gives back the same chunks, timings and results", async () => {
    for (const source of [parseRecording(compareFixture), parseRecording(thinkFixture)]) {
      const builder = new RecordingBuilder({
        app: { name: "polymath-test", version: "0" },
        engine: { kind: "replay" },
        createdAt: "2025-02-02T00:00:00.000Z",
      });
      const replay = new ReplayEngine(source, { scheduler: fake, loadStepMs: 0 });
      const engine = recordingEngine(replay, builder, fake);
      await engine.load(source.models.map((m) => m.id));
      expect(engine.loaded()).toEqual(source.models.map((m) => m.id));
      for (const entry of source.entries) {
        const seen: string[] = [];
        const done = engine.chat(entry.request, { onChunk: (c) => seen.push(c.delta) });
        await vi.runAllTimersAsync();
        await done;
        // the wrapped caller still gets every chunk
        expect(seen).toEqual(entry.chunks.map((c) => c.delta));
      }
      const copy = builder.build();
      expect(copy.entries.map((e) => e.chunks)).toEqual(source.entries.map((e) => e.chunks));
      expect(copy.entries.map((e) => e.result)).toEqual(source.entries.map((e) => e.result));
      expect(copy.entries.map((e) => e.request)).toEqual(source.entries.map((e) => e.request));
      expect(copy.models.map((m) => m.id)).toEqual(source.models.map((m) => m.id));
      expect(parseRecording(serializeRecording(copy))).toEqual(copy);
    }
  });

  it("records an interrupted answer as an abort with the chunks that arrived", async () => {
    const source = parseRecording(compareFixture);
    const builder = new RecordingBuilder({
      app: { name: "t", version: "0" },
      engine: { kind: "replay" },
    });
    const replay = new ReplayEngine(source, { scheduler: fake, loadStepMs: 0 });
    const engine = recordingEngine(replay, builder, fake);
    await engine.load(["Qwen3-1.7B-q4f16_1-MLC"]);
    const entry = source.entries[0];
    if (!entry) throw new Error("fixture has entries");
    const done = engine.chat(entry.request, { onChunk: () => {} });
    await vi.advanceTimersByTimeAsync(300);
    await engine.interrupt();
    const result = await done;
    const recorded = builder.build().entries[0];
    expect(recorded?.result.finishReason).toBe("abort");
    expect(recorded?.result.text).toBe(result.text);
    expect(recorded?.chunks.length).toBe(entry.chunks.filter((c) => c.t <= 300).length);
  });
});

describe("RecordingBuilder", () => {
  it("lists models of added entries and merges model annotations", () => {
    const builder = new RecordingBuilder({
      app: { name: "polymath-test-fixture", version: "0" },
      engine: { kind: "webllm", webllmVersion: "0.2.86" },
      fixture: true,
      note: "synthetic test fixture, not a real model output",
    });
    builder.addModel({ id: "m", label: "M" });
    builder.addModel({ id: "m", role: "generalist" });
    builder.addEntry({
      modelId: "n",
      request: {
        modelId: "n",
        messages: [{ role: "user", content: "q" }],
        params: { stop: ["x"] },
      },
      chunks: [{ t: 0, delta: "a" }],
      result: {
        text: "a",
        reasoning: "",
        finishReason: "stop",
        usage: {
          promptTokens: 1,
          completionTokens: 1,
          ttftMs: 0,
          prefillTokensPerS: 0,
          decodeTokensPerS: 0,
          totalMs: 1,
        },
      },
    });
    const rec = builder.build();
    expect(rec.models).toEqual([{ id: "m", label: "M", role: "generalist" }, { id: "n" }]);
    expect(rec.entries[0]?.id).toBe("e1");
    expect(rec.engine).toEqual({ kind: "webllm", webllmVersion: "0.2.86" });
    expect(Number.isNaN(Date.parse(rec.createdAt))).toBe(false);
  });

  it("refuses to build an entry whose text disagrees with its chunks", () => {
    const builder = new RecordingBuilder({
      app: { name: "t", version: "0" },
      engine: { kind: "replay" },
    });
    builder.addEntry({
      modelId: "m",
      request: { modelId: "m", messages: [], params: {} },
      chunks: [{ t: 0, delta: "a" }],
      result: {
        text: "b",
        reasoning: "",
        finishReason: "stop",
        usage: {
          promptTokens: 0,
          completionTokens: 1,
          ttftMs: 0,
          prefillTokensPerS: 0,
          decodeTokensPerS: 0,
          totalMs: 0,
        },
      },
    });
    expect(() => builder.build()).toThrow(/entries\[0\]\.result\.text/);
  });
});

describe("deviceSummary", () => {
  it("keeps the GPU and browser facts and leaves out the user agent", () => {
    const limits = {
      maxBufferSize: 1,
      maxStorageBufferBindingSize: 1,
      maxComputeWorkgroupStorageSize: 1,
    };
    const profile: DeviceProfile = {
      verdict: "f16",
      headline: "Runs f16 models",
      notes: [],
      advice: [],
      gpuClass: "discrete",
      shaderF16: true,
      isFallbackAdapter: false,
      limits,
      memoryBudgetMB: 6000,
      budgetSource: "estimate",
      cpu: { memoryBudgetMB: 2048, threads: 1, threadReason: "" },
      browser: { kind: "chrome", version: 131, os: "linux" },
      adapter: {
        vendor: "nvidia",
        architecture: "hopper",
        description: "NVIDIA H200",
        device: "",
        isFallbackAdapter: false,
        features: ["shader-f16"],
        limits,
      },
      storage: { usageBytes: 1, quotaBytes: 2, persisted: false },
      crossOriginIsolated: false,
    };
    expect(deviceSummary(profile)).toEqual({
      gpu: "NVIDIA H200",
      vendor: "nvidia",
      architecture: "hopper",
      gpuClass: "discrete",
      shaderF16: true,
      browser: "chrome 131",
      os: "linux",
      memoryBudgetMB: 6000,
    });
  });
});
