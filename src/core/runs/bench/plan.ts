/**
 * The order of a bench run: model by model, each loaded once for all of its items (a model already
 * loaded goes first, so nothing loads twice), items in suite order, skipping every item this run
 * has already answered. Pure: the runner (run-bench.ts) carries it out.
 */
import type { SuiteItem } from "../../scoring/types";
import { resultKey } from "./types";

export interface BenchTask {
  suiteId: string;
  item: SuiteItem;
}

export interface BenchModelPlan {
  modelId: string;
  /** Whether the model needs loading (imported answers and replays need no device memory). */
  load: boolean;
  tasks: BenchTask[];
}

/** Items still to answer, per model, in running order. */
export function planBench(
  models: readonly { id: string; load: boolean }[],
  tasks: readonly BenchTask[],
  answered: ReadonlySet<string>,
  loaded: readonly string[] = [],
): BenchModelPlan[] {
  const plans = models.map((m) => ({
    modelId: m.id,
    load: m.load,
    tasks: tasks.filter((t) => !answered.has(resultKey(m.id, t.suiteId, t.item.id))),
  }));
  const first = plans.filter((p) => loaded.includes(p.modelId));
  const rest = plans.filter((p) => !loaded.includes(p.modelId));
  return [...first, ...rest].filter((p) => p.tasks.length > 0);
}
