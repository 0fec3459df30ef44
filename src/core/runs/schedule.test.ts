import { describe, expect, it } from "vitest";
import { planComparison, type Plan, type PlanStep } from "./schedule";

const G = { id: "qwen3-1.7b", vramMB: 2000 };
const C = { id: "coder-1.5b", vramMB: 1700 };
const M = { id: "math-1.5b", vramMB: 1600 };

const kinds = (plan: Plan) => plan.steps.map((s) => s.kind);
const ids = (step: PlanStep | undefined) =>
  step && "modelIds" in step ? step.modelIds : step?.modelId;

/**
 * Simulate a plan against an engine with web-llm's reload semantics (a load replaces the resident
 * set): memory never exceeds the budget, every generation finds its model resident, and loads are
 * counted per model.
 */
function simulate(
  plan: Plan,
  sizes: Record<string, number>,
  budget: number,
  loaded: string[] = [],
) {
  let resident = new Set(loaded);
  const loads: Record<string, number> = {};
  const generated: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === "load") {
      resident = new Set(step.modelIds);
      step.modelIds.forEach((id) => (loads[id] = (loads[id] ?? 0) + 1));
      const used = [...resident].reduce((s, id) => s + (sizes[id] ?? Infinity), 0);
      expect(used).toBeLessThanOrEqual(budget);
    }
    if (step.kind === "generate") {
      step.modelIds.forEach((id) => expect(resident.has(id)).toBe(true));
      generated.push(...step.modelIds);
    }
  }
  return { loads, generated, resident };
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

  it("loads the whole set, not just the missing model, since a load replaces what is resident", () => {
    const plan = planComparison([G, C], 6000, [C.id]);
    expect(plan.steps).toEqual([
      { kind: "load", modelIds: [G.id, C.id] },
      { kind: "generate", modelIds: [G.id, C.id] },
    ]);
    const { resident } = simulate(plan, sizes, 6000, [C.id]);
    expect([...resident].sort()).toEqual([C.id, G.id].sort());
  });

  it("loads nothing when every model is resident already", () => {
    expect(kinds(planComparison([G, C], 6000, [G.id, C.id]))).toEqual(["generate"]);
    expect(kinds(planComparison([G, C], 6000, [C.id, "other-7b", G.id]))).toEqual(["generate"]);
  });

  it("replaces models outside the comparison by loading the comparison's set", () => {
    const plan = planComparison([G, C], 6000, ["other-7b"]);
    expect(plan.steps[0]).toEqual({ kind: "load", modelIds: [G.id, C.id] });
    const { resident } = simulate(plan, sizes, 6000, ["other-7b"]);
    expect(resident.has("other-7b")).toBe(false);
  });

  it("runs one at a time within the budget, loading each model once and alone", () => {
    const plan = planComparison([G, C, M], 3500);
    expect(plan.mode).toBe("sequential");
    const { loads, generated } = simulate(plan, sizes, 3500);
    expect(loads).toEqual({ [G.id]: 1, [C.id]: 1, [M.id]: 1 });
    expect(generated).toEqual([G.id, C.id, M.id]);
    for (const step of plan.steps) if (step.kind !== "skip") expect(step.modelIds).toHaveLength(1);
  });

  it("uses already-loaded models first so they are not reloaded", () => {
    const plan = planComparison([G, C, M], 3500, [M.id, C.id]);
    expect(plan.steps.slice(0, 2)).toEqual([
      { kind: "generate", modelIds: [C.id] },
      { kind: "generate", modelIds: [M.id] },
    ]);
    const { loads, generated } = simulate(plan, sizes, 3500, [M.id, C.id]);
    expect(loads).toEqual({ [G.id]: 1 });
    expect(generated).toEqual([C.id, M.id, G.id]);
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

  it("counts a duplicated model once", () => {
    const plan = planComparison([G, G, C], 6000);
    expect(ids(plan.steps[0])).toEqual([G.id, C.id]);
  });
});
