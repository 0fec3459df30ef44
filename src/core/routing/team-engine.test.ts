import { describe, expect, it } from "vitest";
import type { ChatRequest, ChatResult, Engine, LoadOptions } from "../engine/types";
import { PartialLoadError } from "../engine/engine-set";
import { PolymathError } from "../errors";
import type { RouterModel } from "./model";
import { createRouter } from "./router";
import committed from "./router-model.json";
import { DEFAULT_DOMAIN_PROMPTS } from "./domain-prompts";
import { PROMPTED_MODEL_ID } from "./labels";
import { TEAM_MODEL_ID, TeamEngine, withPreamble } from "./team-engine";

/** A fake engine that counts loads and answers with the model's id (no model output). */
class Members implements Engine {
  readonly kind = "replay" as const;
  resident: string[] = [];
  loads: string[][] = [];
  asked: string[] = [];
  async load(ids: string[]) {
    this.loads.push([...ids]);
    this.resident = [...ids];
  }
  loaded() {
    return [...this.resident];
  }
  async chat(request: ChatRequest): Promise<ChatResult> {
    this.asked.push(request.modelId);
    return {
      text: request.modelId,
      reasoning: "",
      finishReason: "stop",
      usage: {
        promptTokens: 1,
        completionTokens: 1,
        ttftMs: 1,
        prefillTokensPerS: 1,
        decodeTokensPerS: 1,
        totalMs: 1,
      },
    };
  }
  async interrupt() {}
  async unload() {
    this.resident = [];
  }
}

const router = createRouter(committed as RouterModel);
const memory = (id: string) => ({ coder: 1000, mathy: 1000, generalist: 1200 })[id] ?? 0;
const team = { mapping: { code: "coder" as const, math: "mathy" }, fallback: "generalist" };
// Code, math, code, chat.
const workload = [
  'def add(a, b):\n    """Return the sum of a and b."""',
  "A shop sells pens at $3 each. How many pens can Ana buy with $27?",
  "function reverse(s) {\n  // Return s reversed.\n}",
  "Do you think it's worth visiting Paris in winter?",
];
const ask = (engine: TeamEngine, content: string, modelId = TEAM_MODEL_ID) =>
  engine.chat(
    { modelId, messages: [{ role: "user", content }], params: {} },
    { onChunk: () => {} },
  );

