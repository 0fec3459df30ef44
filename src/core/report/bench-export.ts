/**
 * A bench report as files: JSON (`"format": "polymath-bench-report"`, version 1, documented in
 * docs/bench-report-format.md), CSV (one row per answered item, formula-safe), and a self-contained
 * HTML page (inline styles and SVG, no script, a CSP that forbids every request), so a report
 * opens offline anywhere and shows exactly what was measured.
 */
import { ROUTE_LABELS } from "../routing/labels";
import { itemKey, type BenchResult, type BenchRouting, type BenchRun } from "../runs/bench/types";
import { PROMPT_TEMPLATES } from "../runs/bench/templates";
import { throughputWords } from "../runs/bench/throughput";
import type { BenchReport } from "./bench-report";
import { toCsv } from "./csv";
import { loadLabel } from "./load-label";
import { domainScoresSvg, escapeXml, scoreVsMemorySvg } from "./report-svg";

export const BENCH_REPORT_FORMAT = "polymath-bench-report";
export const BENCH_REPORT_VERSION = 1;

export function reportToJson(
  run: BenchRun,
  results: readonly BenchResult[],
  report: BenchReport,
  exportedAt = new Date(),
): string {
  return JSON.stringify(
    {
      format: BENCH_REPORT_FORMAT,
      version: BENCH_REPORT_VERSION,
      exportedAt: exportedAt.toISOString(),
      run: {
        id: run.id,
        title: run.title,
        createdAt: new Date(run.createdAt).toISOString(),
        status: run.status,
        config: run.config,
        loads: run.loads,
        provenance: run.provenance,
        promptTemplates: PROMPT_TEMPLATES,
        ...(run.routing ? { routing: run.routing } : {}),
      },
      report,
      results,
    },
    null,
    2,
  );
}

/** One row per answer; with `routing`, the router's label and confidence for the item. */
export function resultsToCsv(results: readonly BenchResult[], routing?: BenchRouting): string {
  const rows = [...results]
    .sort(
      (a, b) =>
        a.modelId.localeCompare(b.modelId) ||
        a.suiteId.localeCompare(b.suiteId) ||
        a.itemId.localeCompare(b.itemId),
    )
    .map((r) => [
      r.modelId,
      r.suiteId,
      r.itemId,
      r.domain,
      r.kind,
      r.verdict ? r.verdict.pass : "",
      r.verdict ? r.verdict.score : "",
      r.verdict?.reason ?? r.error?.message ?? "",
      r.finishReason,
      r.usage?.completionTokens,
      r.usage ? Math.round(r.usage.ttftMs) : undefined,
      r.usage ? Number(r.usage.decodeTokensPerS.toFixed(1)) : undefined,
      routing?.decisions[itemKey(r.suiteId, r.itemId)]?.label,
      routing ? routing.decisions[itemKey(r.suiteId, r.itemId)]?.confidence.toFixed(3) : undefined,
    ]);
  return toCsv(
    [
      "model",
      "suite",
      "item",
      "domain",
      "kind",
      "pass",
      "score",
      "reason",
      "finish",
      "tokens",
      "ttft_ms",
      "decode_tok_s",
      "route_label",
      "route_confidence",
    ],
    rows,
  );
}

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : "–");
const e = escapeXml;

