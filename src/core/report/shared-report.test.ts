import { describe, expect, it } from "vitest";
import type { BenchResult, BenchRun } from "../runs/bench/types";
import { buildBenchReport } from "./bench-report";
import { isSharedReport, parseSharedReport, toSharedReport } from "./shared-report";

/** A fixture run: one generalist, one math item. */
const run: BenchRun = {
  id: "r",
  title: "Fixture run",
  createdAt: 0,
  status: "done",
  loads: {},
  provenance: { app: { name: "polymath", version: "test" }, device: { gpu: "Fixture GPU" } },
  config: {
    suites: [
      {
        id: "s",
        name: "Suite",
        hash: "abc",
        itemIds: ["i1"],
        totalItems: 3,
        sample: { n: 1, seed: 9 },
      },
    ],
    models: [
      {
        id: "g",
        name: "General",
        role: "generalist",
        domains: [],
        source: "replay",
        memoryMB: 1024,
      },
    ],
    params: { temperature: 0 },
    maxTokens: { code: 1, math: 1, choice: 1, instruction: 1, checks: 1 },
    itemTimeoutMs: 1000,
  },
};
const results: BenchResult[] = [
  {
    runId: "r",
    modelId: "g",
    suiteId: "s",
    itemId: "i1",
    domain: "math",
    kind: "math",
    answer: "4",
    finishReason: "stop",
    verdict: { itemId: "i1", pass: true, score: 1, reason: "right" },
    at: 0,
  },
];
const report = buildBenchReport(run, results, { rounds: 50 });

describe("shared bench reports", () => {
  it("round-trips through JSON with what the report shows", () => {
    const shared = toSharedReport(run, report);
    const back = parseSharedReport(JSON.parse(JSON.stringify(shared)));
    expect(back).toEqual(shared);
    expect(isSharedReport(back)).toBe(true);
    expect(back.device).toBe("Fixture GPU");
    expect(back.bySuite[0]).toMatchObject({ modelId: "g", suite: "s", n: 1, score: 1 });
    expect(back.progress).toEqual({ scored: 1, planned: 1 });
    expect(back.suites).toEqual([{ id: "s", name: "Suite", items: 1, sample: { n: 1, seed: 9 } }]);
  });

  it("refuses a document whose numbers are not numbers, naming the field", () => {
    const shared = JSON.parse(JSON.stringify(toSharedReport(run, report)));
    shared.bySuite[0].score = "<svg onload=alert(1)>";
    expect(() => parseSharedReport(shared)).toThrow(/bySuite\[0\]\.score/);
    expect(() => parseSharedReport({ format: "polymath-recording" })).toThrow(/format/);
    const sampled = JSON.parse(JSON.stringify(toSharedReport(run, report)));
    sampled.suites[0].sample.seed = "1";
    expect(() => parseSharedReport(sampled)).toThrow(/suites\[0\]\.sample\.seed/);
    expect(isSharedReport({ format: "polymath-recording" })).toBe(false);
  });

  it("says a newer version is newer", () => {
    const shared = { ...toSharedReport(run, report), version: 2 };
    expect(() => parseSharedReport(shared)).toThrow(/newer Polymath/);
  });
});
