import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import type { ChatRequest, ChatResult, Engine, StreamOptions } from "../../core/engine/types";
import { buildBenchReport, type BenchReport } from "../../core/report/bench-report";
import { createBenchStore } from "../../core/runs/bench/bench-store";
import type { MathItem, Suite } from "../../core/scoring/types";
import { createMemoryStore } from "../../core/storage/memory-store";
import { DEFAULT_DOMAIN_PROMPTS } from "../../core/routing/domain-prompts";
import { BenchRuns } from "./bench-runs.svelte";

/** Fixture suites (not model output). */
const suite = (id: string, n: number): Suite => ({
  id,
  name: id,
  description: "",
  source: "test",
  items: Array.from({ length: n }, (_, i): MathItem => ({
    id: `${id}-${i}`,
    kind: "math",
    domain: "math",
    prompt: `[${id}-${i}] What is ${i} + ${i}?`,
    answer: String(2 * i),
  })),
});
const suites = [suite("a", 4), suite("b", 3)];
const usage = {
  promptTokens: 5,
  completionTokens: 4,
  ttftMs: 10,
  prefillTokensPerS: 100,
  decodeTokensPerS: 40,
  totalMs: 100,
};

class Engine2 implements Engine {
  readonly kind = "replay" as const;
  chats: string[] = [];
  requests: ChatRequest[] = [];
  loads = 0;
  crashAfter = Infinity;
  private resident: string[] = [];
  async load(ids: string[]) {
    this.loads++;
    this.resident = [...ids];
  }
  loaded() {
    return [...this.resident];
  }
  async chat(request: ChatRequest, _o: StreamOptions): Promise<ChatResult> {
    if (this.chats.length >= this.crashAfter) {
      this.resident = [];
      throw new PolymathError("device-lost", "The GPU was reset.");
    }
    const tag = /\[(.+?)\]/.exec(request.messages.at(-1)?.content ?? "")?.[1];
    this.chats.push(`${request.modelId}/${tag}`);
    this.requests.push(request);
    const i = Number(tag?.split("-")[1]);
    // The generalist gets every item right, the specialist the even ones.
    const right = request.modelId === "gen" || i % 2 === 0;
    return { text: `#### ${right ? 2 * i : -1}`, reasoning: "", finishReason: "stop", usage };
  }
  async interrupt() {}
  async unload() {
    this.resident = [];
  }
}

function runs(
  engine: Engine2,
  kv = createMemoryStore(),
  extra: Partial<ConstructorParameters<typeof BenchRuns>[0]> = {},
) {
  let n = 0;
  const state = new BenchRuns({
    store: async () => createBenchStore(kv),
    engine: { engine: async () => engine, sync: async () => {} },
    score: async (item, answer) => {
      const pass = answer.trim() === `#### ${(item as MathItem).answer}`;
      return { itemId: item.id, pass, score: pass ? 1 : 0, reason: "fixture scorer" };
    },
    suite: async (id) => suites.find((s) => s.id === id),
    describeModel: (id) => ({
      id,
      name: id,
      role: id === "gen" ? "generalist" : "specialist",
      domains: [],
      source: "replay",
      memoryMB: 1000,
    }),
    provenance: () => ({ app: { name: "polymath", version: "test" } }),
    newId: () => `run${++n}`,
    defer: (task) => task(),
    ...extra,
  });
  return { state, kv };
}

