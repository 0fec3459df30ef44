import { describe, expect, it } from "vitest";
import type { MathItem } from "../../scoring/types";
import { groupLoads, planBench, type BenchTask, type LoadFootprint } from "./plan";

/** Fixture items: only their count matters here. */
const tasks: BenchTask[] = [0, 1].map((i) => ({
  suiteId: "s",
  item: { id: `m${i}`, kind: "math", domain: "math", prompt: `${i}?`, answer: "0" } as MathItem,
}));

const sizes: Record<string, LoadFootprint> = {
  gen: { pool: "gpu", mb: 1000 },
  code: { pool: "gpu", mb: 1500 },
  math: { pool: "gpu", mb: 3000 },
  custom: { pool: "gpu", mb: undefined },
  tiny: { pool: "cpu", mb: 400 },
  tiny2: { pool: "cpu", mb: 400 },
  replayed: { pool: null, mb: undefined },
};
const footprint = (id: string) => sizes[id] ?? { pool: "gpu" as const, mb: undefined };
const budget = (pool: "gpu" | "cpu") => (pool === "gpu" ? 3000 : 600);
const plan = (ids: string[], extra: { id: string; engineId: string }[] = []) =>
  planBench(
    [...ids.map((id) => ({ id, load: true })), ...extra.map((m) => ({ ...m, load: true }))],
    tasks,
    new Set(),
  );
const loadWith = (steps: ReturnType<typeof groupLoads>) =>
  steps.map((s) => [s.modelId, s.loadWith ?? null]);

describe("groupLoads", () => {
  it("loads consecutive models that fit the budget together, the rest alone", () => {
    expect(loadWith(groupLoads(plan(["gen", "code", "math"]), footprint, budget))).toEqual([
      ["gen", ["gen", "code"]],
      // Loaded with gen: only if it is not loaded by then does it load, and alone.
      ["code", null],
      ["math", null],
    ]);
  });

  it("keeps a model of unknown size, or in a pool without a budget, alone", () => {
    expect(loadWith(groupLoads(plan(["gen", "custom", "code"]), footprint, budget))).toEqual([
      ["gen", null],
      ["custom", null],
      ["code", null],
    ]);
    expect(loadWith(groupLoads(plan(["gen", "code"]), footprint, () => undefined))).toEqual([
      ["gen", null],
      ["code", null],
    ]);
  });

  it("counts each pool against its own budget; a replayed model fits beside anything", () => {
    const steps = groupLoads(plan(["tiny", "gen", "replayed", "tiny2", "code"]), footprint, budget);
    // tiny2 would take the CPU pool to 800 MB of 600: a new group starts there.
    expect(loadWith(steps)).toEqual([
      ["tiny", ["tiny", "gen", "replayed"]],
      ["gen", ["gen", "replayed"]],
      ["replayed", null],
      ["tiny2", ["tiny2", "code"]],
      ["code", null],
    ]);
  });

  it("counts a prompted variant's base model once", () => {
    const steps = groupLoads(
      plan(["gen", "code"], [{ id: "gen+prompts", engineId: "gen" }]),
      footprint,
      budget,
    );
    // planBench puts the variant right after its base; the base's memory counts once.
    expect(loadWith(steps)).toEqual([
      ["gen", ["gen", "code"]],
      ["gen+prompts", ["gen", "code"]],
      ["code", null],
    ]);
  });
});
