/**
 * A bench run's report: the product's answer to its own question. Scores per model and suite with
 * 95% intervals; per domain, how much of the best specialist's score the generalist keeps on the
 * same items (paired bootstrap interval for the ratio and the difference, McNemar for pass/fail);
 * the systems (systems.ts: the generalist alone, with routed domain prompts, the routed team, the
 * oracle team); and costs measured on this device. Pure: state and views render it.
 */
import type { Domain } from "../domains";
import { RUNTIME_TRAITS } from "../engine/runtime";
import type { Throughput } from "../runs/bench/throughput";
import type { BenchResult, BenchRun, BenchSource, LoadCost } from "../runs/bench/types";
import { quantile } from "./leaderboard";
import { buildSystems, systemsSentence, type SystemReport } from "./systems";
import {
  bootstrapMean,
  mcnemar,
  meanDifference,
  meanRatio,
  pairedBootstrap,
  wilson,
  type Interval,
  type McNemar,
} from "./stats";

/** Below this many shared items a ratio is not worth a sentence. */
export const MIN_ITEMS_TO_TELL = 20;

export interface ScoreCell {
  modelId: string;
  /** A suite id, or a domain for per-domain cells. */
  key: string;
  n: number;
  passed: number;
  /** Mean score 0..1 (pass rate when every score is 0 or 1). */
  score: number;
  /** Wilson for pass/fail, bootstrap where scores are partial. */
  interval: Interval;
  method: "wilson" | "bootstrap" | "none";
}

export interface DomainComparison {
  domain: Domain;
  generalist: string;
  specialist: string;
  /** Items both answered (scored). */
  n: number;
  generalistScore: number;
  specialistScore: number;
  /** The generalist's score as a share of the specialist's (1 = same). */
  ratio: Interval;
  /** Generalist minus specialist, in score points (0..1). */
  difference: Interval;
  /** Present when every score is pass/fail. */
  mcnemar?: McNemar;
  sentence: string;
}

export interface ModelCost {
  modelId: string;
  downloadBytes?: number;
  memoryMB: number;
  /** Served by a server elsewhere: its cost is "remote", not memory on this device. */
  remote?: true;
  /** For a remote model: the throughput its server gave the run. */
  throughput?: Throughput;
  load?: LoadCost;
  /** Medians over the run's answers. */
  ttftMs?: number;
  decodeTokensPerS?: number;
  prefillTokensPerS?: number;
}

export type { SystemReport } from "./systems";

export interface BenchReport {
  bySuite: ScoreCell[];
  byDomain: ScoreCell[];
  comparisons: DomainComparison[];
  systems: SystemReport[];
  /** Which system wins on quality, cost and latency, in one sentence ("" when fewer than two). */
  systemsSentence: string;
  costs: ModelCost[];
  /** Items answered / planned, and those waiting for a verdict. */
  progress: { answered: number; scored: number; planned: number };
}

export interface ReportOptions {
  rounds?: number;
  seed?: number;
}

/** The report of `run` from its stored `results`. */
export function buildBenchReport(
  run: BenchRun,
  results: readonly BenchResult[],
  options: ReportOptions = {},
): BenchReport {
  const boot = { rounds: options.rounds ?? 2000, seed: options.seed ?? 1 };
  const scored = results.filter((r) => r.verdict !== undefined);
  const models = run.config.models;
  const planned =
    models.length * run.config.suites.reduce((s, suite) => s + suite.itemIds.length, 0);
  const cells = (key: (r: BenchResult) => string) => {
    const groups = new Map<string, BenchResult[]>();
    for (const r of scored) {
      const k = `${r.modelId}\u0000${key(r)}`;
      const group = groups.get(k);
      if (group) group.push(r);
      else groups.set(k, [r]);
    }
    return [...groups].map(([k, rs]) => cell(k.split("\u0000")[0]!, key(rs[0]!), rs, boot));
  };
  const byDomain = cells((r) => r.domain);
  const systems = buildSystems(run, scored, boot);
  return {
    bySuite: cells((r) => r.suiteId),
    byDomain,
    comparisons: compareDomains(run, scored, boot),
    systems,
    systemsSentence: systemsSentence(systems),
    costs: models.map((m) => {
      const remote = servedElsewhere(m.source);
      const throughput = remote ? run.throughput?.[m.id] : undefined;
      return {
        ...cost(m.id, m.memoryMB, m.downloadBytes, run.loads[m.id], results),
        ...(remote ? { remote: true as const } : {}),
        ...(throughput ? { throughput } : {}),
      };
    }),
    progress: { answered: results.length, scored: scored.length, planned },
  };
}

const scoreOf = (r: BenchResult): number => r.verdict?.score ?? 0;
const isBinary = (rs: readonly BenchResult[]) =>
  rs.every((r) => scoreOf(r) === 0 || scoreOf(r) === 1);

