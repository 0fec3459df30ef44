import { describe, expect, it } from "vitest";
import { PolymathError } from "../../errors";
import type { ChatRequest, ChatResult, Engine, StreamOptions } from "../../engine/types";
import { createMemoryStore } from "../../storage/memory-store";
import type { MathItem, SuiteItem } from "../../scoring/types";
import { createBenchStore } from "./bench-store";
import { groupLoads, planBench, type BenchTask } from "./plan";
import { runBench } from "./run-bench";
import { benchRequest, BENCH_PARAMS, DEFAULT_MAX_TOKENS } from "./templates";
import { resultKey, type LoadCost } from "./types";

const usage = {
  promptTokens: 5,
  completionTokens: 3,
  ttftMs: 10,
  prefillTokensPerS: 100,
  decodeTokensPerS: 30,
  totalMs: 100,
};

/** Fixture items (not model output): answers are "#### <n>" where the engine decides n. */
const items: MathItem[] = Array.from({ length: 6 }, (_, i) => ({
  id: `m${i}`,
  kind: "math",
  domain: "math",
  prompt: `What is ${i} + ${i}?`,
  answer: String(2 * i),
}));
const tasks: BenchTask[] = items.map((item) => ({ suiteId: "s", item }));

/** Answers right for even items, wrong for odd; counts loads and chats; can crash on a chat. */
class CountingEngine implements Engine {
  readonly kind = "replay" as const;
  loads: string[][] = [];
  chats: string[] = [];
  crashOn: string | null = null;
  private resident: string[] = [];
  async load(ids: string[]) {
    this.loads.push([...ids]);
    this.resident = [...ids];
  }
  loaded() {
    return [...this.resident];
  }
  async chat(request: ChatRequest, _options: StreamOptions): Promise<ChatResult> {
    const item = items.find((i) => request.messages[0]?.content.startsWith(i.prompt));
    const key = `${request.modelId}/${item?.id}`;
    if (key === this.crashOn) throw new PolymathError("device-lost", "The GPU was reset.");
    this.chats.push(key);
    const n = Number(item?.answer) + (Number(item?.id.slice(1)) % 2);
    return { text: `So: #### ${n}`, reasoning: "", finishReason: "stop", usage };
  }
  async interrupt() {}
  async unload() {
    this.resident = [];
  }
}

function options(engine: CountingEngine, store: ReturnType<typeof createBenchStore>) {
  return {
    engine,
    runId: "r1",
    request: (modelId: string, item: SuiteItem) =>
      benchRequest(modelId, item, BENCH_PARAMS, DEFAULT_MAX_TOKENS),
    score: async (task: BenchTask, answer: string) => ({
      itemId: task.item.id,
      pass: answer.endsWith(`#### ${(task.item as MathItem).answer}`),
      score: answer.endsWith(`#### ${(task.item as MathItem).answer}`) ? 1 : 0,
      reason: "fixture scorer",
    }),
    save: (r: Parameters<typeof store.saveResult>[0]) => store.saveResult(r),
    itemTimeoutMs: 60_000,
  };
}

const models = [
  { id: "gen", load: true },
  { id: "spec", load: true },
];

