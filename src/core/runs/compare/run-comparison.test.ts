import { describe, expect, it } from "vitest";
import { PolymathError } from "../../errors";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  LoadOptions,
  StreamOptions,
} from "../../engine/types";
import { PartialLoadError } from "../../engine/engine-set";
import { runComparison, type ColumnStatus } from "./run-comparison";
import { planComparison } from "../schedule";

const tick = () => new Promise<void>((r) => setTimeout(r, 1));
const usage = {
  promptTokens: 3,
  completionTokens: 3,
  ttftMs: 1,
  prefillTokensPerS: 1,
  decodeTokensPerS: 1,
  totalMs: 3,
};

/**
 * A fake engine for these tests: it "answers" with fixed fixture words (not model output), counts
 * loads, tracks how many chats run at once, and honours interrupt() like the real engine contract.
 * Like web-llm's reload, `load(ids)` replaces the resident set.
 */
class FakeEngine implements Engine {
  readonly kind = "replay" as const;
  resident = new Set<string>();
  loads: string[][] = [];
  unloads: string[][] = [];
  interrupts = 0;
  active = 0;
  maxActive = 0;
  failLoad = new Set<string>();
  failChat = new Set<string>();
  private stop = false;

  async load(ids: string[], options?: LoadOptions) {
    this.loads.push(ids);
    this.resident.clear();
    for (const id of ids) {
      options?.onProgress?.({
        modelId: id,
        phase: "fetching",
        fraction: 0.5,
        text: "half",
        elapsedMs: 1,
      });
      await tick();
      if (this.failLoad.has(id)) throw new PolymathError("out-of-memory", `no room for ${id}`);
      this.resident.add(id);
    }
  }
  loaded() {
    return [...this.resident];
  }
  async chat(req: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    if (!this.resident.has(req.modelId)) throw new PolymathError("model-not-loaded", req.modelId);
    this.stop = false;
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    let text = "";
    try {
      for (const word of ["one ", "two ", "three"]) {
        await tick();
        if (this.stop) return { text, reasoning: "", finishReason: "abort", usage };
        if (this.failChat.has(req.modelId)) throw new Error("GPU hiccup");
        text += word;
        options.onChunk({ delta: word });
      }
      return { text, reasoning: "", finishReason: "stop", usage };
    } finally {
      this.active--;
    }
  }
  async interrupt() {
    this.interrupts++;
    this.stop = true;
  }
  async unload(ids?: string[]) {
    this.unloads.push(ids ?? [...this.resident]);
    for (const id of ids ?? [...this.resident]) this.resident.delete(id);
  }
}

const models = [
  { id: "gen", vramMB: 2000 },
  { id: "code", vramMB: 1700 },
  { id: "math", vramMB: 1600 },
];
const messagesFor = (id: string) => [{ role: "user" as const, content: `hello ${id}` }];

function recorder() {
  const history: Record<string, ColumnStatus["state"][]> = {};
  const chunks: Record<string, string> = {};
  return {
    history,
    chunks,
    onStatus: (id: string, s: ColumnStatus) => (history[id] ??= []).push(s.state),
    onChunk: (id: string, c: { delta: string }) => (chunks[id] = (chunks[id] ?? "") + c.delta),
  };
}

/** Two runtimes in one: a load that fails for some models keeps the others, as `EngineSet` does. */
class PartlyFailingEngine extends FakeEngine {
  override async load(ids: string[], options?: LoadOptions) {
    const failing = ids.filter((id) => this.failLoad.has(id));
    await super.load(
      ids.filter((id) => !failing.includes(id)),
      options,
    );
    if (failing.length > 0) {
      const error = new PolymathError("network", "Could not download the model files.");
      throw new PartialLoadError(Object.fromEntries(failing.map((id) => [id, error])));
    }
  }
}