function cell(
  modelId: string,
  key: string,
  rs: readonly BenchResult[],
  boot: ReportOptions,
): ScoreCell {
  const n = rs.length;
  const passed = rs.filter((r) => r.verdict?.pass).length;
  const scores = rs.map(scoreOf);
  const score = n === 0 ? NaN : scores.reduce((s, x) => s + x, 0) / n;
  if (n === 0) return { modelId, key, n, passed, score, interval: wilson(0, 0), method: "none" };
  if (isBinary(rs)) {
    const k = scores.filter((s) => s === 1).length;
    return { modelId, key, n, passed, score, interval: wilson(k, n), method: "wilson" };
  }
  return {
    modelId,
    key,
    n,
    passed,
    score,
    interval: bootstrapMean(scores, boot),
    method: "bootstrap",
  };
}

/** For each generalist and domain: against the specialist that scores best on the same items. */
function compareDomains(
  run: BenchRun,
  scored: readonly BenchResult[],
  boot: ReportOptions,
): DomainComparison[] {
  const byItem = new Map<string, Map<string, BenchResult>>();
  for (const r of scored) {
    const k = `${r.suiteId}\u0000${r.itemId}`;
    const m = byItem.get(k) ?? new Map<string, BenchResult>();
    m.set(r.modelId, r);
    byItem.set(k, m);
  }
  const name = (id: string) => run.config.models.find((m) => m.id === id)?.name ?? id;
  const generalists = run.config.models.filter((m) => m.role === "generalist");
  const specialists = run.config.models.filter((m) => m.role === "specialist");
  const domains = [...new Set(scored.map((r) => r.domain))].sort();
  const out: DomainComparison[] = [];
  for (const g of generalists) {
    for (const domain of domains) {
      let best: { id: string; pairs: [BenchResult, BenchResult][]; score: number } | null = null;
      for (const s of specialists) {
        const pairs: [BenchResult, BenchResult][] = [];
        for (const m of byItem.values()) {
          const a = m.get(g.id);
          const b = m.get(s.id);
          if (a && b && a.domain === domain) pairs.push([a, b]);
        }
        if (pairs.length === 0) continue;
        const score = pairs.reduce((x, [, b]) => x + scoreOf(b), 0) / pairs.length;
        if (!best || score > best.score) best = { id: s.id, pairs, score };
      }
      if (!best) continue;
      const numeric = best.pairs.map(([a, b]) => [scoreOf(a), scoreOf(b)] as const);
      const binary = isBinary(best.pairs.flat());
      const ratio = pairedBootstrap(numeric, meanRatio, boot);
      const difference = pairedBootstrap(numeric, meanDifference, boot);
      const comparison: DomainComparison = {
        domain,
        generalist: g.id,
        specialist: best.id,
        n: numeric.length,
        generalistScore: numeric.reduce((s, [a]) => s + a, 0) / numeric.length,
        specialistScore: best.score,
        ratio,
        difference,
        ...(binary
          ? { mcnemar: mcnemar(best.pairs.map(([a, b]) => [!!a.verdict?.pass, !!b.verdict?.pass])) }
          : {}),
        sentence: "",
      };
      comparison.sentence = sentence(comparison, name);
      out.push(comparison);
    }
  }
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "keeps 91% (84–97%) of Qwen2.5-Coder's code score on 164 items", or why it cannot say. */
export function sentence(c: DomainComparison, name: (id: string) => string): string {
  if (c.n < MIN_ITEMS_TO_TELL) return `too few items to tell (n = ${c.n})`;
  if (c.specialistScore === 0) {
    return `${name(c.specialist)} scored 0 on these ${c.n} ${c.domain} items: no share to give`;
  }
  const bounds = Number.isFinite(c.ratio.low) ? ` (${pct(c.ratio.low)}–${pct(c.ratio.high)})` : "";
  return `keeps ${pct(c.ratio.value)}${bounds} of ${name(c.specialist)}'s ${c.domain} score on ${c.n} items`;
}

/** A live runtime that needs no memory here: the model runs on a server. */
function servedElsewhere(source: BenchSource): boolean {
  if (source === "imported") return false;
  const traits = RUNTIME_TRAITS[source];
  return !traits.usesDeviceMemory && !traits.replayed;
}

function cost(
  modelId: string,
  memoryMB: number,
  downloadBytes: number | undefined,
  load: LoadCost | undefined,
  results: readonly BenchResult[],
): ModelCost {
  const usages = results.filter((r) => r.modelId === modelId && r.usage).map((r) => r.usage!);
  const median = (xs: number[]) => {
    const v = xs.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
    return v.length === 0 ? undefined : quantile(v, 0.5);
  };
  const ttftMs = median(usages.map((u) => u.ttftMs));
  const decodeTokensPerS = median(usages.map((u) => u.decodeTokensPerS));
  const prefillTokensPerS = median(usages.map((u) => u.prefillTokensPerS));
  return {
    modelId,
    memoryMB,
    ...(downloadBytes === undefined ? {} : { downloadBytes }),
    ...(load ? { load } : {}),
    ...(ttftMs === undefined ? {} : { ttftMs }),
    ...(decodeTokensPerS === undefined ? {} : { decodeTokensPerS }),
    ...(prefillTokensPerS === undefined ? {} : { prefillTokensPerS }),
  };
}
