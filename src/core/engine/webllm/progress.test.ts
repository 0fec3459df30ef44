import { describe, expect, it } from "vitest";
import { createProgressTracker, readReportText } from "./progress";

// Report texts in the exact shapes web-llm 0.2.86 builds them (lib/index.js).
const FETCH =
  "Fetching param cache[3/20]: 120MB fetched. 15% completed, 10 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.";
const FROM_CACHE = "Loading model from cache[5/20]: 300MB loaded. 40% completed, 2 secs elapsed.";
const SHADERS = "Loading GPU shader modules[10/40]: 25% completed, 3 secs elapsed.";
const FINISH = "Finish loading on WebGPU - nvidia";

describe("readReportText", () => {
  it("reads phase and bytes from each kind of report", () => {
    expect(readReportText("Start to fetch params")).toEqual({ phase: "fetching" });
    expect(readReportText(FETCH)).toEqual({ phase: "fetching", loadedBytes: 120 * 1024 * 1024 });
    expect(readReportText(FROM_CACHE)).toEqual({
      phase: "loading",
      loadedBytes: 300 * 1024 * 1024,
    });
    expect(readReportText(SHADERS)).toEqual({ phase: "loading" });
    expect(readReportText(FINISH)).toEqual({ phase: "ready" });
  });
});

describe("createProgressTracker", () => {
  it("attributes reports to each model of a multi-model reload in turn", () => {
    let now = 0;
    const tracker = createProgressTracker(["a", "b"], () => now);
    const first = tracker.report({ progress: 0.15, timeElapsed: 10, text: FETCH });
    expect(first).toMatchObject({ modelId: "a", phase: "fetching", fraction: 0.15, elapsedMs: 0 });
    now = 500;
    expect(tracker.report({ progress: 1, timeElapsed: 11, text: FINISH })).toMatchObject({
      modelId: "a",
      phase: "ready",
      fraction: 1,
      elapsedMs: 500,
    });
    expect(tracker.current()).toBe("b");
    expect(tracker.report({ progress: 0.4, timeElapsed: 2, text: FROM_CACHE })).toMatchObject({
      modelId: "b",
      phase: "loading",
      fraction: 0.4,
    });
    tracker.report({ progress: 1, timeElapsed: 3, text: FINISH });
    expect(tracker.current()).toBe("b");
  });

  it("clamps odd fractions", () => {
    const tracker = createProgressTracker(["a"], () => 0);
    expect(tracker.report({ progress: 1.7, timeElapsed: 0, text: SHADERS }).fraction).toBe(1);
    expect(tracker.report({ progress: Number.NaN, timeElapsed: 0, text: FETCH }).fraction).toBe(0);
    expect(tracker.report({ progress: -1, timeElapsed: 0, text: SHADERS }).fraction).toBe(0);
  });
});