describe("runBench", () => {
  it("loads each model once, asks every item, and scores each answer", async () => {
    const engine = new CountingEngine();
    const store = createBenchStore(createMemoryStore());
    const plan = planBench(models, tasks, new Set());
    expect(await runBench({ ...options(engine, store), plan })).toBe("done");
    expect(engine.loads).toEqual([["gen"], ["spec"]]);
    expect(engine.chats).toHaveLength(12);
    const results = await store.results("r1");
    expect(results).toHaveLength(12);
    expect(results.filter((r) => r.verdict?.pass)).toHaveLength(6);
  });

  it("loads models that fit together in one call, and none of them again", async () => {
    const engine = new CountingEngine();
    const store = createBenchStore(createMemoryStore());
    const three = [...models, { id: "big", load: true }];
    const footprint = (id: string) => ({ pool: "gpu" as const, mb: id === "big" ? 3000 : 1000 });
    const plan = groupLoads(planBench(three, tasks, new Set()), footprint, () => 2500);
    const loaded: [string, LoadCost][] = [];
    const outcome = await runBench({
      ...options(engine, store),
      plan,
      onEvent: (e) => {
        if (e.type === "loaded") loaded.push([e.modelId, e.cost]);
      },
    });
    expect(outcome).toBe("done");
    expect(engine.loads).toEqual([["gen", "spec"], ["big"]]);
    expect(engine.chats).toHaveLength(18);
    // The shared call's time is each one's, and says with whom it was shared.
    expect(loaded.map(([id, c]) => [id, c.with ?? []])).toEqual([
      ["gen", ["spec"]],
      ["spec", ["gen"]],
      ["big", []],
    ]);
  });

  it("after a crash mid-suite, resumes where it stopped and runs no item twice", async () => {
    const engine = new CountingEngine();
    const store = createBenchStore(createMemoryStore());
    engine.crashOn = "gen/m3";
    await expect(
      runBench({ ...options(engine, store), plan: planBench(models, tasks, new Set()) }),
    ).rejects.toMatchObject({ code: "device-lost" });
    const before = await store.results("r1");
    expect(before.map((r) => r.itemId).sort()).toEqual(["m0", "m1", "m2"]);
    // A reload: the plan is made again from what is stored, and the engine no longer crashes.
    engine.crashOn = null;
    const answered = new Set(before.map((r) => resultKey(r.modelId, r.suiteId, r.itemId)));
    const plan = planBench(models, tasks, answered, engine.loaded());
    expect(plan[0]?.tasks.map((t) => t.item.id)).toEqual(["m3", "m4", "m5"]);
    expect(await runBench({ ...options(engine, store), plan })).toBe("done");
    expect(new Set(engine.chats).size).toBe(engine.chats.length); // no (model, item) asked twice
    expect(engine.chats).toHaveLength(12);
    expect(await store.results("r1")).toHaveLength(12);
  });

  it("pauses after the item in flight, and stops an item past its time limit", async () => {
    const engine = new CountingEngine();
    const store = createBenchStore(createMemoryStore());
    let asked = 0;
    const outcome = await runBench({
      ...options(engine, store),
      plan: planBench(models, tasks, new Set()),
      shouldPause: () => asked >= 2,
      onEvent: (e) => {
        if (e.type === "item") asked++;
      },
    });
    expect(outcome).toBe("paused");
    expect(engine.chats).toHaveLength(2);

    const slow = new CountingEngine();
    slow.chat = (_request, opts) =>
      new Promise((resolve) =>
        opts.signal?.addEventListener("abort", () =>
          resolve({ text: "partial", reasoning: "", finishReason: "abort", usage }),
        ),
      );
    const store2 = createBenchStore(createMemoryStore());
    await runBench({
      ...options(slow, store2),
      plan: planBench([{ id: "gen", load: true }], tasks.slice(0, 1), new Set()),
      itemTimeoutMs: 5,
    });
    const [result] = await store2.results("r1");
    expect(result?.finishReason).toBe("timeout");
    expect(result?.verdict).toMatchObject({
      pass: false,
      reason: expect.stringMatching(/time limit/),
    });
  });

  it("counts the runner's own time per item apart from generation", async () => {
    // A hand-driven clock: each chat takes 50 ms, each save 2 ms, nothing else moves time.
    let clock = 0;
    const scheduler = {
      now: () => clock,
      setTimeout: () => 0 as unknown as ReturnType<typeof setTimeout>,
      clearTimeout: () => {},
    };
    const engine = new CountingEngine();
    const chat = engine.chat.bind(engine);
    engine.chat = async (request, opts) => {
      clock += 50;
      return chat(request, opts);
    };
    const store = createBenchStore(createMemoryStore());
    const seen: { generationMs: number; overheadMs: number }[] = [];
    await runBench({
      ...options(engine, store),
      plan: planBench([{ id: "gen", load: true }], tasks.slice(0, 3), new Set()),
      scheduler,
      save: async (r) => {
        if (!r.verdict) clock += 2;
        await store.saveResult(r);
      },
      onEvent: (e) => {
        if (e.type === "answered")
          seen.push({ generationMs: e.generationMs, overheadMs: e.overheadMs });
      },
    });
    expect(seen).toEqual(Array.from({ length: 3 }, () => ({ generationMs: 50, overheadMs: 2 })));
  });

  it("asks up to N items at once where the runtime serves in parallel, each item once", async () => {
    // Chats wait until the test lets them finish, so how many are in flight is observable.
    const engine = new CountingEngine();
    const chat = engine.chat.bind(engine);
    const waiting: (() => void)[] = [];
    let inFlight = 0;
    const peak: Record<string, number> = {};
    engine.chat = async (request, opts) => {
      inFlight++;
      peak[request.modelId] = Math.max(peak[request.modelId] ?? 0, inFlight);
      await new Promise<void>((release) => waiting.push(release));
      inFlight--;
      return chat(request, opts);
    };
    const store = createBenchStore(createMemoryStore());
    const run = runBench({
      ...options(engine, store),
      plan: planBench(models, tasks, new Set()),
      concurrency: (id) => (id === "gen" ? 3 : 1),
    });
    // Release the oldest waiting chat whenever one waits, until the run ends.
    let done = false;
    void run.finally(() => (done = true));
    while (!done) {
      await new Promise((r) => setTimeout(r, 0));
      waiting.shift()?.();
    }
    expect(await run).toBe("done");
    expect(peak).toEqual({ gen: 3, spec: 1 });
    expect(new Set(engine.chats).size).toBe(12);
    expect(engine.chats).toHaveLength(12);
    expect(await store.results("r1")).toHaveLength(12);
  });

  it("pausing a parallel step starts no new item and a resume asks only the rest", async () => {
    const engine = new CountingEngine();
    const store = createBenchStore(createMemoryStore());
    let asked = 0;
    const gen = [{ id: "gen", load: true }];
    const outcome = await runBench({
      ...options(engine, store),
      plan: planBench(gen, tasks, new Set()),
      concurrency: () => 2,
      shouldPause: () => asked >= 3,
      onEvent: (e) => {
        if (e.type === "item") asked++;
      },
    });
    expect(outcome).toBe("paused");
    const before = await store.results("r1");
    expect(before).toHaveLength(asked);
    const answered = new Set(before.map((r) => resultKey(r.modelId, r.suiteId, r.itemId)));
    const plan = planBench(gen, tasks, answered, engine.loaded());
    expect(await runBench({ ...options(engine, store), plan, concurrency: () => 2 })).toBe("done");
    expect(new Set(engine.chats).size).toBe(engine.chats.length);
    expect(engine.chats).toHaveLength(6);
  });

  it("a crash in one parallel request stops the step once the others finish", async () => {
    const engine = new CountingEngine();
    engine.crashOn = "gen/m1";
    const store = createBenchStore(createMemoryStore());
    await expect(
      runBench({
        ...options(engine, store),
        plan: planBench(models, tasks, new Set()),
        concurrency: () => 2,
      }),
    ).rejects.toMatchObject({ code: "device-lost" });
    // gen/m0 (its partner) is kept; nothing after the crash started, spec never ran.
    const saved = (await store.results("r1")).map((r) => `${r.modelId}/${r.itemId}`);
    expect(saved).toEqual(["gen/m0"]);
  });
});
