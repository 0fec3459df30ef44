/**
 * The report's systems, each a rule that picks which model answers every item: a generalist
 * alone; the prompt-specialized generalist (its answers with the routed domain prompt); the routed
 * team (per item the router's choice among the run's models: the label's specialist, or the
 * fallback generalist when the router is unsure or no specialist covers the label); the learned
 * team (a specialist only where it beat the generalist on this run's measured per-domain scores);
 * and the oracle team (each domain to its best model: the upper bound of any router by domain).
 * The team's answers are its members' own answers in this run: decoding is greedy, so the team
 * would have got the same text. Costs: memory to keep every member loaded, download, the model
 * switches a mixed workload of this run's items causes with one model loaded at a time, their
 * time at the members' measured warm loads, and the router's own time per decision.
 */
import type { Domain } from "../domains";
import { chooseMember, type TeamConfig } from "../routing/team";
import { itemKey, type BenchResult, type BenchRun, type RecordedRoute } from "../runs/bench/types";
import { quantile } from "./leaderboard";
import { bootstrapMean, wilson, type Interval } from "./stats";

export type SystemKind = "generalist" | "prompted" | "routed" | "learned" | "oracle";

export interface RoutingOverhead {
  /** Items the router decided on, and the share whose label is the item's domain. */
  n: number;
  accuracy: number;
  /** Items sent to the fallback because the router was unsure / no specialist had the label. */
  unsure: number;
  noSpecialist: number;
  meanMs: number;
  p99Ms: number;
  totalMs: number;
}

export interface SystemReport {
  name: string;
  kind: SystemKind;
  /** Per domain: the model answering most of its items, the score there and the items. */
  domains: { domain: Domain; modelId: string; score: number; n: number }[];
  /** Item-weighted over the domains. */
  overall: number;
  /** 95% interval of `overall` (Wilson for pass/fail, bootstrap for partial scores). */
  interval: Interval;
  n: number;
  members: string[];
  downloadBytes: number;
  /** Memory to keep every member loaded at once, MB. */
  memoryMB: number;
  /** The most memory held at once with one member loaded at a time, MB. */
  peakMB: number;
  /** Model switches a mixed workload of this run's items causes (0 for one model). */
  switches: number;
  /** Time those switches cost at the members' measured warm load times, ms (undefined: unknown). */
  switchMs?: number;
  /** Mean measured time per answer (`usage.totalMs`) over the answers that have one, ms. */
  answerMs?: number;
  /**
   * Mean time per answer on the mixed workload: the measured answer time plus this system's
   * routing and switch time spread over its answers, ms (undefined: an answer or switch time is
   * unknown).
   */
  latencyMs?: number;
  /** The router's accuracy on the items and its time, for systems that route. */
  routing?: RoutingOverhead;
  /** Overall score minus the oracle team's, points 0..1 (for teams). */
  gapToOracle?: number;
}

interface Item {
  key: string;
  domain: Domain;
  byModel: Map<string, BenchResult>;
}

const scoreOf = (r: BenchResult): number => r.verdict?.score ?? 0;

