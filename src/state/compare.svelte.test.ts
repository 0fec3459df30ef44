import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PolymathError } from "../core/errors";
import { parseRecording, type Recording } from "../core/engine/recording";
import { ReplayEngine, type ReplayOptions } from "../core/engine/replay-engine";
import type { Engine } from "../core/engine/types";
import type { Vote } from "../core/report/vote-types";
import { createComparisonStore, type ComparisonStore } from "../core/runs/comparisons";
import type { Conversation } from "../core/storage/conversation-schema";
import { createMemoryStore } from "../core/storage/memory-store";
import { defaultCompareParams } from "./compare-setup.svelte";
import { CompareSession, type CompareDeps, type CompareEngine } from "./compare.svelte";

// Synthetic fixture (three models, two turns each), not real model output.
const recording = parseRecording(
  readFileSync(
    new URL("../../tests/fixtures/recordings/compare-three-models.json", import.meta.url),
    "utf8",
  ),
);
const MODELS = recording.models.map((m) => m.id);
const [G, C, M] = MODELS as [string, string, string];
const PROMPT = recording.entries[0]!.request.messages[0]!.content;
const FOLLOW_UP = recording.entries[1]!.request.messages.at(-1)!.content;
const expected = (id: string, turn: number) =>
  recording.entries.filter((e) => e.modelId === id)[turn]!.result.text;

class FakeEngineState implements CompareEngine {
  readonly mode = "replay";
  syncs = 0;
  constructor(
    readonly recording: Recording,
    readonly inner: Engine,
  ) {}
  async engine() {
    return this.inner;
  }
  async sync() {
    this.syncs++;
  }
}

function setup(options: ReplayOptions = { speed: Infinity }, overrides: Partial<CompareDeps> = {}) {
  const store: ComparisonStore = createComparisonStore(createMemoryStore());
  const engine = new FakeEngineState(recording, new ReplayEngine(recording, options));
  const votes: Vote[] = [];
  const conversations: Conversation[] = [];
  const created: string[] = [];
  let n = 0;
  const session = new CompareSession({
    engine,
    comparisons: async () => store,
    budgetMB: () => Infinity,
    vramMB: () => 1000,
    source: () => ({ engine: "replay", fixture: true }),
    recordVote: async (v) => void votes.push(v),
    saveConversation: async (c) => void conversations.push(c),
    onCreated: (id) => created.push(id),
    now: () => 1000 + n,
    newId: () => `id${++n}`,
    ...overrides,
  });
  return { session, store, engine, votes, conversations, created };
}

const fair = (models: string[], blind = false) => ({
  models,
  systemPrompt: "",
  params: defaultCompareParams(),
  blind,
});

describe("CompareSession", () => {
  it("streams one prompt into every column, stores answers with chunks and saves once created", async () => {
    const { session, store, engine, created } = setup();
    await session.start(fair(MODELS), PROMPT, "math");
    const c = session.comparison!;
    expect(created).toEqual([c.id]);
    expect(c.turns).toHaveLength(1);
    expect(c.turns[0]?.domain).toBe("math");
    for (const id of MODELS) {
      expect(session.statuses[id]?.state).toBe("done");
      expect(session.live[id]?.text).toBe(expected(id, 0));
      const answer = c.turns[0]?.answers[id];
      expect(answer?.text).toBe(expected(id, 0));
      expect(answer?.chunks?.map((k) => k.delta).join("")).toBe(expected(id, 0));
      expect(answer?.usage.completionTokens).toBeGreaterThan(0);
    }
    expect(await store.get(c.id)).toEqual(c);
    expect(engine.syncs).toBe(1);
    expect(session.running).toBe(false);
  });

  it("sends a follow-up to all columns, each with its own history", async () => {
    const { session, created } = setup();
    await session.start(fair(MODELS), PROMPT);
    await session.send(FOLLOW_UP);
    const c = session.comparison!;
    expect(c.turns.map((t) => t.prompt)).toEqual([PROMPT, FOLLOW_UP]);
    for (const id of MODELS) expect(c.turns[1]?.answers[id]?.text).toBe(expected(id, 1));
    expect(created).toHaveLength(1);
  });

  it("stops: the answer in progress keeps what arrived, the column is cancelled", async () => {
    const { session } = setup({ speed: 1, loadStepMs: 0 });
    const run = session.start(fair([G, C]), PROMPT);
    await waitFor(() => (session.live[G]?.text.length ?? 0) > 0);
    session.stop();
    await run;
    expect(session.statuses[G]?.state).toBe("cancelled");
    const partial = session.comparison!.turns[0]!.answers[G]!;
    expect(partial.finishReason).toBe("abort");
    expect(expected(G, 0).startsWith(partial.text)).toBe(true);
    expect(partial.text.length).toBeLessThan(expected(G, 0).length);
    expect(partial.chunks?.map((k) => k.delta).join("")).toBe(partial.text);
  });

  it("notes why a model has no answer", async () => {
    const { session } = setup(undefined, {
      budgetMB: () => 1500,
      vramMB: (id) => (id === M ? 2000 : 1000),
    });
    await session.start(fair([G, M]), PROMPT);
    const turn = session.comparison!.turns[0]!;
    expect(turn.answers[M]).toBeUndefined();
    expect(turn.notes?.[M]).toMatch(/2000 MB/);
    expect(session.statuses[M]?.state).toBe("skipped");
    expect(turn.answers[G]?.text).toBe(expected(G, 0));
  });

  it("hides names in blind mode until the vote, then records it and reveals them", async () => {
    const { session, votes, store } = setup();
    await session.start(fair([C, G], true), PROMPT, "math");
    expect(session.hidden).toBe(true);
    expect(session.alias(C)).toBe("Model A");
    expect(session.alias(G)).toBe("Model B");
    expect(await session.promote(C)).toBeNull();
    expect(session.canVote).toBe(true);
    const vote = await session.vote("b", "math");
    expect(vote).toMatchObject({ a: C, b: G, outcome: "b", domain: "math" });
    expect(votes).toEqual([vote]);
    expect(session.hidden).toBe(false);
    expect(session.alias(C)).toBeNull();
    expect((await store.get(session.comparison!.id))?.blind).toEqual({
      revealed: true,
      vote: { a: C, b: G, outcome: "b" },
    });
    // One vote per comparison.
    expect(await session.vote("a", "math")).toBeNull();
  });

  it("keeps names hidden when the vote cannot be stored", async () => {
    const full = new PolymathError("storage-full", "full");
    const { session } = setup(undefined, {
      recordVote: async () => {
        throw full;
      },
    });
    await session.start(fair([C, G], true), PROMPT);
    expect(await session.vote("tie")).toBeNull();
    expect(session.hidden).toBe(true);
    expect(session.error?.code).toBe("storage-full");
  });

  it("reopens a stored comparison and promotes a column to a chat", async () => {
    const first = setup();
    await first.session.start(fair(MODELS), PROMPT);
    const id = first.session.comparison!.id;
    const second = setup(undefined, { comparisons: async () => first.store });
    expect(await second.session.open(id)).toBe(true);
    expect(second.session.comparison).toEqual(first.session.comparison);
    const chatId = await second.session.promote(M);
    const chat = second.conversations[0]!;
    expect(chat.id).toBe(chatId);
    expect(chat.modelId).toBe(M);
    expect(chat.messages.map((m) => m.content)).toEqual([PROMPT, expected(M, 0)]);
    expect(await second.session.open("missing")).toBe(false);
    expect(second.session.error?.code).toBe("not-found");
  });
});

async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}
