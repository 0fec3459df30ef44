/** Scored results as files a person keeps: JSON (everything) and CSV (per item, per model). */
import type { ScoreReport, SelfTestReport } from "../scoring/protocol";
import { toCsv } from "./csv";
import { verdictRows } from "./verdict-rows";

export interface ResultsMeta {
  /** The responses file scored. */
  fileName: string;
  /** ISO time the scoring finished. */
  scoredAt: string;
  durationMs: number;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The whole report with what was scored, when, and how long it took, as pretty JSON. */
export function resultsJson(report: ScoreReport, meta: ResultsMeta): string {
  const doc = {
    polymath_results: 1,
    suite: { id: report.suiteId, name: report.suiteName },
    responses: { file: meta.fileName, lines: report.lines, scored: report.scored },
    scoredAt: meta.scoredAt,
    durationMs: Math.round(meta.durationMs),
    models: report.models.map((m) => ({
      model: m.model,
      score: round(m.score),
      passed: m.passed,
      answered: m.answered,
      items: m.items,
      missing: m.missing,
      ...(m.instruction ? { ifeval: m.instruction } : {}),
      verdicts: m.verdicts,
    })),
    unmatched: report.unmatched,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

/** One row per scored answer. */
export function verdictsCsv(report: ScoreReport): string {
  const rows = verdictRows(report, { model: "", failuresOnly: false });
  return toCsv(
    ["model", "item_id", "pass", "score", "reason", "extracted"],
    rows.map((r) => [r.model, r.itemId, r.pass, round(r.score), r.reason, r.extracted]),
  );
}

/** One row per model: totals, and IFEval's four accuracies where the suite has them. */
export function modelsCsv(report: ScoreReport): string {
  return toCsv(
    [
      "model",
      "score",
      "passed",
      "answered",
      "items",
      "missing",
      "prompt_strict",
      "inst_strict",
      "prompt_loose",
      "inst_loose",
    ],
    report.models.map((m) => {
      const i = m.instruction;
      return [
        m.model,
        round(m.score),
        m.passed,
        m.answered,
        m.items,
        m.missing.length,
        i ? round(i.promptStrict) : "",
        i ? round(i.instStrict) : "",
        i ? round(i.promptLoose) : "",
        i ? round(i.instLoose) : "",
      ];
    }),
  );
}

const pct = (n: number, d: number) =>
  d === 0 ? "–" : `${((100 * n) / d).toFixed(n === d ? 0 : 1)}%`;

/** "references passed 29/29 (100%), wrong solutions failed 29/29 (100%)". */
export function describeSelfTest(report: SelfTestReport): string {
  const { references: r, wrongs: w } = report;
  const parts: string[] = [];
  if (r.total > 0)
    parts.push(`references passed ${r.passed}/${r.total} (${pct(r.passed, r.total)})`);
  if (w.total > 0)
    parts.push(`wrong solutions failed ${w.failed}/${w.total} (${pct(w.failed, w.total)})`);
  return parts.length === 0 ? "this suite has no reference solutions" : parts.join(", ");
}

/** A file name for results or an exported suite: lowercase words joined by dashes. */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/\.(jsonl|json|csv)(\.gz)?$/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return stem || "suite";
}

/** Epoch ms as an ISO 8601 time ("2025-01-01T00:00:00.000Z"). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
