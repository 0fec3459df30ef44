import { describe, expect, it } from "vitest";
import { RUNTIME_TRAITS } from "../../core/engine/runtime";
import type { ChatRequest, ChatResult, Engine } from "../../core/engine/types";
import type { RouterModel } from "../../core/routing/model";
import { createRouter } from "../../core/routing/router";
import committed from "../../core/routing/router-model.json";
import { DEFAULT_DOMAIN_PROMPTS } from "../../core/routing/domain-prompts";
import { PROMPTED_MODEL_ID as PROMPTED } from "../../core/routing/labels";
import { TEAM_MODEL_ID as TEAM, TeamEngine } from "../../core/routing/team-engine";
import { createConversationStore } from "../../core/storage/conversations";
import { createMemoryStore } from "../../core/storage/memory-store";
import { ConversationLibrary } from "./chat-library.svelte";
import { ChatState } from "./chat.svelte";

/** A fake engine that answers with the model's id at once (no model output). */
class Members implements Engine {
  readonly kind = "replay" as const;
  resident: string[] = [];
  asked: string[] = [];
  /** The messages each chat was asked with. */
  told: ChatRequest["messages"][] = [];
  async load(ids: string[]) {
    this.resident = [...ids];
  }
  loaded() {
    return [...this.resident];
  }
  async chat(request: ChatRequest): Promise<ChatResult> {
    if (!this.resident.includes(request.modelId)) throw new Error(`${request.modelId} not loaded`);
    this.asked.push(request.modelId);
    this.told.push(request.messages);
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
const MATH = "A shop sells pens at $3 each. How many pens can Ana buy with $27?";
const MEMBERS = [
  { id: "coder", name: "Coder" },
  { id: "mathy", name: "Mathy" },
  { id: "gen", name: "Generalist" },
];

function setup(chosen = TEAM) {
  const inner = new Members();
  const router = createRouter(committed as RouterModel);
  const routed = new TeamEngine({
    inner,
    router,
    team: { mapping: { code: "coder", math: "mathy" }, fallback: "gen" },
    memoryMB: () => 1000,
    budgetMB: 1500,
  });
  // As the app's: the prompt-specialized generalist's engine wraps the team's.
  const team = new TeamEngine({
    inner: routed,
    router,
    team: { mapping: {}, fallback: "gen" },
    memoryMB: () => 1000,
    budgetMB: 1500,
    id: PROMPTED,
    prompts: DEFAULT_DOMAIN_PROMPTS,
  });
  let n = 0;
  const store = createMemoryStore();
  const chat = new ChatState({
    engine: {
      recording: null,
      traitsOf: () => RUNTIME_TRAITS.webllm,
      progress: {},
      // As the app's: the team loads its own members; a member asked directly is loaded.
      load: async (ids) => {
        const direct = ids.filter((id) => id !== TEAM && id !== PROMPTED);
        if (direct.length > 0) await inner.load(direct);
      },
      engine: async () => team,
      cancelLoad: () => {},
    },
    library: new ConversationLibrary(async () => ({ store, persistent: true })),
    defaultModel: () => chosen,
    teamMembers: () => MEMBERS,
    newId: () => `id${++n}`,
  });
  return { chat, inner, stored: () => createConversationStore(store) };
}

const answers = (chat: ChatState) =>
  chat.conversation.messages.filter((m) => m.role === "assistant");

describe("Chat with the routed team: the user's pick for one answer", () => {
  it("answers the last prompt with the chosen member once; the next prompt is routed again", async () => {
    const { chat, inner } = setup();
    expect(chat.teamMembers).toEqual(MEMBERS);
    await chat.send(CODE);
    expect(answers(chat)[0]).toMatchObject({
      modelId: TEAM,
      route: { member: "coder", reason: "specialist" },
    });

    await chat.regenerate("gen");
    const [picked] = answers(chat);
    expect(answers(chat)).toHaveLength(1);
    expect(picked).toMatchObject({
      modelId: "gen",
      chosenMember: true,
      content: "answered by gen",
    });
    expect(picked?.route).toBeUndefined();
    // The conversation stays with the team.
    expect(chat.conversation.modelId).toBe(TEAM);

    await chat.send(MATH);
    expect(answers(chat)[1]).toMatchObject({
      modelId: TEAM,
      route: { member: "mathy", label: "math" },
    });
    expect(answers(chat)[1]?.chosenMember).toBeUndefined();
    expect(inner.asked).toEqual(["coder", "gen", "mathy"]);
  });

  it("refuses a model that is not on the team, and offers no members without the team", async () => {
    const { chat, inner } = setup();
    await chat.send(CODE);
    await chat.regenerate("someone-else");
    expect(answers(chat)[0]?.route?.member).toBe("coder");
    expect(inner.asked).toEqual(["coder"]);
    chat.setModel("gen");
    expect(chat.teamMembers).toEqual([]);
  });

  it("routes a vague follow-up with the conversation before it, and saves that it did", async () => {
    const { chat, inner, stored } = setup();
    await chat.send(CODE);
    // On its own the router is unsure of this; after a code request it reads as code.
    await chat.send("Make it faster.");
    const followUp = answers(chat)[1];
    expect(followUp).toMatchObject({
      modelId: TEAM,
      route: { member: "coder", label: "code", reason: "specialist", followUp: true },
    });
    expect(answers(chat)[0]?.route?.followUp).toBeUndefined();
    expect(inner.asked).toEqual(["coder", "coder"]);
    const saved = await stored().get(chat.conversation.id);
    const savedAnswers = saved?.messages.filter((m) => m.role === "assistant");
    expect(savedAnswers?.map((m) => m.route?.followUp)).toEqual([undefined, true]);
  });
});

describe("Chat with the prompt-specialized generalist", () => {
  it("answers with the generalist told the routed domain prompt, and saves which one", async () => {
    const { chat, inner, stored } = setup(PROMPTED);
    chat.setSystemPrompt("Be brief.");
    await chat.send(CODE);
    await chat.send(MATH);
    expect(inner.asked).toEqual(["gen", "gen"]);
    // The domain prompt joins the conversation's own system prompt.
    expect(inner.told.map((m) => m[0])).toEqual([
      { role: "system", content: `${DEFAULT_DOMAIN_PROMPTS.code.system}\n\nBe brief.` },
      { role: "system", content: `${DEFAULT_DOMAIN_PROMPTS.math.system}\n\nBe brief.` },
    ]);
    expect(
      answers(chat).map((m) => [m.modelId, m.content, m.route?.member, m.route?.prompt]),
    ).toEqual([
      [PROMPTED, "answered by gen", "gen", "code"],
      [PROMPTED, "answered by gen", "gen", "math"],
    ]);
    expect(answers(chat)[0]?.route).toMatchObject({ label: "code", switched: true });
    expect(answers(chat)[1]?.route?.switched).toBe(false);
    const saved = await stored().get(chat.conversation.id);
    expect(
      saved?.messages.filter((m) => m.role === "assistant").map((m) => m.route?.prompt),
    ).toEqual(["code", "math"]);
    // No members to pick from: one model answers.
    expect(chat.teamMembers).toEqual([]);
  });

  it("tells no domain prompt when the router is unsure, and saves that", async () => {
    const { chat, inner } = setup(PROMPTED);
    await chat.send("Make it faster.");
    expect(answers(chat)[0]?.route).toMatchObject({
      member: "gen",
      reason: "unsure",
      prompt: null,
    });
    expect(inner.told[0]).toEqual([{ role: "user", content: "Make it faster." }]);
  });
});
