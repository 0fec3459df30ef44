import { describe, expect, it } from "vitest";
import type { Domain } from "../domains";
import type { BenchResult, BenchRun } from "../runs/bench/types";
import { reportToHtml } from "./bench-export";
import { buildBenchReport } from "./bench-report";

/** A hand-made run: fixture verdicts, not model output. */
function run(models: BenchRun["config"]["models"]): BenchRun {
  return {
    id: "r",
    title: "t",
    createdAt: 0,
    status: "done",
    loads: {
      g: { loadMs: 100, cold: false },
      c: { loadMs: 300, cold: false },
      m: { loadMs: 200, cold: false },
    },
    provenance: { app: { name: "polymath", version: "test" } },
    config: {
      suites: [{ id: "s", name: "s", hash: "h", itemIds: [], totalItems: 0 }],
      models,
      params: {},
      maxTokens: { code: 1, math: 1, choice: 1, instruction: 1, checks: 1 },
      itemTimeoutMs: 1,
    },
  };
}
const model = (id: string, role: string, memoryMB: number) => ({
  id,
  name: id.toUpperCase(),
  role,
  domains: [],
  source: "replay" as const,
  memoryMB,
  downloadBytes: memoryMB * 1e6,
});

function results(modelId: string, domain: Domain, passes: boolean[]): BenchResult[] {
  return passes.map((pass, i) => ({
    runId: "r",
    modelId,
    suiteId: "s",
    itemId: `${domain}-${i}`,
    domain,
    kind: domain === "code" ? "code" : "math",
    answer: "",
    finishReason: "stop",
    verdict: { itemId: `${domain}-${i}`, pass, score: pass ? 1 : 0, reason: "fixture" },
    at: 0,
  }));
}
const times = (n: number, pass: boolean) => Array.from({ length: n }, () => pass);

describe("buildBenchReport", () => {
  // Hand-checked table, 40 code and 40 math items:
  //        code        math
  //   G    30 / 40     20 / 40
  //   C    36 / 40     10 / 40
  //   M     5 / 40     32 / 40
  const r = run([
    model("g", "generalist", 1000),
    model("c", "specialist", 900),
    model("m", "specialist", 950),
  ]);
  const all = [
    ...results("g", "code", [...times(30, true), ...times(10, false)]),
    ...results("g", "math", [...times(20, true), ...times(20, false)]),
    ...results("c", "code", [...times(36, true), ...times(4, false)]),
    ...results("c", "math", [...times(10, true), ...times(30, false)]),
    ...results("m", "code", [...times(5, true), ...times(35, false)]),
    ...results("m", "math", [...times(32, true), ...times(8, false)]),
  ];
  const report = buildBenchReport(r, all, { rounds: 500 });

  it("compares the generalist with the best specialist of each domain on the same items", () => {
    const code = report.comparisons.find((c) => c.domain === "code")!;
    expect(code).toMatchObject({ generalist: "g", specialist: "c", n: 40 });
    expect(code.ratio.value).toBeCloseTo(30 / 36, 10);
    expect(code.difference.value).toBeCloseTo(-6 / 40, 10);
    expect(code.ratio.low).toBeLessThan(code.ratio.value);
    expect(code.ratio.high).toBeGreaterThan(code.ratio.value);
    // G passes items 0-29 and C items 0-35: the 6 discordant items all go to C.
    expect(code.mcnemar).toMatchObject({ onlyFirst: 0, onlySecond: 6 });
    expect(code.sentence).toMatch(/^keeps 83% \(\d+%–\d+%\) of C's code score on 40 items$/);
    const math = report.comparisons.find((c) => c.domain === "math")!;
    expect(math.specialist).toBe("m");
    expect(math.ratio.value).toBeCloseTo(20 / 32, 10);
  });

  it("builds the oracle team: each domain to the model that did best on it", () => {
    const oracle = report.systems.find((s) => s.kind === "oracle")!;
    expect(oracle.domains).toEqual([
      { domain: "code", modelId: "c", score: 36 / 40, n: 40 },
      { domain: "math", modelId: "m", score: 32 / 40, n: 40 },
    ]);
    expect(oracle.overall).toBeCloseTo(68 / 80, 10);
    expect(oracle.members).toEqual(["c", "m"]);
    expect(oracle.memoryMB).toBe(1850);
    // 80 items interleaved code, math, code, …: every step switches model.
    expect(oracle.switches).toBe(79);
    expect(oracle.switchMs).toBeCloseTo(79 * 250, 6);
    const alone = report.systems.find((s) => s.kind === "generalist")!;
    expect(alone).toMatchObject({ members: ["g"], switches: 0, switchMs: 0, memoryMB: 1000 });
    expect(alone.overall).toBeCloseTo(50 / 80, 10);
  });

  it("does not price a switch from loads shared with other models (no time of their own)", () => {
    const shared = {
      ...r,
      loads: {
        ...r.loads,
        c: { loadMs: 500, cold: false, with: ["m"] },
        m: { loadMs: 500, cold: false, with: ["c"] },
      },
    };
    const oracle = buildBenchReport(shared, all, { rounds: 50 }).systems.find(
      (s) => s.kind === "oracle",
    )!;
    expect(oracle.switches).toBe(79);
    expect(oracle.switchMs).toBeUndefined();
  });

  it("gives Wilson intervals for pass rates, and says when items are too few", () => {
    const cell = report.bySuite.find((c) => c.modelId === "g")!;
    expect(cell).toMatchObject({ n: 80, passed: 50, method: "wilson" });
    const few = buildBenchReport(r, [
      ...results("g", "code", times(5, true)),
      ...results("c", "code", times(5, true)),
    ]);
    expect(few.comparisons[0]?.sentence).toBe("too few items to tell (n = 5)");
    expect(few.progress).toMatchObject({ answered: 10, scored: 10 });
  });

  it("shows a remote model's cost as remote, not memory here", () => {
    const big = { ...model("big", "generalist", 0), source: "remote" as const };
    const report = buildBenchReport(run([big, model("c", "specialist", 900)]), [
      ...results("big", "code", [true, false]),
      ...results("c", "code", [true, true]),
    ]);
    expect(report.costs.map((c) => [c.modelId, c.remote ?? false])).toEqual([
      ["big", true],
      ["c", false],
    ]);
    // With the throughput its server gave the run, for the remote model only.
    const throughput = {
      completed: 2,
      completionTokens: 80,
      busyMs: 1000,
      peakInFlight: 2,
      rateLimitWaits: 1,
      rateLimitWaitMs: 500,
    };
    const measured = {
      ...run([big, model("c", "specialist", 900)]),
      throughput: { big: throughput, c: throughput },
    };
    const withThroughput = buildBenchReport(measured, []);
    expect(withThroughput.costs.map((c) => c.throughput ?? null)).toEqual([throughput, null]);
    const html = reportToHtml(measured, withThroughput);
    expect(html).toContain("up to 2 at once · 2.00 req/s · 80.0 tok/s generated");
  });
});
