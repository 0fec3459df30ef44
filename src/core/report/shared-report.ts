/**
 * A bench report as a share link carries it: the summary the report shows (what the generalist
 * keeps of each specialist's score, the scores per suite with their intervals, the costs), without
 * the per-item answers, which only the exported file holds. Opening a link reads it back through
 * `parseSharedReport`, which checks every field: a link is input from anyone.
 */
import type { BenchRun } from "../runs/bench/types";
import type { BenchReport } from "./bench-report";
import { PolymathError } from "../errors";

export const SHARED_REPORT_FORMAT = "polymath-shared-bench-report";
export const SHARED_REPORT_VERSION = 1;

export interface SharedReport {
  format: typeof SHARED_REPORT_FORMAT;
  version: typeof SHARED_REPORT_VERSION;
  title: string;
  /** ISO time the run was made. */
  createdAt: string;
  status: string;
  /** The GPU it ran on, when known. */
  device?: string;
  appVersion: string;
  /** The models; `source` is how each was run ("imported": answers from a responses file). */
  models: { id: string; name: string; role: string; source?: string }[];
  /** Each suite as run: its item count, and the seeded sample when not the whole suite. */
  suites: { id: string; name: string; items: number; sample?: { n: number; seed: number } }[];
  comparisons: {
    generalist: string;
    specialist: string;
    domain: string;
    sentence: string;
    /** McNemar's p, where every score is pass/fail. */
    mcnemarP?: number;
  }[];
  systemsSentence: string;
  bySuite: {
    modelId: string;
    suite: string;
    n: number;
    score: number;
    low: number;
    high: number;
    method: string;
  }[];
  costs: { modelId: string; memoryMB: number; ttftMs?: number; decodeTokensPerS?: number }[];
  progress: { scored: number; planned: number };
}

/** The summary of `run`'s `report` a share link carries. */
export function toSharedReport(run: BenchRun, report: BenchReport): SharedReport {
  const gpu = run.provenance.device?.gpu;
  return {
    format: SHARED_REPORT_FORMAT,
    version: SHARED_REPORT_VERSION,
    title: run.title,
    createdAt: new Date(run.createdAt).toISOString(),
    status: run.status,
    ...(gpu ? { device: gpu } : {}),
    appVersion: run.provenance.app.version,
    models: run.config.models.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      source: m.source,
    })),
    suites: run.config.suites.map((s) => ({
      id: s.id,
      name: s.name,
      items: s.itemIds.length,
      ...(s.sample ? { sample: { n: s.sample.n, seed: s.sample.seed } } : {}),
    })),
    comparisons: report.comparisons.map((c) => ({
      generalist: c.generalist,
      specialist: c.specialist,
      domain: c.domain,
      sentence: c.sentence,
      ...(c.mcnemar ? { mcnemarP: c.mcnemar.p } : {}),
    })),
    systemsSentence: report.systemsSentence,
    bySuite: report.bySuite.map((c) => ({
      modelId: c.modelId,
      suite: c.key,
      n: c.n,
      score: c.score,
      low: c.interval.low,
      high: c.interval.high,
      method: c.method,
    })),
    costs: report.costs.map((c) => ({
      modelId: c.modelId,
      memoryMB: c.memoryMB,
      ...(c.ttftMs === undefined ? {} : { ttftMs: c.ttftMs }),
      ...(c.decodeTokensPerS === undefined ? {} : { decodeTokensPerS: c.decodeTokensPerS }),
    })),
    progress: { scored: report.progress.scored, planned: report.progress.planned },
  };
}

const MAX_TEXT = 2000;
const MAX_ROWS = 500;

const bad = (where: string) =>
  new PolymathError("malformed-input", `This shared report is not valid (${where}).`, {
    advice: "Ask for the link again, or for the report's exported JSON file.",
  });

type Obj = Record<string, unknown>;
const obj = (v: unknown, where: string): Obj => {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw bad(where);
  return v as Obj;
};
const text = (v: unknown, where: string): string => {
  if (typeof v !== "string" || v.length > MAX_TEXT) throw bad(where);
  return v;
};
const num = (v: unknown, where: string): number => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw bad(where);
  return v;
};
const optNum = (v: unknown, where: string): number | undefined =>
  v === undefined ? undefined : num(v, where);
