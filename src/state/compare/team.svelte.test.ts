import { describe, expect, it } from "vitest";
import type { ChatRequest, ChatResult, Engine } from "../../core/engine/types";
import { createComparisonStore, type ComparisonStore } from "../../core/runs/compare/comparisons";
import type { RouterModel } from "../../core/routing/model";
import { createRouter } from "../../core/routing/router";
import committed from "../../core/routing/router-model.json";
import { DEFAULT_DOMAIN_PROMPTS } from "../../core/routing/domain-prompts";
import { isRoutedModelId, PROMPTED_MODEL_ID as PROMPTED } from "../../core/routing/labels";
import { TEAM_MODEL_ID as TEAM, TeamEngine } from "../../core/routing/team-engine";
import type { Conversation } from "../../core/storage/conversation-schema";
import { createMemoryStore } from "../../core/storage/memory-store";
import { CompareSession } from "./compare.svelte";
import { defaultCompareParams } from "./setup.svelte";

/** A fake engine that records loads and answers with the model's id (no model output). */
class Members implements Engine {
  readonly kind = "replay" as const;
  resident: string[] = [];
  loads: string[][] = [];
  asked: string[] = [];
  /** The system prompt each chat was asked with ("" without one). */
  systems: string[] = [];
  async load(ids: string[]) {
    this.loads.push([...ids]);
    this.resident = [...ids];
  }
  loaded() {
    return [...this.resident];
  }
  async chat(request: ChatRequest): Promise<ChatResult> {
    if (!this.resident.includes(request.modelId)) throw new Error(`${request.modelId} not loaded`);
    this.asked.push(request.modelId);
    const first = request.messages[0];
    this.systems.push(first?.role === "system" ? first.content : "");
    return {
      text: `answered by ${request.modelId}`,
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

const CODE = 'def add(a, b):\n    """Return the sum of a and b."""';
const CHAT = "Do you think it's worth visiting Paris in winter?";
const memory: Record<string, number> = { gen: 1200, coder: 1000, mathy: 1000 };
const router = createRouter(committed as RouterModel);
const team = { mapping: { code: "coder", math: "mathy" }, fallback: "gen" };

function setup(budgetMB: number) {
  const inner = new Members();
  const routed = new TeamEngine({
    inner,
    router,
    team,
    memoryMB: (id) => memory[id] ?? 0,
    budgetMB,
  });
  // As the app's: the prompt-specialized generalist's engine wraps the team's.
  const engine = new TeamEngine({
    inner: routed,
    router,
    team: { mapping: {}, fallback: "gen" },
    memoryMB: (id) => memory[id] ?? 0,
    budgetMB,
    id: PROMPTED,
    prompts: DEFAULT_DOMAIN_PROMPTS,
  });
  const store: ComparisonStore = createComparisonStore(createMemoryStore());
  const conversations: Conversation[] = [];
  const budgets: string[][] = [];
  let n = 0;
  const session = new CompareSession({
    engine: {
      recording: null,
      engine: async (models) => (models?.some(isRoutedModelId) ? engine : inner),
      sync: async () => {},
    },
    comparisons: async () => store,
    budgetMB: (models) => {
      budgets.push([...models]);
      return budgetMB;
    },
    vramMB: (id) => memory[id] ?? 0,
    source: () => ({ engine: "webllm" }),
    recordVote: async () => {},
    saveConversation: async (c) => void conversations.push(c),
    newId: () => `id${++n}`,
  });
  return { session, inner, store, conversations, budgets };
}

const start = (session: CompareSession, prompt: string, blind = false) =>
  session.start(
    { models: ["gen", TEAM], systemPrompt: "", params: defaultCompareParams(), blind },
    prompt,
  );

describe("the routed team as a Compare column", () => {
  it("answers a code prompt with the code specialist beside the generalist, and says why", async () => {
    const { session, inner, store, budgets } = setup(2500);
    await start(session, CODE);
    const c = session.comparison!;
    expect(c.models).toEqual(["gen", TEAM]);
    expect(c.turns[0]?.answers[TEAM]?.text).toBe("answered by coder");
    expect(c.turns[0]?.answers["gen"]?.text).toBe("answered by gen");
    expect(c.turns[0]?.routes?.[TEAM]).toMatchObject({
      member: "coder",
      label: "code",
      reason: "specialist",
      switched: true,
    });
    expect(c.turns[0]?.routes?.[TEAM]?.confidence).toBeGreaterThan(0.5);
    // Both fit the budget: one load of the generalist and the member, planned as the member.
    expect(budgets).toEqual([["gen", "coder"]]);
    expect(inner.loads).toEqual([["gen", "coder"]]);
    expect(session.schedule?.mode).toBe("together");
    expect((await store.get(c.id))?.turns[0]?.routes?.[TEAM]?.member).toBe("coder");
  });

  it("loads one model at a time when the generalist and the member do not fit together", async () => {
    const { session, inner } = setup(1500);
    await start(session, CODE);
    expect(session.schedule?.mode).toBe("sequential");
    expect(inner.loads).toEqual([["gen"], ["coder"]]);
    expect(inner.loads.every((set) => set.reduce((s, id) => s + memory[id]!, 0) <= 1500)).toBe(
      true,
    );
    expect(session.comparison?.turns[0]?.answers[TEAM]?.text).toBe("answered by coder");
    // The next code prompt: the coder is still loaded, so it answers first, without a switch.
    await session.send("function reverse(s) {\n  // Return s reversed.\n}");
    expect(inner.loads).toEqual([["gen"], ["coder"], ["gen"]]);
    expect(session.comparison?.turns[1]?.routes?.[TEAM]).toMatchObject({
      member: "coder",
      switched: false,
    });
  });

  it("routes a vague follow-up with the turns before it: the code specialist answers it too", async () => {
    const { session } = setup(2500);
    await start(session, CODE);
    await session.send("Make it faster.");
    const route = session.comparison?.turns[1]?.routes?.[TEAM];
    expect(route).toMatchObject({ member: "coder", label: "code", followUp: true });
    expect(session.comparison?.turns[1]?.answers[TEAM]?.text).toBe("answered by coder");
  });

  it("answers with the generalist column's own model when the router sends it to the fallback", async () => {
    const { session, inner } = setup(1500);
    await start(session, CHAT);
    const turn = session.comparison!.turns[0]!;
    expect(turn.routes?.[TEAM]).toMatchObject({ member: "gen", reason: "no-specialist" });
    // One model held, within the budget; both columns asked it, one after the other.
    expect(inner.loads).toEqual([["gen"]]);
    expect(inner.asked).toEqual(["gen", "gen"]);
    expect(turn.answers[TEAM]?.text).toBe("answered by gen");
  });

  it("keeps the route of a blind comparison's team column for after the vote", async () => {
    const { session } = setup(2500);
    await start(session, CODE, true);
    expect(session.hidden).toBe(true);
    expect(session.alias(TEAM)).toBe("Model B");
    expect(session.comparison?.turns[0]?.routes?.[TEAM]?.member).toBe("coder");
  });

  it("a team column continued in Chat keeps who answered and why", async () => {
    const { session, conversations } = setup(2500);
    await start(session, CODE);
    await session.promote(TEAM);
    const reply = conversations[0]?.messages.find((m) => m.role === "assistant");
    expect(conversations[0]?.modelId).toBe(TEAM);
    expect(reply?.route).toMatchObject({ member: "coder", reason: "specialist" });
  });
});

describe("the prompt-specialized generalist as a Compare column", () => {
  it("answers beside the routed team with the generalist told the routed domain prompt", async () => {
    const { session, inner, store, budgets } = setup(2500);
    await session.start(
      { models: [TEAM, PROMPTED], systemPrompt: "", params: defaultCompareParams(), blind: false },
      CODE,
    );
    const c = session.comparison!;
    expect(c.turns[0]?.answers[TEAM]?.text).toBe("answered by coder");
    expect(c.turns[0]?.answers[PROMPTED]?.text).toBe("answered by gen");
    expect(c.turns[0]?.routes?.[PROMPTED]).toMatchObject({
      member: "gen",
      label: "code",
      prompt: "code",
      switched: true,
    });
    expect(c.turns[0]?.routes?.[TEAM]).toMatchObject({ member: "coder", reason: "specialist" });
    expect(c.turns[0]?.routes?.[TEAM]?.prompt).toBeUndefined();
    // The plan counts both members; both fit, so one load of the two.
    expect(budgets).toEqual([["coder", "gen"]]);
    expect(inner.loads).toEqual([["coder", "gen"]]);
    // Only the generalist's answer was told the code domain prompt.
    const told = Object.fromEntries(inner.asked.map((id, i) => [id, inner.systems[i]]));
    expect(told).toEqual({ coder: "", gen: DEFAULT_DOMAIN_PROMPTS.code.system });
    expect((await store.get(c.id))?.turns[0]?.routes?.[PROMPTED]?.prompt).toBe("code");
  });

  it("shares one model with the team when the router sends the team to its fallback", async () => {
    const { session, inner } = setup(1500);
    await session.start(
      { models: [TEAM, PROMPTED], systemPrompt: "", params: defaultCompareParams(), blind: false },
      CHAT,
    );
    const c = session.comparison!;
    expect(c.turns[0]?.routes?.[TEAM]?.member).toBe("gen");
    expect(c.turns[0]?.routes?.[PROMPTED]).toMatchObject({ member: "gen", prompt: "chat" });
    // One model within a budget of one: loaded once, both columns answer with it.
    expect(inner.loads).toEqual([["gen"]]);
    expect(inner.asked).toEqual(["gen", "gen"]);
  });
});
