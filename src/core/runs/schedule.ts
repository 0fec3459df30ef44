/**
 * Plan one prompt of a comparison within a GPU memory budget. Pure: the executor
 * (run-comparison.ts) carries the plan out.
 *
 * Engines load like web-llm's `reload`: `load(ids)` makes exactly `ids` resident and drops
 * everything else (even a model already loaded is set up again). So a `load` step names the whole
 * set that must be resident after it, and no separate unload is needed before it.
 *
 * - All models fit together → nothing to load when all are resident already; otherwise one `load`
 *   of all of them, then one `generate` of all at once.
 * - Otherwise sequential: models already loaded go first (no reload), then the rest in the given
 *   order, each loaded alone (keeping a finished model beside the next would reload it for nothing).
 * - A model bigger than the whole budget gets a `skip` step with the reason.
 */

export interface ModelFootprint {
  id: string;
  /** GPU memory the model needs when loaded, MB (web-llm's vram_required_MB). */
  vramMB: number;
}

export type PlanStep =
  /** Make exactly these models resident (the engine drops any other). */
  | { kind: "load"; modelIds: string[] }
  /** Several ids: generate concurrently. */
  | { kind: "generate"; modelIds: string[] }
  | { kind: "skip"; modelId: string; reason: string };

export interface Plan {
  mode: "together" | "sequential";
  steps: PlanStep[];
}

/** The order of loads and generations for one prompt across `models`, given what is `loaded`. */
export function planComparison(
  models: readonly ModelFootprint[],
  budgetMB: number,
  loaded: readonly string[] = [],
): Plan {
  const unique = [...new Map(models.map((m) => [m.id, m])).values()];
  const steps: PlanStep[] = [];
  const runnable: ModelFootprint[] = [];
  for (const m of unique) {
    if (m.vramMB > budgetMB) {
      steps.push({
        kind: "skip",
        modelId: m.id,
        reason: `Needs ${Math.round(m.vramMB)} MB of GPU memory; the budget is ${Math.round(budgetMB)} MB.`,
      });
    } else runnable.push(m);
  }
  const ids = runnable.map((m) => m.id);
  const total = runnable.reduce((s, m) => s + m.vramMB, 0);

  if (total <= budgetMB) {
    // Models outside the comparison that are loaded already fit beside ours (they were loaded
    // with them), so a full set of ours needs no reload.
    if (ids.some((id) => !loaded.includes(id))) steps.push({ kind: "load", modelIds: ids });
    if (ids.length > 0) steps.push({ kind: "generate", modelIds: ids });
    return { mode: "together", steps };
  }

  const resident = ids.filter((id) => loaded.includes(id));
  for (const id of resident) steps.push({ kind: "generate", modelIds: [id] });
  for (const id of ids.filter((i) => !resident.includes(i))) {
    steps.push({ kind: "load", modelIds: [id] }, { kind: "generate", modelIds: [id] });
  }
  return { mode: "sequential", steps };
}
