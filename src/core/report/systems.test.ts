import { describe, expect, it } from "vitest";
import type { Domain } from "../domains";
import { DEFAULT_DOMAIN_PROMPTS } from "../routing/domain-prompts";
import {
  itemKey,
  type BenchModelRef,
  type BenchResult,
  type BenchRun,
  type RecordedRoute,
} from "../runs/bench/types";
import { buildBenchReport } from "./bench-report";

/** Hand-made verdicts (fixtures, not model output): model `id` passes item i when pass(i). */
function results(modelId: string, domain: Domain, pass: (i: number) => boolean): BenchResult[] {
  return Array.from({ length: 40 }, (_, i) => ({
    runId: "r",
    modelId,
    suiteId: "s",
    itemId: `${domain}-${String(i).padStart(2, "0")}`,
    domain,
    kind: domain === "code" ? "code" : "math",
    answer: "",
    finishReason: "stop",
    verdict: { itemId: `${domain}-${i}`, pass: pass(i), score: pass(i) ? 1 : 0, reason: "fixture" },
    at: 0,
  }));
}
const ref = (
  id: string,
  role: string,
  memoryMB: number,
  domains: string[] = [],
): BenchModelRef => ({
  id,
  name: id.toUpperCase(),
  role,
  domains,
  source: "replay",
  memoryMB,
  downloadBytes: memoryMB * 1e6,
});
const route = (label: RecordedRoute["label"], unsure = false): RecordedRoute => ({
  label,
  confidence: unsure ? 0.4 : 0.9,
  unsure,
  ms: 0.05,
});

function run(models: BenchModelRef[], specialistForMath: string): BenchRun {
  const decisions: Record<string, RecordedRoute> = {};
  for (let i = 0; i < 40; i++) {
    const n = String(i).padStart(2, "0");
    decisions[itemKey("s", `code-${n}`)] = i < 36 ? route("code") : route("math", true);
    decisions[itemKey("s", `math-${n}`)] =
      i < 30 ? route("math") : i < 35 ? route("code") : route("math", true);
  }
  return {
    id: "r",
    title: "t",
    createdAt: 0,
    status: "done",
    loads: { g: { loadMs: 100, cold: false }, c: { loadMs: 300, cold: false } },
    provenance: { app: { name: "polymath", version: "test" } },
    routing: {
      router: { dataHash: "x", threshold: 0.7, heldOutAccuracy: 0.9 },
      decisions,
      team: { mapping: { code: "c", math: specialistForMath }, fallback: "g" },
      domainPrompts: { ...DEFAULT_DOMAIN_PROMPTS },
    },
    config: {
      suites: [{ id: "s", name: "s", hash: "h", itemIds: [], totalItems: 80 }],
      models,
      params: {},
      maxTokens: { code: 1, math: 1, choice: 1, instruction: 1, checks: 1 },
      itemTimeoutMs: 1,
    },
  };
}