/** The report as one HTML file that makes no request and runs no script. */
export function reportToHtml(run: BenchRun, report: BenchReport): string {
  const name = (id: string) => run.config.models.find((m) => m.id === id)?.name ?? id;
  const rows = (cells: string[][]) =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`).join("");
  const head = (names: string[]) => `<tr>${names.map((n) => `<th>${e(n)}</th>`).join("")}</tr>`;
  const suite = (id: string) => run.config.suites.find((s) => s.id === id)?.name ?? id;
  const p = run.provenance;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(run.title)} · Polymath bench report</title>
<style>
:root{color-scheme:light dark;--border:#8884}
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border-bottom:1px solid var(--border);padding:.3rem .5rem;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}svg{max-width:42rem;display:block}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
.sentence{font-size:1.05rem}
</style></head><body>
<h1>${e(run.title)}</h1>
<p>Bench report exported from Polymath ${e(p.app.version)}; run started ${e(new Date(run.createdAt).toISOString())}; ${report.progress.scored} of ${report.progress.planned} items scored.</p>
<h2>Generalist vs specialists</h2>
${report.comparisons.map((c) => `<p class="sentence"><strong>${e(name(c.generalist))}</strong> ${e(c.sentence)}${c.mcnemar ? ` (McNemar p = ${e(c.mcnemar.p.toPrecision(2))})` : ""}.</p>`).join("") || "<p>No generalist and specialist answered the same items.</p>"}
<div class="scroll"><table>${head(["Domain", "Generalist", "Specialist", "n", "Generalist score", "Specialist score", "Share kept (95%)", "Difference (95%)"])}${rows(
    report.comparisons.map((c) => [
      c.domain,
      name(c.generalist),
      name(c.specialist),
      String(c.n),
      pct(c.generalistScore),
      pct(c.specialistScore),
      `${pct(c.ratio.value)} (${pct(c.ratio.low)}–${pct(c.ratio.high)})`,
      `${Math.round(c.difference.value * 100)} pts (${Math.round(c.difference.low * 100)}–${Math.round(c.difference.high * 100)})`,
    ]),
  )}</table></div>
${domainScoresSvg(report, name)}
<h2>Systems</h2>
${report.systemsSentence ? `<p class="sentence">${e(report.systemsSentence)}</p>` : ""}
<div class="scroll"><table>${head(["System", "Overall (95%)", "n", "Per domain", "Routing accuracy", "Routing time (mean / p99)", "Memory (all loaded / peak)", "Download", "Switches", "Switch time", "Gap to oracle"])}${rows(
    report.systems.map((s) => [
      s.name,
      `${pct(s.overall)} (${pct(s.interval.low)}–${pct(s.interval.high)})`,
      String(s.n),
      s.domains.map((d) => `${d.domain}: ${name(d.modelId)} ${pct(d.score)}`).join("; "),
      s.routing ? `${pct(s.routing.accuracy)} of ${s.routing.n}; ${s.routing.unsure} unsure` : "–",
      s.routing ? `${s.routing.meanMs.toFixed(3)} / ${s.routing.p99Ms.toFixed(3)} ms` : "–",
      `${(s.memoryMB / 1024).toFixed(2)} / ${(s.peakMB / 1024).toFixed(2)} GB`,
      `${(s.downloadBytes / 1e9).toFixed(2)} GB`,
      String(s.switches),
      s.switchMs === undefined ? "unknown" : `${(s.switchMs / 1000).toFixed(1)} s`,
      s.gapToOracle === undefined ? "–" : `${Math.round(s.gapToOracle * 100)} pts`,
    ]),
  )}</table></div>
${scoreVsMemorySvg(report)}
<h2>Scores per suite</h2>
<div class="scroll"><table>${head(["Model", "Suite", "n", "Passed", "Score (95%)", "Interval"])}${rows(
    report.bySuite.map((c) => [
      name(c.modelId),
      suite(c.key),
      String(c.n),
      String(c.passed),
      `${pct(c.score)} (${pct(c.interval.low)}–${pct(c.interval.high)})`,
      c.method,
    ]),
  )}</table></div>
<h2>Costs on this device</h2>
<div class="scroll"><table>${head(["Model", "Download", "Memory", "Load", "TTFT (median)", "Decode (median)", "Throughput"])}${rows(
    report.costs.map((c) => [
      name(c.modelId),
      c.downloadBytes === undefined ? "unknown" : `${(c.downloadBytes / 1e9).toFixed(2)} GB`,
      c.remote ? "remote" : `${(c.memoryMB / 1024).toFixed(2)} GB`,
      c.load ? loadLabel(c.load) : "–",
      c.ttftMs === undefined ? "–" : `${Math.round(c.ttftMs)} ms`,
      c.decodeTokensPerS === undefined ? "–" : `${c.decodeTokensPerS.toFixed(1)} tok/s`,
      c.throughput ? throughputWords(c.throughput) : "–",
    ]),
  )}</table></div>
<h2>Provenance</h2>
<div class="scroll"><table>${head(["Model", "Role", "Source", "Quantization"])}${rows(
    run.config.models.map((m) => [m.name, m.role, m.source, m.quantization ?? "–"]),
  )}</table>
<table>${head(["Suite", "Items run", "Items in suite", "Content hash"])}${rows(
    run.config.suites.map((s) => [s.name, String(s.itemIds.length), String(s.totalItems), s.hash]),
  )}</table></div>
<p>Sampling: ${e(JSON.stringify(run.config.params))}; limits: ${e(JSON.stringify(run.config.maxTokens))}; item time limit ${run.config.itemTimeoutMs / 1000} s.${p.device ? ` Device: ${e(JSON.stringify(p.device))}.` : ""}${p.webllmVersion ? ` web-llm ${e(p.webllmVersion)}.` : ""}</p>
${run.routing ? routingHtml(run.routing, name) : ""}
<h2>Prompt templates</h2>
${Object.entries(PROMPT_TEMPLATES)
  .map(([kind, t]) => `<h3>${e(kind)}</h3><pre>${e(t)}</pre>`)
  .join("")}
</body></html>
`;
}

function routingHtml(r: BenchRouting, name: (id: string) => string): string {
  const labels = ROUTE_LABELS.map((l) => {
    const p = r.domainPrompts[l];
    return `<tr><td>${e(l)}</td><td>${e(r.team.mapping[l] ? name(r.team.mapping[l]) : `${name(r.team.fallback)} (fallback)`)}</td><td><pre>${e(p.system)}</pre>${p.example ? `<pre>${e(`Example: ${p.example.user}\n→ ${p.example.assistant}`)}</pre>` : ""}</td></tr>`;
  }).join("");
  return `<h2>Routing</h2>
<p>Router trained on Polymath's labelled prompts (data ${e(r.router.dataHash)}), ${pct(r.router.heldOutAccuracy)} on its held-out prompts; below ${r.router.threshold} confidence a prompt goes to ${e(name(r.team.fallback))}. Each item's own prompt was routed once, on this device.</p>
<div class="scroll"><table><tr><th>Label</th><th>Routed team member</th><th>Domain prompt (prompt-specialized generalist)</th></tr>${labels}</table></div>`;
}