describe("runComparison", () => {
  it("after a partial load, answers with the models that loaded and fails only the others", async () => {
    const engine = new PartlyFailingEngine();
    engine.failLoad.add("code");
    const plan = planComparison(models, 8000);
    const final = await runComparison({ engine, plan, messagesFor, params: {} });
    expect(final.gen?.state).toBe("done");
    expect(final.math?.state).toBe("done");
    expect(final.code).toMatchObject({ state: "error", error: { code: "network" } });
  });

  it("loads once per model and generates concurrently when all fit", async () => {
    const engine = new FakeEngine();
    const rec = recorder();
    const plan = planComparison(models, 8000);
    const final = await runComparison({ engine, plan, messagesFor, params: {}, ...rec });
    expect(engine.loads).toEqual([["gen", "code", "math"]]);
    expect(engine.maxActive).toBe(3);
    expect(Object.values(final).map((s) => s.state)).toEqual(["done", "done", "done"]);
    expect(rec.chunks).toEqual({
      gen: "one two three",
      code: "one two three",
      math: "one two three",
    });
    expect(rec.history.gen).toEqual(["waiting", "loading", "loading", "generating", "done"]);
  });

  it("runs one model at a time when they do not fit, loading each once", async () => {
    const engine = new FakeEngine();
    const plan = planComparison(models, 2500);
    const final = await runComparison({ engine, plan, messagesFor, params: {} });
    expect(engine.loads).toEqual([["gen"], ["code"], ["math"]]);
    expect(engine.maxActive).toBe(1);
    expect(engine.unloads).toEqual([]);
    expect(Object.values(final).every((s) => s.state === "done")).toBe(true);
  });

  it("keeps a resident model when loading the rest of a set that fits together", async () => {
    const engine = new FakeEngine();
    engine.resident.add("code");
    const rec = recorder();
    const plan = planComparison(models.slice(0, 2), 8000, engine.loaded());
    const final = await runComparison({ engine, plan, messagesFor, params: {}, ...rec });
    expect(engine.loads).toEqual([["gen", "code"]]);
    expect(engine.loaded().sort()).toEqual(["code", "gen"]);
    expect(final.code?.state).toBe("done");
    expect(final.gen?.state).toBe("done");
  });

  it("passes each chunk's time since its own request started", async () => {
    const engine = new FakeEngine();
    let clock = 1000;
    const times: Record<string, number[]> = {};
    await runComparison({
      engine,
      plan: planComparison(models, 2500),
      messagesFor,
      params: {},
      now: () => (clock += 5),
      onChunk: (id, _chunk, t) => (times[id] ??= []).push(t),
    });
    for (const id of ["gen", "code", "math"]) {
      const ts = times[id] ?? [];
      expect(ts).toHaveLength(3);
      // The clock moves 5 ms per read: start, then one read per chunk.
      expect(ts).toEqual([5, 10, 15]);
    }
  });

  it("starts with the model already loaded and does not reload it", async () => {
    const engine = new FakeEngine();
    engine.resident.add("math");
    const plan = planComparison(models, 2500, engine.loaded());
    const order: string[] = [];
    await runComparison({
      engine,
      plan,
      messagesFor,
      params: {},
      onStatus: (id, s) => s.state === "generating" && order.push(id),
    });
    expect(order).toEqual(["math", "gen", "code"]);
    expect(engine.loads.flat()).toEqual(["gen", "code"]);
  });

  it("stops mid-run: interrupts the generation, cancels the rest, loads nothing more", async () => {
    const engine = new FakeEngine();
    const controller = new AbortController();
    const plan = planComparison(models, 2500);
    const final = await runComparison({
      engine,
      plan,
      messagesFor,
      params: {},
      signal: controller.signal,
      onChunk: (id) => id === "code" && controller.abort(),
    });
    expect(engine.interrupts).toBe(1);
    expect(final.gen?.state).toBe("done");
    expect(final.code).toMatchObject({
      state: "cancelled",
      result: { text: "one ", finishReason: "abort" },
    });
    expect(final.math?.state).toBe("cancelled");
    expect(engine.loads).toEqual([["gen"], ["code"]]);
  });

  it("marks a model too big for the budget as skipped", async () => {
    const engine = new FakeEngine();
    const plan = planComparison([...models, { id: "huge", vramMB: 9000 }], 8000);
    const final = await runComparison({ engine, plan, messagesFor, params: {} });
    expect(final.huge).toMatchObject({ state: "skipped" });
    expect(engine.loads.flat()).not.toContain("huge");
  });

  it("reports a failed load or answer on its column and carries on with the others", async () => {
    const engine = new FakeEngine();
    engine.failLoad.add("code");
    engine.failChat.add("math");
    const final = await runComparison({
      engine,
      plan: planComparison(models, 2500),
      messagesFor,
      params: {},
    });
    expect(final.gen?.state).toBe("done");
    expect(final.code).toMatchObject({ state: "error", error: { code: "out-of-memory" } });
    expect(final.math).toMatchObject({ state: "error", error: { message: "GPU hiccup" } });
  });
});