describe("the report's systems", () => {
  //            code      math
  //   G        i < 30    i < 20
  //   G+prompt i < 33    i < 25
  //   C        i < 36    i < 10
  //   M        i < 5     i < 32
  // Router: code items 0-35 "code"; 36-39 unsure. Math items 0-29 "math", 30-34 "code" (wrong),
  // 35-39 unsure.
  const prompted = { ...ref("prompted:g", "generalist", 1000), prompted: { baseId: "g" } };
  const r = run(
    [
      ref("g", "generalist", 1000),
      prompted,
      ref("c", "specialist", 900, ["code"]),
      ref("m", "specialist", 950, ["math"]),
    ],
    "m",
  );
  const all = [
    ...results("g", "code", (i) => i < 30),
    ...results("g", "math", (i) => i < 20),
    ...results("prompted:g", "code", (i) => i < 33),
    ...results("prompted:g", "math", (i) => i < 25),
    ...results("c", "code", (i) => i < 36),
    ...results("c", "math", (i) => i < 10),
    ...results("m", "code", (i) => i < 5),
    ...results("m", "math", (i) => i < 32),
  ];
  const report = buildBenchReport(r, all, { rounds: 300 });
  const kinds = report.systems.map((s) => s.kind);

  it("lists the generalist, the prompted generalist, the routed team and the oracle, in that order", () => {
    expect(kinds).toEqual(["generalist", "prompted", "routed", "oracle"]);
  });

  it("scores the routed team on the member the router chose for each item", () => {
    const team = report.systems.find((s) => s.kind === "routed")!;
    // Code: 0-35 to C (36 pass), 36-39 unsure to G (0 pass). Math: 0-29 to M (30 pass), 30-34
    // wrongly to C (0 pass), 35-39 unsure to G (0 pass).
    expect(team.domains).toEqual([
      { domain: "code", modelId: "c", score: 36 / 40, n: 40 },
      { domain: "math", modelId: "m", score: 30 / 40, n: 40 },
    ]);
    expect(team.overall).toBeCloseTo(66 / 80, 12);
    expect(team.interval.low).toBeLessThan(team.overall);
    expect(team.interval.high).toBeGreaterThan(team.overall);
    expect(team.members.sort()).toEqual(["c", "g", "m"]);
    expect(team.memoryMB).toBe(2850);
    expect(team.peakMB).toBe(1000);
    // Interleaved code, math, …: (C M) ×30, (C C) ×5, C G, (G G) ×4 → 59 + 1 + 1 switches.
    expect(team.switches).toBe(61);
    expect(team.routing).toMatchObject({ n: 80, unsure: 9, noSpecialist: 0 });
    // Right: 36 code, 30 + 5 (unsure but labelled math) math.
    expect(team.routing!.accuracy).toBeCloseTo(71 / 80, 12);
    expect(team.routing!.totalMs).toBeCloseTo(80 * 0.05, 9);
    // The oracle sends code to C (36) and math to M (32): 68 of 80.
    expect(team.gapToOracle).toBeCloseTo(66 / 80 - 68 / 80, 12);
  });

  it("the prompted generalist costs the generalist's memory and download, and routes", () => {
    const p = report.systems.find((s) => s.kind === "prompted")!;
    expect(p.overall).toBeCloseTo(58 / 80, 12);
    expect(p).toMatchObject({ members: ["prompted:g"], memoryMB: 1000, switches: 0, switchMs: 0 });
    expect(p.downloadBytes).toBe(1000e6);
    expect(p.routing?.unsure).toBe(9);
    // It is a generalist for the comparisons too.
    expect(report.comparisons.some((c) => c.generalist === "prompted:g")).toBe(true);
  });

  it("says in one sentence which system wins on quality, cost and latency", () => {
    expect(report.systemsSentence).toMatch(
      /^On quality Routed team \(router → specialist, generalist as fallback\) wins \(83%, 95% \d+%–\d+%\); on cost G alone and G with routed domain prompts \(0\.98 GB loaded, 1\.00 GB download\); /,
    );
    // These fixtures carry no answer times: only switches and routing compare.
    expect(report.systemsSentence).toMatch(
      /on latency G alone \(0 model switches, no routing; answer or switch times not measured for every system\)\.$/,
    );
  });

  describe("latency from measured answer times", () => {
    // Hand-made answer times (fixtures, not measurements): every answer of model id takes ms(id).
    const timed = (ms: (modelId: string) => number): BenchResult[] =>
      all.map((x) => ({
        ...x,
        usage: {
          promptTokens: 10,
          completionTokens: 10,
          ttftMs: 1,
          prefillTokensPerS: 1,
          decodeTokensPerS: 1,
          totalMs: ms(x.modelId),
        },
      }));
    const withLoads = { ...r, loads: { ...r.loads, m: { loadMs: 200, cold: false } } };
    const latencyOf = (rs: BenchResult[]) => {
      const rep = buildBenchReport(withLoads, rs, { rounds: 100 });
      const by = (kind: string) => rep.systems.find((s) => s.kind === kind)!;
      return { rep, by, sentence: rep.systemsSentence.split("; on latency ")[1] };
    };

    it("the team wins when its specialists answer fast enough to pay for switches and routing", () => {
      const { by, sentence } = latencyOf(
        timed((id) => (id === "g" || id === "prompted:g" ? 2000 : 500)),
      );
      const team = by("routed");
      // 9 unsure answers from G (2000 ms), 71 from C or M (500 ms).
      expect(team.answerMs).toBeCloseTo((9 * 2000 + 71 * 500) / 80, 9);
      // 61 switches at the members' mean warm load, (100 + 300 + 200) / 3 ms, and 80 × 0.05 ms
      // routing, spread over 80 answers.
      expect(team.switchMs).toBeCloseTo(61 * 200, 9);
      expect(team.latencyMs).toBeCloseTo(team.answerMs! + (61 * 200 + 80 * 0.05) / 80, 9);
      expect(by("generalist").latencyMs).toBe(2000);
      expect(sentence).toMatch(
        /^Routed team .* \(0\.82 s per answer: 0\.67 s answering, 61 model switches, 4\.0 ms routing\)\.$/,
      );
    });

    it("the generalist alone wins when every model answers equally fast: the team pays switches", () => {
      const { by, sentence } = latencyOf(timed(() => 1000));
      expect(by("generalist").latencyMs).toBe(1000);
      expect(by("prompted").latencyMs).toBeCloseTo(1000 + 0.05, 9);
      expect(by("routed").latencyMs).toBeCloseTo(1000 + (61 * 200 + 4) / 80, 9);
      expect(sentence).toBe(
        "G alone (1.00 s per answer: 1.00 s answering, 0 model switches, no routing).",
      );
    });

    it("the prompted generalist wins when its domain prompts make it answer faster", () => {
      const { sentence } = latencyOf(timed((id) => (id === "prompted:g" ? 900 : 1000)));
      expect(sentence).toBe(
        "G with routed domain prompts (0.90 s per answer: 0.90 s answering, 0 model switches, 4.0 ms routing).",
      );
    });
  });

  it("the learned team keeps a specialist only where it beat the generalist here", () => {
    // A math specialist worse than the generalist (15 vs 20 of 40): the learned team drops it.
    const weak = run(
      [
        ref("g", "generalist", 1000),
        ref("c", "specialist", 900, ["code"]),
        ref("w", "specialist", 950, ["math"]),
      ],
      "w",
    );
    const rs = [
      ...results("g", "code", (i) => i < 30),
      ...results("g", "math", (i) => i < 20),
      ...results("c", "code", (i) => i < 36),
      ...results("c", "math", (i) => i < 10),
      ...results("w", "code", () => false),
      ...results("w", "math", (i) => i < 15),
    ];
    const systems = buildBenchReport(weak, rs, { rounds: 300 }).systems;
    expect(systems.map((s) => s.kind)).toEqual(["generalist", "routed", "learned", "oracle"]);
    const learned = systems.find((s) => s.kind === "learned")!;
    expect(learned.members.sort()).toEqual(["c", "g"]);
    // Math 0-29 now to G (20 pass), 30-34 still to C (0), 35-39 to G (0): 20; code as before 36.
    expect(learned.overall).toBeCloseTo(56 / 80, 12);
  });

  it("has no routed team without routing, and no prompted system without a prompted model", () => {
    const { routing: _, ...plain } = r;
    const systems = buildBenchReport(
      {
        ...plain,
        config: { ...plain.config, models: plain.config.models.filter((m) => !m.prompted) },
      },
      all.filter((x) => x.modelId !== "prompted:g"),
      { rounds: 100 },
    ).systems;
    expect(systems.map((s) => s.kind)).toEqual(["generalist", "oracle"]);
  });
});