describe("the routed team as an Engine", () => {
  it("routes each prompt to its member and loads each once when the team fits", async () => {
    const inner = new Members();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    const members: string[] = [];
    for (const p of workload) {
      await ask(engine, p);
      members.push(engine.routeOf(engine.id)!.member);
    }
    expect(members).toEqual(["coder", "mathy", "coder", "generalist"]);
    expect(inner.asked).toEqual(members);
    // Least recently used first: coder was asked again after mathy.
    expect(inner.loads).toEqual([["coder"], ["coder", "mathy"], ["mathy", "coder", "generalist"]]);
    expect(engine.totals).toMatchObject({ answers: 4, loads: 3, unloads: 0, switches: 2 });
    expect(engine.routeOf(engine.id)).toMatchObject({ label: "chat", reason: "no-specialist" });
  });

  it("unloads and reloads within a budget of one member", async () => {
    const inner = new Members();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 1500 });
    const routes = [];
    for (const p of workload) {
      await ask(engine, p);
      routes.push(engine.routeOf(engine.id)!);
    }
    expect(routes.map((r) => [r.member, r.switched, r.unloaded])).toEqual([
      ["coder", true, []],
      ["mathy", true, ["coder"]],
      ["coder", true, ["mathy"]],
      ["generalist", true, ["coder"]],
    ]);
    expect(engine.totals).toMatchObject({ loads: 4, unloads: 3, switches: 3 });
    expect(routes.every((r) => r.routingMs >= 0 && r.confidence > 0)).toBe(true);
  });

  it("sends a message addressed to a member straight to it (the user's override)", async () => {
    const inner = new Members();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    await engine.load(["generalist"]);
    await ask(engine, workload[0]!, "generalist");
    expect(inner.asked).toEqual(["generalist"]);
    expect(engine.routeOf(engine.id)).toBe(null);
    expect(engine.totals.answers).toBe(0);
  });

  it("an unsure prompt goes to the fallback", async () => {
    const inner = new Members();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    await ask(
      engine,
      "I'm cooking for 14 people and each needs 180 g of pasta. How many 500 g packs should I buy, and what sauce would you pick?",
    );
    expect(engine.routeOf(engine.id)).toMatchObject({ member: "generalist", reason: "unsure" });
  });

  it("a vague follow-up stays with the conversation's specialist; alone it falls back", async () => {
    const inner = new Members();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    const messages = [
      { role: "user" as const, content: workload[0]! },
      { role: "assistant" as const, content: "def add(a, b):\n    return a + b" },
      { role: "user" as const, content: "Make it faster." },
    ];
    await engine.chat({ modelId: TEAM_MODEL_ID, messages, params: {} }, { onChunk: () => {} });
    expect(engine.routeOf(engine.id)).toMatchObject({
      member: "coder",
      label: "code",
      followUp: true,
    });
    await ask(engine, "Make it faster.");
    expect(engine.routeOf(engine.id)).toMatchObject({ member: "generalist", reason: "unsure" });
    expect(engine.routeOf(engine.id)!.followUp).toBeUndefined();
    // Compare pins a turn with the prompts before it: the same decision.
    expect(engine.pin([workload[0]!, "Make it faster."])).toMatchObject({ member: "coder" });
  });

  it("a pinned prompt's member loads when a load names the team, and answers that prompt", async () => {
    const inner = new Members();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    await engine.load(["generalist"]);
    const pinned = engine.pin([workload[0]!]);
    expect(pinned).toMatchObject({ member: "coder", label: "code", reason: "specialist" });
    await engine.load(["generalist", TEAM_MODEL_ID]);
    expect(inner.loads.at(-1)).toEqual(["generalist", "coder"]);
    await ask(engine, workload[0]!);
    expect(inner.asked).toEqual(["coder"]);
    expect(engine.routeOf(engine.id)).toMatchObject({
      member: "coder",
      switched: true,
      unloaded: [],
    });
    // The pin is spent: the next prompt is routed on its own, and the loaded coder needs no load.
    await engine.load([TEAM_MODEL_ID]);
    expect(inner.loads).toHaveLength(2);
    await ask(engine, workload[2]!);
    expect(engine.routeOf(engine.id)).toMatchObject({ member: "coder", switched: false });
    // The team's first load is its start, not a switch.
    expect(engine.totals).toMatchObject({ answers: 2, loads: 1, switches: 0 });
  });

  it("reports the pinned member's load progress as the team's", async () => {
    class Progressing extends Members {
      override async load(ids: string[], options?: LoadOptions) {
        for (const modelId of ids) {
          options?.onProgress?.({ modelId, phase: "ready", fraction: 1, text: "", elapsedMs: 0 });
        }
        await super.load(ids);
      }
    }
    const engine = new TeamEngine({
      inner: new Progressing(),
      router,
      team,
      memoryMB: memory,
      budgetMB: 4000,
    });
    engine.pin([workload[0]!]);
    const seen: string[] = [];
    await engine.load(["generalist", TEAM_MODEL_ID], { onProgress: (p) => seen.push(p.modelId) });
    expect(seen).toEqual(["generalist", TEAM_MODEL_ID]);
  });

  it("a pinned member that fails to load fails the team's column too", async () => {
    const failure = new PolymathError("network", "coder did not load");
    class Failing extends Members {
      override async load() {
        throw new PartialLoadError({ coder: failure });
      }
    }
    const engine = new TeamEngine({
      inner: new Failing(),
      router,
      team,
      memoryMB: memory,
      budgetMB: 4000,
    });
    engine.pin([workload[0]!]);
    const error = await engine.load(["generalist", TEAM_MODEL_ID]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialLoadError);
    expect((error as PartialLoadError).byModel[TEAM_MODEL_ID]).toBe(failure);
  });

  it("a pinned prompt whose member is already loaded costs no switch", async () => {
    const inner = new Members();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    await engine.load(["generalist"]);
    expect(engine.pin([workload[3]!]).member).toBe("generalist");
    await engine.load(["generalist", TEAM_MODEL_ID]);
    expect(inner.loads).toEqual([["generalist"], ["generalist"]]);
    await ask(engine, workload[3]!);
    expect(engine.routeOf(engine.id)).toMatchObject({ member: "generalist", switched: false });
  });

  it("a member answers one chat at a time (another column may be the same model)", async () => {
    const open: string[] = [];
    const overlaps: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    class Slow extends Members {
      override async chat(request: ChatRequest): Promise<ChatResult> {
        if (open.includes(request.modelId)) overlaps.push(request.modelId);
        open.push(request.modelId);
        await gate;
        open.splice(open.indexOf(request.modelId), 1);
        return super.chat(request);
      }
    }
    const inner = new Slow();
    const engine = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    await engine.load(["generalist"]);
    const both = Promise.all([ask(engine, "hello", "generalist"), ask(engine, workload[3]!)]);
    await Promise.resolve();
    release();
    await both;
    expect(inner.asked).toEqual(["generalist", "generalist"]);
    expect(overlaps).toEqual([]);
  });
});

