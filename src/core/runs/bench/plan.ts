/**
 * The order of a bench run: model by model, each loaded once for all of its items (a model already
 * loaded goes first, so nothing loads twice), items in suite order, skipping every item this run
 * has already answered. A prompt-specialized variant runs on its base model's engine id, right after
 * it, so the base stays loaded. Models that fit in the memory budget together are loaded in one
 * call (`groupLoads`), so nothing loads between them. Pure: the runner (run-bench.ts) carries
 * it out.
 */
import type { SuiteItem } from "../../scoring/types";
import { resultKey } from "./types";

export interface BenchTask {
  suiteId: string;
  item: SuiteItem;
}

export interface BenchModelPlan {
  modelId: string;
  /** The model the engine runs, when not `modelId` (a prompted variant runs its base model). */
  engineId?: string;
  /** Whether the model needs loading (imported answers and replays need no device memory). */
  load: boolean;
  /**
   * The engine ids to load in one call when this step's model is not loaded: it and the next
   * steps' models that fit beside it in the memory budget (see `groupLoads`). Alone when absent.
   */
  loadWith?: string[];
  tasks: BenchTask[];
}

/** Items still to answer, per model, in running order. */
export function planBench(
  models: readonly { id: string; load: boolean; engineId?: string }[],
  tasks: readonly BenchTask[],
  answered: ReadonlySet<string>,
  loaded: readonly string[] = [],
): BenchModelPlan[] {
  const plans: BenchModelPlan[] = models.map((m) => ({
    modelId: m.id,
    ...(m.engineId && m.engineId !== m.id ? { engineId: m.engineId } : {}),
    load: m.load,
    tasks: tasks.filter((t) => !answered.has(resultKey(m.id, t.suiteId, t.item.id))),
  }));
  const engineOf = (p: BenchModelPlan) => p.engineId ?? p.modelId;
  // Group by engine model (config order of each group's first member), loaded ones first.
  const groups: string[] = [];
  for (const p of plans) if (!groups.includes(engineOf(p))) groups.push(engineOf(p));
  const order = [
    ...groups.filter((g) => loaded.includes(g)),
    ...groups.filter((g) => !loaded.includes(g)),
  ];
  return order
    .flatMap((g) => plans.filter((p) => engineOf(p) === g))
    .filter((p) => p.tasks.length > 0);
}

/** The device memory a model takes when loaded: its pool and size (unknown size: `mb` undefined). */
export interface LoadFootprint {
  /** "gpu" or "cpu"; null for a model that takes none here (replayed, remote). */
  pool: "gpu" | "cpu" | null;
  mb: number | undefined;
}

/**
 * Mark runs of consecutive steps whose models fit in their memory pools together, so each run is
 * loaded in one call: every step of a run gets `loadWith`, the engine ids of it and of the run's
 * later steps (a step whose model is already loaded loads nothing; one that is not loads only what
 * is still to come). A model of unknown size, or in a pool without a known budget, stays alone;
 * a model that takes no device memory fits beside anything.
 */
export function groupLoads(
  plan: readonly BenchModelPlan[],
  footprint: (engineId: string) => LoadFootprint,
  budgetMB: (pool: "gpu" | "cpu") => number | undefined,
): BenchModelPlan[] {
  const engineOf = (p: BenchModelPlan) => p.engineId ?? p.modelId;
  const groups: number[][] = [];
  // The last group takes more steps while `open`; `ids` and `used` are what it loads.
  let open = false;
  let ids: string[] = [];
  let used: Record<"gpu" | "cpu", number> = { gpu: 0, cpu: 0 };
  const fits = (id: string): boolean => {
    const { pool, mb } = footprint(id);
    if (pool === null) return true;
    const budget = budgetMB(pool);
    return mb !== undefined && budget !== undefined && used[pool] + mb <= budget;
  };
  const add = (id: string): void => {
    if (ids.includes(id)) return;
    ids.push(id);
    const { pool, mb } = footprint(id);
    if (pool !== null) used[pool] += mb ?? 0;
  };
  plan.forEach((step, index) => {
    const id = engineOf(step);
    if (open && step.load && (ids.includes(id) || fits(id))) {
      groups.at(-1)!.push(index);
      add(id);
      return;
    }
    groups.push([index]);
    ids = [];
    used = { gpu: 0, cpu: 0 };
    open = step.load && fits(id);
    if (open) add(id);
  });
  const out = plan.map((p) => ({ ...p }));
  for (const group of groups) {
    group.forEach((index, k) => {
      const later = [...new Set(group.slice(k).map((i) => engineOf(plan[i]!)))];
      if (later.length > 1) out[index]!.loadWith = later;
    });
  }
  return out;
}
