import type { RuntimeId } from "../../engine/runtime";
import { describe, expect, it } from "vitest";
import compareFixture from "../../../../tests/fixtures/recordings/compare-two-models.json";
import { parseRecording } from "../../engine/replay/recording";
import {
  columnBudgetMB,
  columnVramMB,
  comparisonSource,
  replayedShare,
  voteAnswers,
} from "./sources";

const recording = parseRecording(compareFixture);
const recorded = new Set(recording.models.map((m) => m.id));
const replayed = (id: string) => recorded.has(id);
const [A, B] = [...recorded] as [string, string];

describe("comparison sources and costs across runtimes", () => {
  it("plans an all-replayed turn as the recording device did, a mixed one on this device", () => {
    const budgets = { replay: 6000, device: 2000 };
    expect(columnBudgetMB([A, B], replayed, budgets)).toBe(6000);
    expect(columnBudgetMB([A, "live"], replayed, budgets)).toBe(2000);
    expect(columnBudgetMB([A], replayed, {})).toBe(Infinity);
    expect(columnVramMB(A, [A, B], replayed, 1500)).toBe(1500);
    expect(columnVramMB(A, [A, "live"], replayed, 1500)).toBe(0);
    expect(columnVramMB("live", [A, "live"], replayed, 900)).toBe(900);
  });

  it("says which answers were replayed", () => {
    const context = { recording, webllmVersion: "0.2.86", device: null };
    const all = comparisonSource([A, B], replayed, context);
    expect(all.engine).toBe("replay");
    expect(all.fixture).toBe(true);
    expect(replayedShare(all)).toBe("all");
    const mixed = comparisonSource([A, "live"], replayed, context);
    expect(mixed).toMatchObject({ engine: "mixed", replayedModels: [A], fixture: true });
    expect(replayedShare(mixed)).toBe("some");
    const live = comparisonSource(["live"], replayed, { ...context, recording: null });
    expect(live).toEqual({
      engine: "webllm",
      webllmVersion: "0.2.86",
      runtimes: { live: "webllm" },
    });
    expect(replayedShare(live)).toBe("none");
  });

  it("says which runtime served each live column", () => {
    const runtimeOf = (id: string): RuntimeId => (id.endsWith("-GGUF") ? "wllama" : "webllm");
    const context = { recording, webllmVersion: "0.2.86", device: null, runtimeOf };
    const cpu = comparisonSource(["a-GGUF"], replayed, { ...context, recording: null });
    expect(cpu).toMatchObject({ engine: "wllama", runtimes: { "a-GGUF": "wllama" } });
    const both = comparisonSource(["a-GGUF", "b-MLC"], replayed, { ...context, recording: null });
    expect(both.engine).toBe("mixed");
    const withReplay = comparisonSource([A, "a-GGUF"], replayed, context);
    expect(withReplay).toMatchObject({
      engine: "mixed",
      replayedModels: [A],
      runtimes: { "a-GGUF": "wllama" },
    });
  });
});

describe("voteAnswers", () => {
  it("marks a vote whose answers were replayed or synthetic", () => {
    const context = { recording, webllmVersion: "0.2.86", device: null };
    expect(voteAnswers(comparisonSource([A, B], replayed, context), A, B)).toBe("fixture");
    const mixed = comparisonSource([A, "live"], replayed, context);
    expect(voteAnswers(mixed, A, "live")).toBe("fixture");
    expect(voteAnswers({ engine: "replay" }, A, B)).toBe("replayed");
    expect(voteAnswers({ engine: "webllm" }, "x", "y")).toBeUndefined();
    expect(voteAnswers(undefined, "x", "y")).toBeUndefined();
  });
});