const rows = <T>(v: unknown, where: string, row: (r: Obj, at: string) => T): T[] => {
  if (!Array.isArray(v) || v.length > MAX_ROWS) throw bad(where);
  return v.map((r, i) => row(obj(r, `${where}[${i}]`), `${where}[${i}]`));
};

/** True when `value` says it is a shared report (then `parseSharedReport` checks the rest). */
export function isSharedReport(value: unknown): boolean {
  return !!value && typeof value === "object" && (value as Obj).format === SHARED_REPORT_FORMAT;
}

/** The shared report in `value`, every field checked; a PolymathError naming the first bad one. */
export function parseSharedReport(value: unknown): SharedReport {
  const d = obj(value, "document");
  if (d.format !== SHARED_REPORT_FORMAT) throw bad("format");
  if (d.version !== SHARED_REPORT_VERSION) {
    throw new PolymathError("schema-too-new", "This shared report is from a newer Polymath.", {
      advice: "Open it with the current version of the app (reload to update).",
    });
  }
  const progress = obj(d.progress, "progress");
  const costs = rows(d.costs, "costs", (r, at) => {
    const ttftMs = optNum(r.ttftMs, `${at}.ttftMs`);
    const decode = optNum(r.decodeTokensPerS, `${at}.decodeTokensPerS`);
    return {
      modelId: text(r.modelId, `${at}.modelId`),
      memoryMB: num(r.memoryMB, `${at}.memoryMB`),
      ...(ttftMs === undefined ? {} : { ttftMs }),
      ...(decode === undefined ? {} : { decodeTokensPerS: decode }),
    };
  });
  return {
    format: SHARED_REPORT_FORMAT,
    version: SHARED_REPORT_VERSION,
    title: text(d.title, "title"),
    createdAt: text(d.createdAt, "createdAt"),
    status: text(d.status, "status"),
    ...(d.device === undefined ? {} : { device: text(d.device, "device") }),
    appVersion: text(d.appVersion, "appVersion"),
    models: rows(d.models, "models", (r, at) => ({
      id: text(r.id, `${at}.id`),
      name: text(r.name, `${at}.name`),
      role: text(r.role, `${at}.role`),
      ...(r.source === undefined ? {} : { source: text(r.source, `${at}.source`) }),
    })),
    suites: rows(d.suites, "suites", (r, at) => {
      const sample = r.sample === undefined ? undefined : obj(r.sample, `${at}.sample`);
      return {
        id: text(r.id, `${at}.id`),
        name: text(r.name, `${at}.name`),
        items: num(r.items, `${at}.items`),
        ...(sample
          ? {
              sample: {
                n: num(sample.n, `${at}.sample.n`),
                seed: num(sample.seed, `${at}.sample.seed`),
              },
            }
          : {}),
      };
    }),
    comparisons: rows(d.comparisons, "comparisons", (r, at) => {
      const p = optNum(r.mcnemarP, `${at}.mcnemarP`);
      return {
        generalist: text(r.generalist, `${at}.generalist`),
        specialist: text(r.specialist, `${at}.specialist`),
        domain: text(r.domain, `${at}.domain`),
        sentence: text(r.sentence, `${at}.sentence`),
        ...(p === undefined ? {} : { mcnemarP: p }),
      };
    }),
    systemsSentence: text(d.systemsSentence, "systemsSentence"),
    bySuite: rows(d.bySuite, "bySuite", (r, at) => ({
      modelId: text(r.modelId, `${at}.modelId`),
      suite: text(r.suite, `${at}.suite`),
      n: num(r.n, `${at}.n`),
      score: num(r.score, `${at}.score`),
      low: num(r.low, `${at}.low`),
      high: num(r.high, `${at}.high`),
      method: text(r.method, `${at}.method`),
    })),
    costs,
    progress: {
      scored: num(progress.scored, "progress.scored"),
      planned: num(progress.planned, "progress.planned"),
    },
  };
}
