import { describe, expect, it } from "vitest";
import { planComparison, type Plan, type PlanStep } from "./schedule";

const G = { id: "qwen3-1.7b", vramMB: 2000 };
const C = { id: "coder-1.5b", vramMB: 1700 };
const M = { id: "math-1.5b", vramMB: 1600 };

const kinds = (plan: Plan) => plan.steps.map((s) => s.kind);
const ids = (step: PlanStep | undefined) =>
  step && "modelIds" in step ? step.modelIds : step?.modelId;

/** Simulate a plan: checks memory never exceeds the budget and counts loads per model. */
function simulate(
  plan: Plan,
  sizes: Record<string, number>,
  budget: number,
  loaded: string[] = [],
) {
  const resident = new Set(loaded);
  const loads: Record<string, number> = {};
  const generated: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === "unload") step.modelIds.forEach((id) => resident.delete(id));
    if (step.kind === "load") {
      step.modelIds.forEach((id) => {
        resident.add(id);
        loads[id] = (loads[id] ?? 0) + 1;
      });
      const used = [...resident].reduce((s, id) => s + (sizes[id] ?? Infinity), 0);
      expect(used).toBeLessThanOrEqual(budget);
    }
    if (step.kind === "generate") {
      step.modelIds.forEach((id) => expect(resident.has(id)).toBe(true));
      generated.push(...step.modelIds);
    }
  }
  return { loads, generated };
}
const sizes = { [G.id]: G.vramMB, [C.id]: C.vramMB, [M.id]: M.vramMB };

describe("planComparison", () => {
  it("loads everything at once and generates concurrently when all fit", () => {
    const plan = planComparison([G, C, M], 6000);
    expect(plan.mode).toBe("together");
    expect(kinds(plan)).toEqual(["load", "generate"]);
    expect(ids(plan.steps[0])).toEqual([G.id, C.id, M.id]);
    expect(ids(plan.steps[1])).toEqual([G.id, C.id, M.id]);
  });

  it("loads only what is missing when some are loaded already", () => {
    const plan = planComparison([G, C], 6000, [C.id]);
    expect(plan.steps).toEqual([
      { kind: "load", modelIds: [G.id] },
      { kind: "generate", modelIds: [G.id, C.id] },
    ]);
    expect(kinds(planComparison([G, C], 6000, [G.id, C.id]))).toEqual(["generate"]);
  });

  it("unloads models outside the comparison before loading", () => {
    const plan = planComparison([G, C], 6000, ["other-7b"]);
    expect(plan.steps[0]).toEqual({ kind: "unload", modelIds: ["other-7b"] });
  });

  it("runs one at a time within the budget, loading each model once", () => {
    const plan = planComparison([G, C, M], 3500);
    expect(plan.mode).toBe("sequential");
    const { loads, generated } = simulate(plan, sizes, 3500);
    expect(loads).toEqual({ [G.id]: 1, [C.id]: 1, [M.id]: 1 });
    expect(generated).toEqual([G.id, C.id, M.id]);
  });

  it("keeps a done model loaded when the next one fits beside it", () => {
    // G + C = 3700 > 3500 but C + M = 3300 fits: C stays while M loads.
    const plan = planComparison([G, C, M], 3500);
    const lastUnload = plan.steps.filter((s) => s.kind === "unload").at(-1);
    expect(ids(lastUnload)).toEqual([G.id]);
  });

  it("uses an already-loaded model first so it is not reloaded", () => {
    const plan = planComparison([G, C, M], 2500, [M.id]);
    expect(plan.steps[0]).toEqual({ kind: "generate", modelIds: [M.id] });
    const { loads, generated } = simulate(plan, sizes, 2500, [M.id]);
    expect(loads[M.id]).toBeUndefined();
    expect(generated).toEqual([M.id, G.id, C.id]);
  });

  it("skips a model bigger than the whole budget and says why", () => {
    const big = { id: "big-8b", vramMB: 5000 };
    const plan = planComparison([G, big, C], 4000);
    const skip = plan.steps.find((s) => s.kind === "skip");
    expect(skip).toMatchObject({ modelId: "big-8b" });
    expect(skip && "reason" in skip && skip.reason).toContain("5000 MB");
    expect(plan.mode).toBe("together");
    expect(ids(plan.steps.find((s) => s.kind === "generate"))).toEqual([G.id, C.id]);
  });

  it("plans nothing to run when every model is too big", () => {
    expect(kinds(planComparison([G], 100))).toEqual(["skip"]);
  });
});
