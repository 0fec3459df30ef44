import { describe, expect, it } from "vitest";
import { DEFAULT_DOMAIN_PROMPTS } from "../../routing/domain-prompts";
import type { RouterModel } from "../../routing/model";
import { createRouter } from "../../routing/router";
import committed from "../../routing/router-model.json";
import type { SuiteItem } from "../../scoring/types";
import { planBench } from "./plan";
import { newRouting, promptedId, routedBenchRequest, routeTasks } from "./routing";
import { BENCH_PARAMS, DEFAULT_MAX_TOKENS } from "./templates";
import { itemKey, type BenchModelRef } from "./types";

const ref = (id: string, role: string, domains: string[] = []): BenchModelRef => ({
  id,
  name: id,
  role,
  domains,
  source: "replay",
  memoryMB: 1000,
});
const item = (id: string, prompt: string, kind: SuiteItem["kind"]): SuiteItem =>
  ({ id, prompt, kind, domain: kind === "code" ? "code" : "math" }) as SuiteItem;

describe("a bench run's routing", () => {
  const router = createRouter(committed as RouterModel, { now: () => 0 });
  const models = [
    ref("g", "generalist", ["chat"]),
    { ...ref(promptedId("g"), "generalist"), prompted: { baseId: "g" } },
    ref("coder", "specialist", ["code"]),
  ];
  const tasks = [
    { suiteId: "s", item: item("c1", 'def add(a, b):\n    """Return a + b."""', "code") },
    { suiteId: "s", item: item("m1", "What is 3/8 plus 5/12?", "math") },
  ];

  it("maps labels to the run's specialists, falls back to the first plain generalist", () => {
    const routing = newRouting(router, models, DEFAULT_DOMAIN_PROMPTS)!;
    expect(routing.team).toEqual({ mapping: { code: "coder" }, fallback: "g" });
    expect(newRouting(router, [ref("coder", "specialist", ["code"])], DEFAULT_DOMAIN_PROMPTS)).toBe(
      undefined,
    );
  });

  it("takes the user's member per label, or the fallback for a label, over the defaults", () => {
    const team = (choice: Parameters<typeof newRouting>[4]) =>
      newRouting(router, models, DEFAULT_DOMAIN_PROMPTS, undefined, choice)!.team;
    // Math to the coder (a user's choice, not a default); code to the fallback.
    expect(team({ math: "coder", code: null })).toEqual({
      mapping: { math: "coder" },
      fallback: "g",
    });
    // A model that is not in the run is no choice: the default stays.
    expect(team({ code: "not-in-run" })).toEqual({ mapping: { code: "coder" }, fallback: "g" });
  });

  it("takes remote models into the team: a remote specialist as member, a remote generalist as the chosen fallback", () => {
    const remote = (id: string, role: string, domains: string[]): BenchModelRef => ({
      ...ref(id, role, domains),
      source: "remote",
      memoryMB: 0,
    });
    const big = "remote:gpu-box-8000/big-model";
    const mathServer = "remote:gpu-box-8000/math-model";
    const mixed = [
      ...models,
      remote(big, "generalist", ["chat"]),
      remote(mathServer, "specialist", ["math"]),
    ];
    expect(newRouting(router, mixed, DEFAULT_DOMAIN_PROMPTS, big)!.team).toEqual({
      mapping: { code: "coder", math: mathServer },
      fallback: big,
    });
    // Without a choice, or with one that is no generalist of the run, the first generalist.
    expect(newRouting(router, mixed, DEFAULT_DOMAIN_PROMPTS)!.team.fallback).toBe("g");
    expect(newRouting(router, mixed, DEFAULT_DOMAIN_PROMPTS, mathServer)!.team.fallback).toBe("g");
    expect(newRouting(router, mixed, DEFAULT_DOMAIN_PROMPTS, promptedId("g"))!.team.fallback).toBe(
      "g",
    );
  });

  it("decides once per item, on the item's own prompt, and keeps earlier decisions", () => {
    const routing = routeTasks(router, newRouting(router, models, DEFAULT_DOMAIN_PROMPTS)!, tasks);
    expect(routing.decisions[itemKey("s", "c1")]).toMatchObject({ label: "code", unsure: false });
    expect(routing.decisions[itemKey("s", "m1")]).toMatchObject({ label: "math", unsure: false });
    const kept = {
      ...routing,
      decisions: {
        [itemKey("s", "c1")]: { label: "chat" as const, confidence: 1, unsure: false, ms: 0 },
      },
    };
    expect(routeTasks(router, kept, tasks).decisions[itemKey("s", "c1")]!.label).toBe("chat");
  });

  it("asks the prompted generalist's base model with the routed domain prompt first", () => {
    const routing = routeTasks(router, newRouting(router, models, DEFAULT_DOMAIN_PROMPTS)!, tasks);
    const req = routedBenchRequest(
      models[1]!,
      "s",
      tasks[1]!.item,
      routing,
      BENCH_PARAMS,
      DEFAULT_MAX_TOKENS,
    );
    expect(req.modelId).toBe("g");
    expect(req.messages[0]).toEqual({
      role: "system",
      content: DEFAULT_DOMAIN_PROMPTS.math.system,
    });
    expect(req.messages.at(-1)?.content).toContain("What is 3/8 plus 5/12?");
    const plain = routedBenchRequest(
      models[0]!,
      "s",
      tasks[1]!.item,
      routing,
      BENCH_PARAMS,
      DEFAULT_MAX_TOKENS,
    );
    expect(plain.messages.map((m) => m.role)).toEqual(["user"]);
    // Unsure: no domain prompt, the generalist as it is.
    const unsure = {
      ...routing,
      decisions: {
        [itemKey("s", "m1")]: { label: "math" as const, confidence: 0.3, unsure: true, ms: 0 },
      },
    };
    const bare = routedBenchRequest(
      models[1]!,
      "s",
      tasks[1]!.item,
      unsure,
      BENCH_PARAMS,
      DEFAULT_MAX_TOKENS,
    );
    expect(bare.messages.map((m) => m.role)).toEqual(["user"]);
  });

  it("plans the prompted variant right after its base, on the base's engine id", () => {
    const plan = planBench(
      [
        { id: "g", load: true },
        { id: "coder", load: true },
        { id: promptedId("g"), load: true, engineId: "g" },
      ],
      tasks,
      new Set(),
    );
    expect(plan.map((p) => [p.modelId, p.engineId])).toEqual([
      ["g", undefined],
      [promptedId("g"), "g"],
      ["coder", undefined],
    ]);
  });
});
