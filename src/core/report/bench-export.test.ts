import { describe, expect, it } from "vitest";
import { DEFAULT_DOMAIN_PROMPTS } from "../routing/domain-prompts";
import type { BenchResult, BenchRun } from "../runs/bench/types";
import { reportToHtml, reportToJson, resultsToCsv } from "./bench-export";
import { buildBenchReport } from "./bench-report";

/** A fixture run whose model name and answer try to break out of the files they land in. */
const run: BenchRun = {
  id: "r",
  title: "<script>alert(1)</script> run",
  createdAt: 0,
  status: "done",
  loads: {},
  provenance: { app: { name: "polymath", version: "test" } },
  config: {
    suites: [{ id: "s", name: "Suite <b>", hash: "abc", itemIds: ["i1"], totalItems: 1 }],
    models: [
      {
        id: "g",
        name: '<img src="https://evil.example/x.png">',
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
    answer: '=HYPERLINK("https://evil.example")',
    finishReason: "stop",
    verdict: { itemId: "i1", pass: false, score: 0, reason: "=1+1 was not the answer" },
    at: 0,
  },
];
const report = buildBenchReport(run, results, { rounds: 50 });

describe("bench report exports", () => {
  it("HTML escapes every name and makes no request: no script, no remote source", () => {
    const html = reportToHtml(run, report);
    expect(html).not.toMatch(/<(script|img|iframe|link|object)\b/i);
    expect(html).not.toMatch(/\s(src|href)="/i);
    expect(html).toContain("&#60;script&#62;");
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it("CSV neutralizes formulas in reasons", () => {
    const csv = resultsToCsv(results);
    expect(csv.split("\r\n")[0]).toBe(
      "model,suite,item,domain,kind,pass,score,reason,finish,tokens,ttft_ms,decode_tok_s,route_label,route_confidence",
    );
    expect(csv).toContain(`"'=1+1 was not the answer"`);
  });

  it("JSON is versioned and carries the run, its templates and every result", () => {
    const doc = JSON.parse(reportToJson(run, results, report, new Date(0)));
    expect(doc).toMatchObject({ format: "polymath-bench-report", version: 1 });
    expect(doc.run.promptTemplates.math).toMatch(/####/);
    expect(doc.results).toHaveLength(1);
  });
});

describe("report charts", () => {
  it("escape every name they show", async () => {
    const { domainScoresSvg, scoreVsMemorySvg } = await import("./report-svg");
    const svg = domainScoresSvg(report, () => "<script>x</script>") + scoreVsMemorySvg(report);
    expect(svg).not.toMatch(/<script/);
    expect(svg).toContain("&#60;script&#62;");
    expect(svg).toMatch(/^<svg viewBox/);
  });

  it("carries the routing: the router's label per row, the routed team and the domain prompts", () => {
    const routed: BenchRun = {
      ...run,
      routing: {
        router: { dataHash: "abcd1234", threshold: 0.7, heldOutAccuracy: 0.9 },
        decisions: { "s|i1": { label: "math", confidence: 0.93, unsure: false, ms: 0.04 } },
        team: { mapping: {}, fallback: "g" },
        domainPrompts: { ...DEFAULT_DOMAIN_PROMPTS, math: { system: "<b>Check</b> the sums." } },
      },
    };
    const csv = resultsToCsv(results, routed.routing);
    expect(csv.split("\r\n")[1]).toMatch(/,math,0\.930$/);
    const r = buildBenchReport(routed, results, { rounds: 50 });
    const html = reportToHtml(routed, r);
    expect(html).toContain("Routed team");
    expect(html).toContain("<h2>Routing</h2>");
    expect(html).toContain("&#60;b&#62;Check&#60;/b&#62; the sums.");
    expect(html).not.toMatch(/<b>Check/);
    const doc = JSON.parse(reportToJson(routed, results, r, new Date(0)));
    expect(doc.run.routing.decisions["s|i1"].label).toBe("math");
    expect(doc.report.systems.map((s: { kind: string }) => s.kind)).toEqual([
      "generalist",
      "routed",
      "oracle",
    ]);
  });
});