describe("BenchRuns", () => {
  it("routes every item once and runs the prompt-specialized generalist on the same loaded model", async () => {
    const engine = new Engine2();
    const { state } = runs(engine);
    await state.start({
      suites: [{ id: "a" }],
      models: ["gen", "spec"],
      prompted: ["gen"],
      domainPrompts: { ...DEFAULT_DOMAIN_PROMPTS, math: { system: "Be a mathematician." } },
    });
    expect(state.open?.status).toBe("done");
    const ids = state.open!.config.models.map((m) => m.id);
    expect(ids).toEqual(["gen", "prompted:gen", "spec"]);
    // gen and its prompted variant share one load.
    expect(engine.loads).toBe(2);
    const decisions = Object.values(state.open!.routing!.decisions);
    expect(decisions).toHaveLength(4);
    expect(decisions.every((d) => d.label === "math" && !d.unsure)).toBe(true);
    const prompted = engine.requests.slice(4, 8);
    expect(prompted.every((r) => r.modelId === "gen")).toBe(true);
    for (const [i, d] of decisions.entries()) {
      const first = prompted[i]!.messages[0]!;
      if (d.label === "math" && !d.unsure) {
        expect(first).toEqual({ role: "system", content: "Be a mathematician." });
      } else expect(first.role).toBe("user");
    }
    expect(state.results.filter((r) => r.modelId === "prompted:gen")).toHaveLength(4);
    expect(state.report?.systems.map((s) => s.kind)).toEqual([
      "generalist",
      "prompted",
      "routed",
      "oracle",
    ]);
  });

  it("starts nothing when the user declines the models' download", async () => {
    const engine = new Engine2();
    const asked: string[][] = [];
    const { state } = runs(engine, createMemoryStore(), {
      confirmDownload: async (ids) => (asked.push([...ids]), false),
    });
    await state.start({ suites: [{ id: "a" }], models: ["gen", "spec"] });
    expect(asked).toEqual([["gen", "spec"]]);
    expect(state.open).toBeNull();
    expect(engine.chats).toHaveLength(0);
  });

  it("runs every item on every model, saves each, and reports the generalist's share", async () => {
    const engine = new Engine2();
    const { state } = runs(engine);
    await state.start({ suites: [{ id: "a" }, { id: "b" }], models: ["gen", "spec"] });
    expect(state.open?.status).toBe("done");
    expect(engine.chats).toHaveLength(14);
    expect(engine.loads).toBe(2);
    expect(state.results).toHaveLength(14);
    expect(state.report?.progress).toMatchObject({ answered: 14, scored: 14, planned: 14 });
    const math = state.report?.comparisons.find((c) => c.domain === "math");
    expect(math).toMatchObject({ generalist: "gen", specialist: "spec", n: 7 });
    expect(math?.ratio.value).toBeCloseTo(7 / 4, 10);
    expect(state.open?.config.suites.map((s) => s.hash)).toSatisfy((h: string[]) =>
      h.every((x) => /^[0-9a-f]{64}$/.test(x)),
    );
  });

  it("a lost GPU pauses the run; after a reload it resumes and asks no item twice", async () => {
    const engine = new Engine2();
    engine.crashAfter = 5;
    const first = runs(engine);
    await first.state.start({ suites: [{ id: "a" }, { id: "b" }], models: ["gen", "spec"] });
    expect(first.state.error?.code).toBe("device-lost");
    expect(first.state.open?.status).toBe("paused");
    const id = first.state.open!.id;
    // A reload: a new state over the same storage.
    engine.crashAfter = Infinity;
    const again = runs(engine, first.kv);
    await again.state.refresh();
    expect(again.state.runs.map((r) => [r.id, r.status])).toEqual([[id, "paused"]]);
    expect(await again.state.select(id)).toBe(true);
    expect(again.state.results).toHaveLength(5);
    await again.state.resume();
    expect(again.state.open?.status).toBe("done");
    expect(engine.chats).toHaveLength(14);
    expect(new Set(engine.chats).size).toBe(14);
  });

  it("asks again an answer that failed without a verdict (the tab closed mid-answer)", async () => {
    const engine = new Engine2();
    engine.crashAfter = 5;
    const first = runs(engine);
    await first.state.start({ suites: [{ id: "a" }, { id: "b" }], models: ["gen", "spec"] });
    const id = first.state.open!.id;
    // The stream of one saved answer ended in an error, and the tab went before its verdict.
    const store = createBenchStore(first.kv);
    const [cut] = await store.results(id);
    const { verdict: _dropped, ...unscored } = cut!;
    const error = new PolymathError("engine-crashed", "The stream ended.").toJSON();
    await store.saveResult({ ...unscored, answer: "", finishReason: "error", error });
    engine.crashAfter = Infinity;
    const again = runs(engine, first.kv);
    await again.state.refresh();
    await again.state.select(id);
    await again.state.resume();
    expect(again.state.open?.status).toBe("done");
    const key = `${cut!.modelId}/${cut!.itemId}`;
    // Asked once before the cut and once again now; every other item exactly once.
    expect(engine.chats.filter((c) => c === key)).toHaveLength(2);
    expect(engine.chats).toHaveLength(15);
    expect(again.state.results.every((r) => r.verdict)).toBe(true);
    expect(
      again.state.results.find((r) => r.itemId === cut!.itemId && r.modelId === cut!.modelId),
    ).toMatchObject({ finishReason: "stop", verdict: { pass: true } });
  });

  it("keeps the throughput a remote model got with the run, over a resume, and reports it", async () => {
    const engine = new Engine2();
    engine.crashAfter = 5;
    const remoteModel = (id: string) => ({
      id,
      name: id,
      role: id === "gen" ? "generalist" : "specialist",
      domains: [],
      source: id === "gen" ? ("remote" as const) : ("replay" as const),
      memoryMB: id === "gen" ? 0 : 1000,
    });
    const first = runs(engine, createMemoryStore(), { describeModel: remoteModel });
    // What the progress line shows while the remote model answers.
    const shown: { modelId: string; remote: boolean; inFlight: number }[] = [];
    const chat = engine.chat.bind(engine);
    engine.chat = (request, o) => {
      const t = first.state.progress?.throughput;
      if (t) shown.push({ modelId: t.modelId, remote: t.remote, inFlight: t.inFlight });
      return chat(request, o);
    };
    await first.state.start({ suites: [{ id: "a" }, { id: "b" }], models: ["gen", "spec"] });
    expect(first.state.open?.status).toBe("paused");
    expect(shown.filter((x) => x.modelId === "gen")).toContainEqual({
      modelId: "gen",
      remote: true,
      inFlight: 1,
    });
    expect(first.state.open?.throughput?.gen?.completed).toBe(5);
    engine.crashAfter = Infinity;
    const again = runs(engine, first.kv, { describeModel: remoteModel });
    await again.state.refresh();
    expect(await again.state.select(first.state.open!.id)).toBe(true);
    // Stored with the run: a reload reads what the first session measured.
    expect(again.state.open?.throughput?.gen).toMatchObject({ completed: 5, completionTokens: 20 });
    await again.state.resume();
    expect(again.state.open?.throughput?.gen).toMatchObject({ completed: 7, completionTokens: 28 });
    expect(again.state.open?.throughput?.spec?.completed).toBe(7);
    const costs = buildBenchReport(again.state.open!, again.state.results).costs;
    const gen = costs.find((c) => c.modelId === "gen")!;
    const spec = costs.find((c) => c.modelId === "spec")!;
    expect(gen.remote).toBe(true);
    expect(gen.throughput?.completed).toBe(7);
    expect(spec.remote).toBeUndefined();
    expect(spec.throughput).toBeUndefined();
  });

  it("samples a suite with a fixed seed, and deletes a run with its results", async () => {
    const engine = new Engine2();
    const { state, kv } = runs(engine);
    await state.start({ suites: [{ id: "a", sample: { n: 2, seed: 7 } }], models: ["gen"] });
    const ids = state.open?.config.suites[0]?.itemIds;
    expect(ids).toHaveLength(2);
    const again = runs(new Engine2());
    await again.state.start({ suites: [{ id: "a", sample: { n: 2, seed: 7 } }], models: ["gen"] });
    expect(again.state.open?.config.suites[0]?.itemIds).toEqual(ids);
    await state.remove(state.open!.id);
    expect(await kv.keys()).toEqual([]);
  });

  it("runs answers from a file as a model beside the local ones", async () => {
    const engine = new Engine2();
    const { state } = runs(engine);
    // A fixture responses file (not model output): right on a-0 and a-2, wrong on a-1, no a-3.
    const text = ["a-0 0", "a-1 5", "a-2 4"]
      .map((l) => {
        const [id, n] = l.split(" ");
        return JSON.stringify({ id, response: `#### ${n}`, model: "ignored" });
      })
      .join("\n");
    await state.start({
      suites: [{ id: "a" }],
      models: ["spec"],
      imported: [{ name: "API model", role: "generalist", fileName: "api.jsonl", text }],
    });
    expect(engine.chats).toHaveLength(4); // only the local model was asked
    const api = state.results.filter((r) => r.modelId === "imported:API model");
    expect(api.map((r) => [r.itemId, r.verdict?.pass]).sort()).toEqual([
      ["a-0", true],
      ["a-1", false],
      ["a-2", true],
    ]);
    expect(state.report?.comparisons[0]).toMatchObject({
      generalist: "imported:API model",
      specialist: "spec",
      n: 3,
    });
    const bad = runs(new Engine2());
    await bad.state.start({
      suites: [{ id: "a" }],
      models: [],
      imported: [{ name: "x", role: "unknown", fileName: "x.jsonl", text: "{ nope" }],
    });
    expect(bad.state.error?.message).toMatch(/line 1/);
    expect(bad.state.open).toBeNull();
  });

  it("takes the report from the worker, keeps only the newest, and computes it here if that fails", async () => {
    const asked: { answered: number; resolve: (r: BenchReport) => void }[] = [];
    const { state } = runs(new Engine2(), createMemoryStore(), {
      report: (run, results) =>
        new Promise<BenchReport>((resolve) => asked.push({ answered: results.length, resolve })),
    });
    await state.start({ suites: [{ id: "a" }], models: ["gen"] });
    expect(asked.length).toBeGreaterThan(1);
    const newest = asked.at(-1)!;
    expect(newest.answered).toBe(4);
    // The worker's answers arrive out of order: the newest request's report wins.
    newest.resolve(buildBenchReport(state.open!, state.results));
    asked[0]!.resolve(buildBenchReport(state.open!, []));
    await Promise.resolve();
    await Promise.resolve();
    expect(state.report?.progress.answered).toBe(4);

    const failing = runs(new Engine2(), createMemoryStore(), {
      report: () => Promise.reject(new PolymathError("engine-crashed", "The worker stopped.")),
    }).state;
    await failing.start({ suites: [{ id: "a" }], models: ["gen"] });
    await new Promise((r) => setTimeout(r, 0));
    expect(failing.report?.progress).toMatchObject({ answered: 4, scored: 4 });
  });
});
