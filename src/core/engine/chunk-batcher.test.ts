import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createChunkBatcher } from "./chunk-batcher";
import type { Scheduler } from "./scheduler";
import type { StreamChunk } from "./types";

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

describe("createChunkBatcher", () => {
  it("sends chunks pushed within the delay as one batch", () => {
    const sent: StreamChunk[][] = [];
    const batcher = createChunkBatcher((c) => sent.push(c), { scheduler: fake, maxDelayMs: 20 });
    batcher.push({ delta: "a" });
    vi.advanceTimersByTime(10);
    batcher.push({ delta: "b", reasoning: true });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(10);
    expect(sent).toEqual([[{ delta: "a" }, { delta: "b", reasoning: true }]]);
    batcher.push({ delta: "c" });
    vi.advanceTimersByTime(20);
    expect(sent).toHaveLength(2);
  });

  it("sends at once when the buffer is full", () => {
    const sent: StreamChunk[][] = [];
    const batcher = createChunkBatcher((c) => sent.push(c), { scheduler: fake, maxChunks: 3 });
    for (const delta of ["a", "b", "c", "d"]) batcher.push({ delta });
    expect(sent.map((b) => b.map((c) => c.delta))).toEqual([["a", "b", "c"]]);
    batcher.flush();
    expect(sent.map((b) => b.map((c) => c.delta))).toEqual([["a", "b", "c"], ["d"]]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("flush with nothing waiting sends nothing", () => {
    const sent: StreamChunk[][] = [];
    createChunkBatcher((c) => sent.push(c), { scheduler: fake }).flush();
    expect(sent).toEqual([]);
  });
});
