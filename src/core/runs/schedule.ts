/**
 * Plan one prompt of a comparison within a GPU memory budget. Pure: the executor
 * (run-comparison.ts) carries the plan out.
 *
 * - All models fit together → unload strangers if something must load, one `load` of those not yet
 *   loaded, then one `generate` of all models at once.
 * - Otherwise sequential: models already loaded go first (no reload), then the rest in the given
 *   order; before each load, unload just enough (strangers first, then models already done, oldest
 *   first) to fit. Each model is loaded at most once per prompt.
 * - A model bigger than the whole budget gets a `skip` step with the reason.
 * "Strangers" are loaded models outside this comparison: their size is unknown here, so they are
 * unloaded whenever something must be loaded.
 */

export interface ModelFootprint {
  id: string;
  /** GPU memory the model needs when loaded, MB (web-llm's vram_required_MB). */
  vramMB: number;
}

export type PlanStep =
  | { kind: "unload"; modelIds: string[] }
  | { kind: "load"; modelIds: string[] }
  /** Several ids: generate concurrently. */
  | { kind: "generate"; modelIds: string[] }
  | { kind: "skip"; modelId: string; reason: string };

export interface Plan {
  mode: "together" | "sequential";
  steps: PlanStep[];
}

/** The order of loads, unloads and generations for one prompt across `models`. */
export function planComparison(
  models: readonly ModelFootprint[],
  budgetMB: number,
  loaded: readonly string[] = [],
): Plan {
  const unique = [...new Map(models.map((m) => [m.id, m])).values()];
  const skips: PlanStep[] = [];
  const runnable: ModelFootprint[] = [];
  for (const m of unique) {
    if (m.vramMB > budgetMB) {
      skips.push({
        kind: "skip",
        modelId: m.id,
        reason: `Needs ${Math.round(m.vramMB)} MB of GPU memory; the budget is ${Math.round(budgetMB)} MB.`,
      });
    } else runnable.push(m);
  }
  const size = new Map(runnable.map((m) => [m.id, m.vramMB]));
  // A loaded model that is skipped here still holds memory, so it counts as a stranger.
  const strangers = loaded.filter((id) => !size.has(id));
  const total = runnable.reduce((s, m) => s + m.vramMB, 0);

  if (total <= budgetMB) {
    const toLoad = runnable.filter((m) => !loaded.includes(m.id)).map((m) => m.id);
    const steps: PlanStep[] = [...skips];
    if (toLoad.length > 0 && strangers.length > 0)
      steps.push({ kind: "unload", modelIds: strangers });
    if (toLoad.length > 0) steps.push({ kind: "load", modelIds: toLoad });
    if (runnable.length > 0) steps.push({ kind: "generate", modelIds: runnable.map((m) => m.id) });
    return { mode: "together", steps };
  }

  const order = [
    ...runnable.filter((m) => loaded.includes(m.id)),
    ...runnable.filter((m) => !loaded.includes(m.id)),
  ];
  // Resident models in the order they became free to unload: strangers, then done models.
  const resident: string[] = [...strangers, ...loaded.filter((id) => size.has(id))];
  const used = () => resident.reduce((s, id) => s + (size.get(id) ?? 0), 0);
  const done = new Set<string>();
  const steps: PlanStep[] = [...skips];
  for (const m of order) {
    if (!resident.includes(m.id)) {
      const evict: string[] = [];
      // Strangers have unknown size and go whenever we load; done models go only as needed.
      while (resident.length > 0) {
        const candidate = resident.find((id) => !size.has(id) || done.has(id));
        if (candidate === undefined) break;
        const isStranger = !size.has(candidate);
        if (!isStranger && used() + m.vramMB <= budgetMB) break;
        evict.push(candidate);
        resident.splice(resident.indexOf(candidate), 1);
      }
      if (evict.length > 0) steps.push({ kind: "unload", modelIds: evict });
      steps.push({ kind: "load", modelIds: [m.id] });
      resident.push(m.id);
    }
    steps.push({ kind: "generate", modelIds: [m.id] });
    done.add(m.id);
    // Keep the resident order "oldest done first" for later evictions.
    resident.splice(resident.indexOf(m.id), 1);
    resident.push(m.id);
  }
  return { mode: "sequential", steps };
}