/** Every system this run can tell about, from its scored results. */
export function buildSystems(
  run: BenchRun,
  scored: readonly BenchResult[],
  options: { rounds?: number; seed?: number } = {},
): SystemReport[] {
  const models = run.config.models;
  const items = itemsOf(scored);
  const workload = interleave(items);
  const engineOf = (id: string) => models.find((m) => m.id === id)?.prompted?.baseId ?? id;
  const system = (
    name: string,
    kind: SystemKind,
    pick: (item: Item) => string | undefined,
    routing?: RoutingOverhead,
  ): SystemReport => {
    const chosen = workload.flatMap((item) => {
      const id = pick(item);
      const r = id === undefined ? undefined : item.byModel.get(id);
      return r ? [{ item, id: id!, r }] : [];
    });
    const domains = [...new Set(chosen.map((c) => c.item.domain))].sort().map((domain) => {
      const here = chosen.filter((c) => c.item.domain === domain);
      const counts = new Map<string, number>();
      for (const c of here) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      return {
        domain,
        modelId: top,
        score: here.reduce((s, c) => s + scoreOf(c.r), 0) / here.length,
        n: here.length,
      };
    });
    const members = [...new Set(chosen.map((c) => c.id))];
    const engines = [...new Set(members.map(engineOf))];
    const refs = engines.map((id) => models.find((m) => m.id === id));
    let switches = 0;
    for (let i = 1; i < chosen.length; i++) {
      if (engineOf(chosen[i]!.id) !== engineOf(chosen[i - 1]!.id)) switches++;
    }
    // One model's own warm load time; a load shared with other models does not tell it.
    const warm = engines.map((id) => run.loads[id]).filter((l) => l && !l.cold && !l.with?.length);
    const switchMs =
      switches === 0
        ? 0
        : warm.length === engines.length && warm.length > 0
          ? switches * (warm.reduce((s, l) => s + (l?.loadMs ?? 0), 0) / warm.length)
          : undefined;
    const scores = chosen.map((c) => scoreOf(c.r));
    const n = scores.length;
    const timed = chosen.flatMap((c) => (c.r.usage ? [c.r.usage.totalMs] : []));
    const answerMs =
      timed.length === 0 ? undefined : timed.reduce((s, x) => s + x, 0) / timed.length;
    const latencyMs =
      answerMs === undefined || switchMs === undefined || n === 0
        ? undefined
        : answerMs + (switchMs + (routing?.totalMs ?? 0)) / n;
    const binary = scores.every((s) => s === 0 || s === 1);
    const interval = binary
      ? wilson(scores.filter((s) => s === 1).length, n)
      : bootstrapMean(scores, options);
    return {
      name,
      kind,
      domains,
      overall: n === 0 ? NaN : scores.reduce((s, x) => s + x, 0) / n,
      interval,
      n,
      members,
      downloadBytes: refs.reduce((s, m) => s + (m?.downloadBytes ?? 0), 0),
      memoryMB: refs.reduce((s, m) => s + (m?.memoryMB ?? 0), 0),
      peakMB: Math.max(0, ...refs.map((m) => m?.memoryMB ?? 0)),
      switches,
      ...(switchMs === undefined ? {} : { switchMs }),
      ...(answerMs === undefined ? {} : { answerMs }),
      ...(latencyMs === undefined ? {} : { latencyMs }),
      ...(routing ? { routing } : {}),
    };
  };

  const out: SystemReport[] = [];
  const generalists = models.filter((m) => m.role === "generalist" && !m.prompted);
  for (const g of generalists) out.push(system(`${g.name} alone`, "generalist", () => g.id));
  const routing = run.routing;
  for (const p of models.filter((m) => m.prompted)) {
    const overhead = routing
      ? overheadOf(workload, (item) => routing.decisions[item.key])
      : undefined;
    const base = models.find((m) => m.id === p.prompted?.baseId)?.name ?? p.name;
    out.push(system(`${base} with routed domain prompts`, "prompted", () => p.id, overhead));
  }
  if (routing && items.length > 0) {
    const decision = (item: Item) => routing.decisions[item.key];
    const team = (config: TeamConfig) => (item: Item) => {
      const d = decision(item);
      return d ? chooseMember(d, config).modelId : undefined;
    };
    const overhead = (config: TeamConfig): RoutingOverhead =>
      overheadOf(workload, decision, config);
    out.push(
      system(
        "Routed team (router → specialist, generalist as fallback)",
        "routed",
        team(routing.team),
        overhead(routing.team),
      ),
    );
    const learned = learnedTeam(routing.team, scored);
    if (JSON.stringify(learned.mapping) !== JSON.stringify(routing.team.mapping)) {
      out.push(
        system(
          "Learned routed team (a specialist only where it measured better here)",
          "learned",
          team(learned),
          overhead(learned),
        ),
      );
    }
  }
  const best = bestPerDomain(scored);
  out.push(
    system("Oracle team (each domain to its best model)", "oracle", (item) =>
      best.get(item.domain),
    ),
  );
  const oracle = out[out.length - 1]!;
  for (const s of out) {
    if ((s.kind === "routed" || s.kind === "learned") && Number.isFinite(oracle.overall)) {
      s.gapToOracle = s.overall - oracle.overall;
    }
  }
  return out;
}