describe("the prompt-specialized generalist as a team engine", () => {
  /** Keeps each request's messages (what the generalist was told). */
  class Told extends Members {
    told: ChatRequest["messages"][] = [];
    override async chat(request: ChatRequest) {
      this.told.push(request.messages);
      return super.chat(request);
    }
  }
  const prompted = (inner: Engine) =>
    new TeamEngine({
      inner,
      router,
      team: { mapping: {}, fallback: "generalist" },
      memoryMB: memory,
      budgetMB: 4000,
      id: PROMPTED_MODEL_ID,
      prompts: DEFAULT_DOMAIN_PROMPTS,
    });

  it("answers every prompt with the generalist, told the routed label's domain prompt", async () => {
    const inner = new Told();
    const engine = prompted(inner);
    for (const p of workload.slice(0, 2)) await ask(engine, p, PROMPTED_MODEL_ID);
    expect(inner.asked).toEqual(["generalist", "generalist"]);
    expect(inner.told.map((m) => m[0])).toEqual([
      { role: "system", content: DEFAULT_DOMAIN_PROMPTS.code.system },
      { role: "system", content: DEFAULT_DOMAIN_PROMPTS.math.system },
    ]);
    expect(inner.told[1]?.at(-1)).toEqual({ role: "user", content: workload[1] });
    expect(engine.routeOf(engine.id)).toMatchObject({
      member: "generalist",
      label: "math",
      prompt: "math",
    });
    // One model: loaded once, never switched.
    expect(inner.loads).toEqual([["generalist"]]);
    expect(engine.totals).toMatchObject({ answers: 2, loads: 1, switches: 0 });
  });

  it("tells no domain prompt when the router is unsure, and keeps the chat's own system prompt", async () => {
    const inner = new Told();
    const engine = prompted(inner);
    await ask(engine, "Make it faster.", PROMPTED_MODEL_ID);
    expect(engine.routeOf(engine.id)).toMatchObject({ reason: "unsure", prompt: null });
    expect(inner.told[0]).toEqual([{ role: "user", content: "Make it faster." }]);
    await engine.chat(
      {
        modelId: PROMPTED_MODEL_ID,
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: workload[0]! },
        ],
        params: {},
      },
      { onChunk: () => {} },
    );
    expect(inner.told[1]).toEqual([
      { role: "system", content: `${DEFAULT_DOMAIN_PROMPTS.code.system}\n\nBe brief.` },
      { role: "user", content: workload[0] },
    ]);
  });

  it("sends a worked example as a first exchange", () => {
    const example = { user: "2 + 2?", assistant: "4" };
    expect(
      withPreamble([{ role: "user", content: "3 + 3?" }], { system: "Be exact.", example }),
    ).toEqual([
      { role: "system", content: "Be exact." },
      { role: "user", content: "2 + 2?" },
      { role: "assistant", content: "4" },
      { role: "user", content: "3 + 3?" },
    ]);
  });

  it("wraps the routed team: each id is answered by its own engine and says its own route", async () => {
    const inner = new Told();
    const routedTeam = new TeamEngine({ inner, router, team, memoryMB: memory, budgetMB: 4000 });
    const chain = prompted(routedTeam);
    await ask(chain, workload[0]!, TEAM_MODEL_ID);
    await ask(chain, workload[1]!, PROMPTED_MODEL_ID);
    expect(inner.asked).toEqual(["coder", "generalist"]);
    expect(chain.routeOf(TEAM_MODEL_ID)).toMatchObject({ member: "coder", label: "code" });
    expect(chain.routeOf(TEAM_MODEL_ID)?.prompt).toBeUndefined();
    expect(chain.routeOf(PROMPTED_MODEL_ID)).toMatchObject({
      member: "generalist",
      prompt: "math",
    });
    expect(chain.routeOf("generalist")).toBe(null);
    expect(chain.teamFor(TEAM_MODEL_ID)).toBe(routedTeam);
    expect(chain.teamFor(PROMPTED_MODEL_ID)).toBe(chain);
    // The routed team's member got no domain prompt.
    expect(inner.told[0]).toEqual([{ role: "user", content: workload[0] }]);
  });
});
