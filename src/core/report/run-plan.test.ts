import { describe, expect, it } from "vitest";
import { planRun, type RunRequest } from "./run-plan";

const request: RunRequest = {
  title: "Fixture run",
  suites: [
    { id: "gsm", name: "Math word problems", items: 5, sample: { n: 5, seed: 7 } },
    { id: "code", name: "Code", items: 5, sample: { n: 5, seed: 7 } },
    { id: "mine", name: "My own suite", items: 3 },
  ],
  models: [
    { id: "gen-mlc", name: "Qwen3 1.7B", role: "generalist" },
    { id: "math-mlc", name: "Qwen2.5 Math 1.5B", role: "specialist" },
    { id: "coder-mlc", name: "Qwen2.5 Coder 1.5B", role: "specialist" },
    { id: "imported:api", name: "Qwen3 1.7B", role: "generalist", source: "imported" },
  ],
};

describe("planning a run from a shared report", () => {
  it("preselects what is here and names what is not", () => {
    const plan = planRun(request, {
      suites: [
        { id: "gsm", itemCount: 28 },
        { id: "code", itemCount: 29 },
      ],
      models: [
        { id: "gen-mlc", name: "Qwen3 1.7B" },
        // The same model from the CPU runtime: another id, the same name.
        { id: "coder-gguf", name: "Qwen2.5 Coder 1.5B" },
      ],
    });
    expect(plan.suites).toEqual(["gsm", "code"]);
    expect(plan.models).toEqual(["gen-mlc", "coder-gguf"]);
    expect(plan.sample).toEqual({ n: 5, seed: 7 });
    expect(plan.missingSuites).toEqual(["My own suite"]);
    expect(plan.missingModels).toEqual([{ name: "Qwen2.5 Math 1.5B", role: "specialist" }]);
    expect(plan.changedSuites).toEqual([]);
    // Answers from a file are named as such, never matched to a local model of the same name.
    expect(plan.importedModels).toEqual(["Qwen3 1.7B"]);
  });

  it("runs whole suites when the report's samples differ, and flags suites that changed", () => {
    const mixed: RunRequest = {
      ...request,
      suites: [
        { id: "gsm", name: "Math word problems", items: 5, sample: { n: 5, seed: 7 } },
        { id: "code", name: "Code", items: 29 },
      ],
    };
    const plan = planRun(mixed, {
      suites: [
        { id: "gsm", itemCount: 28 },
        { id: "code", itemCount: 30 },
      ],
      models: [],
    });
    expect(plan.sample).toBeNull();
    expect(plan.changedSuites).toEqual(["Code"]);
    expect(plan.models).toEqual([]);
    expect(plan.missingModels.map((m) => m.name)).toEqual([
      "Qwen3 1.7B",
      "Qwen2.5 Math 1.5B",
      "Qwen2.5 Coder 1.5B",
    ]);
  });
});