function itemsOf(scored: readonly BenchResult[]): Item[] {
  const byKey = new Map<string, Item>();
  for (const r of scored) {
    const key = itemKey(r.suiteId, r.itemId);
    const item = byKey.get(key) ?? { key, domain: r.domain, byModel: new Map() };
    item.byModel.set(r.modelId, r);
    byKey.set(key, item);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The run's items as a mixed workload: domains taken in turn, so a team must switch. */
function interleave(items: readonly Item[]): Item[] {
  const queues = [...new Set(items.map((i) => i.domain))]
    .sort()
    .map((d) => items.filter((i) => i.domain === d));
  const out: Item[] = [];
  for (let k = 0; out.length < items.length; k++) {
    for (const q of queues) if (q[k]) out.push(q[k]!);
  }
  return out;
}

function overheadOf(
  workload: readonly Item[],
  decision: (item: Item) => RecordedRoute | undefined,
  team?: TeamConfig,
): RoutingOverhead {
  const decided = workload.flatMap((item) => {
    const d = decision(item);
    if (!d) return [];
    return [{ item, d, reason: team ? chooseMember(d, team).reason : d.unsure ? "unsure" : "" }];
  });
  const ms = decided.map((x) => x.d.ms).sort((a, b) => a - b);
  const totalMs = ms.reduce((s, x) => s + x, 0);
  return {
    n: decided.length,
    accuracy:
      decided.length === 0
        ? NaN
        : decided.filter((x) => x.d.label === x.item.domain).length / decided.length,
    unsure: decided.filter((x) => x.reason === "unsure").length,
    noSpecialist: decided.filter((x) => x.reason === "no-specialist").length,
    meanMs: ms.length === 0 ? NaN : totalMs / ms.length,
    p99Ms: ms.length === 0 ? NaN : quantile(ms, 0.99),
    totalMs,
  };
}

/** Per-domain mean score of each model. */
function domainScores(scored: readonly BenchResult[]): Map<string, { score: number; n: number }> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of scored) {
    const k = `${r.modelId}\u0000${r.domain}`;
    const s = sums.get(k) ?? { sum: 0, n: 0 };
    s.sum += scoreOf(r);
    s.n++;
    sums.set(k, s);
  }
  return new Map([...sums].map(([k, s]) => [k, { score: s.sum / s.n, n: s.n }]));
}

function bestPerDomain(scored: readonly BenchResult[]): Map<Domain, string> {
  const scores = domainScores(scored);
  const best = new Map<Domain, { id: string; score: number }>();
  for (const [k, s] of [...scores].sort(([a], [b]) => a.localeCompare(b))) {
    const [id, domain] = k.split("\u0000") as [string, Domain];
    const b = best.get(domain);
    if (!b || s.score > b.score) best.set(domain, { id, score: s.score });
  }
  return new Map([...best].map(([d, b]) => [d, b.id]));
}

/**
 * RouteLLM's idea on this run's numbers: keep a label's specialist only where its measured score
 * on that domain beats the fallback generalist's; measured on the same items it is judged on, so
 * it is an optimistic estimate, like the oracle.
 */
function learnedTeam(team: TeamConfig, scored: readonly BenchResult[]): TeamConfig {
  const scores = domainScores(scored);
  const mapping: TeamConfig["mapping"] = {};
  for (const [label, id] of Object.entries(team.mapping) as [
    keyof TeamConfig["mapping"],
    string,
  ][]) {
    const s = scores.get(`${id}\u0000${label}`);
    const g = scores.get(`${team.fallback}\u0000${label}`);
    if (s && g && s.score > g.score) mapping[label] = id;
  }
  return { mapping, fallback: team.fallback };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * One sentence: which system wins on quality, on cost (memory + download), on latency. Latency is
 * the mean time per answer on the mixed workload: measured answer time plus routing and switch
 * time; where a system's answer or switch time is unknown, only switches and routing compare.
 */
export function systemsSentence(systems: readonly SystemReport[]): string {
  const real = systems.filter((s) => s.kind !== "oracle" && s.kind !== "learned" && s.n > 0);
  if (real.length < 2) return "";
  // The systems with the lowest `f` (ties named together).
  const best = (f: (s: SystemReport) => number) => {
    const low = Math.min(...real.map(f));
    return real.filter((s) => Math.abs(f(s) - low) <= 1e-9 * Math.max(1, Math.abs(low)));
  };
  const names = (ss: SystemReport[]) => ss.map((s) => s.name).join(" and ");
  const quality = best((s) => -s.overall);
  const cost = best((s) => s.memoryMB * 1e6 + s.downloadBytes / 1e3);
  const measured = real.every((s) => s.latencyMs !== undefined);
  const latency = measured
    ? best((s) => s.latencyMs!)
    : best((s) => (s.switchMs ?? s.switches * 1e9) + (s.routing?.totalMs ?? 0));
  const q = quality[0]!;
  const c = cost[0]!;
  const l = latency[0]!;
  const tie = (ss: SystemReport[]) => (ss.length > 1 ? "tie" : "wins");
  const routed = l.routing ? `${l.routing.totalMs.toFixed(1)} ms routing` : "no routing";
  const why = measured
    ? `${secs(l.latencyMs!)} per answer: ${secs(l.answerMs!)} answering, ${l.switches} model switches, ${routed}`
    : `${l.switches} model switches, ${routed}; answer or switch times not measured for every system`;
  return (
    `On quality ${names(quality)} ${tie(quality)} (${pct(q.overall)}, 95% ${pct(q.interval.low)}–${pct(q.interval.high)}); ` +
    `on cost ${names(cost)} (${(c.memoryMB / 1024).toFixed(2)} GB loaded, ${(c.downloadBytes / 1e9).toFixed(2)} GB download); ` +
    `on latency ${names(latency)} (${why}).`
  );
}
