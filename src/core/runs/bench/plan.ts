/**
 * The order of a bench run: model by model, each loaded once for all of its items (a model already
 * loaded goes first, so nothing loads twice), items in suite order, skipping every item this run
 * has already answered. A prompt-specialized variant runs on its base model's engine id, right after
 * it, so the base stays loaded. Pure: the runner (run-bench.ts) carries it out.
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
