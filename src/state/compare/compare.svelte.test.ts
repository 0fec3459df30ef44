import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { PolymathError } from "../../core/errors";
import { parseRecording, type Recording } from "../../core/engine/replay/recording";
import { ReplayEngine, type ReplayOptions } from "../../core/engine/replay/replay-engine";
import type { Engine } from "../../core/engine/types";
import type { Vote } from "../../core/report/vote-types";
import {
  createComparisonStore,
  type ComparisonStore,
  type StoredComparison,
} from "../../core/runs/compare/comparisons";
import { columnMessages } from "../../core/runs/compare/column-history";
import type { Conversation } from "../../core/storage/conversation-schema";
import { createMemoryStore } from "../../core/storage/memory-store";
import { defaultCompareParams } from "./setup.svelte";
import { CompareSession, type CompareDeps, type CompareEngine } from "./compare.svelte";

// Synthetic fixture (three models, two turns each), not real model output.
const recording = parseRecording(
  readFileSync(
    new URL("../../../tests/fixtures/recordings/compare-three-models.json", import.meta.url),
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

function setup(
  options: ReplayOptions = { speed: Infinity },
  overrides: Partial<CompareDeps> = {},
  rec: Recording = recording,
) {
  const store: ComparisonStore = createComparisonStore(createMemoryStore());
  const engine = new FakeEngineState(rec, new ReplayEngine(rec, options));
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

  it("refuses a prompt the recording lacks in each column and allows no blind vote", async () => {
    const { session, votes } = setup();
    await session.start(fair([G, C], true), "What is the capital of France?");
    const turn = session.comparison!.turns[0]!;
    for (const id of [G, C]) {
      expect(turn.answers[id]).toBeUndefined();
      expect(turn.notes?.[id]).toBe("The recording has no answer for this prompt.");
      expect(session.statuses[id]).toMatchObject({
        state: "error",
        error: { code: "replay-no-match" },
      });
    }
    expect(session.canVote).toBe(false);
    expect(await session.vote("a")).toBeNull();
    expect(votes).toEqual([]);
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

  it("checkpoints the turn in flight with each column's partial answer, marked stopped", async () => {
    const { session, store, created } = setup(
      { tokensPerSecond: 40, loadStepMs: 0 },
      {
        checkpointMs: 30,
      },
    );
    const run = session.start(fair([G, C]), PROMPT, "math");
    const id = session.comparison!.id;
    const stored = async () => (await store.get(id))?.turns[0];
    let mid = await stored();
    await waitFor(() => {
      void stored().then((t) => (mid = t));
      return (mid?.answers[G]?.text.length ?? 0) > 0 && session.running;
    });
    // Routed as soon as the first checkpoint is stored, before the turn ends.
    expect(created).toEqual([id]);
    expect(mid?.prompt).toBe(PROMPT);
    expect(mid?.domain).toBe("math");
    const partial = mid!.answers[G]!;
    expect(partial.finishReason).toBe("abort");
    expect(expected(G, 0).startsWith(partial.text)).toBe(true);
    expect(partial.text.length).toBeLessThan(expected(G, 0).length);
    expect(partial.chunks?.map((k) => k.delta).join("")).toBe(partial.text);
    expect(partial.usage.completionTokens).toBe(partial.chunks?.length);
    await run;
    // The final save replaces the checkpoint.
    const final = await store.get(id);
    expect(final).toEqual(session.comparison);
    for (const model of [G, C]) {
      expect(final?.turns[0]?.answers[model]?.text).toBe(expected(model, 0));
      expect(final?.turns[0]?.answers[model]?.finishReason).not.toBe("abort");
    }
    expect(final?.turns[0]?.notes).toBeUndefined();
    expect(created).toHaveLength(1);
  });

  it("saves the turn in flight on demand (pagehide), columns not started yet noted", async () => {
    // A budget for one model at a time: the second column waits while the first streams.
    const { session, store } = setup(
      { tokensPerSecond: 40, loadStepMs: 0 },
      { budgetMB: () => 1500 },
    );
    const run = session.start(fair([G, C]), PROMPT);
    await waitFor(() => (session.live[G]?.text.length ?? 0) > 0);
    await session.persistNow();
    const mid = (await store.get(session.comparison!.id))!.turns[0]!;
    expect(mid.answers[G]?.finishReason).toBe("abort");
    expect(mid.answers[C]).toBeUndefined();
    expect(mid.notes?.[C]).toBe("Stopped before it answered.");
    await run;
    const final = (await store.get(session.comparison!.id))!.turns[0]!;
    expect(final.answers[C]?.text).toBe(expected(C, 0));
    expect(final.notes).toBeUndefined();
  });

  it("lets no checkpoint land after the final save, even a slow one begun before it", async () => {
    const inner = createComparisonStore(createMemoryStore());
    const writes: boolean[] = [];
    const cut = (c: StoredComparison) =>
      c.turns.some((t) => Object.values(t.answers).some((a) => a.finishReason === "abort"));
    // Checkpoint writes take longer than the final one: unordered, the checkpoint would win.
    const slow: ComparisonStore = {
      ...inner,
      save: async (c, options) => {
        await new Promise((r) => setTimeout(r, cut(c) ? 40 : 0));
        writes.push(cut(c));
        return inner.save(c, options);
      },
    };
    const { session } = setup(
      { tokensPerSecond: 200, loadStepMs: 0 },
      { comparisons: async () => slow, checkpointMs: 5 },
    );
    await session.start(fair([G, C]), PROMPT);
    expect(writes.slice(0, -1)).toContain(true);
    expect(writes.at(-1)).toBe(false);
    // A checkpoint asked for after the end (a late pagehide) writes nothing.
    const before = writes.length;
    await session.persistNow();
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toHaveLength(before);
    expect(await inner.get(session.comparison!.id)).toEqual(session.comparison);
  });

  it("reopens a checkpointed comparison with its partial answers and takes a follow-up", async () => {
    const first = setup({ tokensPerSecond: 40, loadStepMs: 0 });
    void first.session.start(fair([G, C]), PROMPT);
    await waitFor(() => (first.session.live[C]?.text.length ?? 0) > 0);
    await first.session.persistNow();
    const id = first.session.comparison!.id;
    // The replay answers only prompts it recorded: record the follow-up after the partial answers.
    const stored = (await first.store.get(id))!;
    const followUps = recording.entries
      .filter((e) => [G, C].includes(e.modelId) && e.request.messages.length > 1)
      .map((e) => {
        const messages = columnMessages(stored, e.modelId, 1, FOLLOW_UP);
        return { ...e, id: `${e.id}-after-partial`, request: { ...e.request, messages } };
      });
    const rec = { ...recording, entries: [...recording.entries, ...followUps] };
    // A new page: the stored checkpoint is all there is.
    const second = setup(undefined, { comparisons: async () => first.store }, rec);
    expect(await second.session.open(id)).toBe(true);
    const turn = second.session.comparison!.turns[0]!;
    expect(turn.answers[C]?.finishReason).toBe("abort");
    expect(turn.answers[C]?.text.length).toBeGreaterThan(0);
    expect(second.session.running).toBe(false);
    await second.session.send(FOLLOW_UP);
    expect(second.session.comparison!.turns.map((t) => t.prompt)).toEqual([PROMPT, FOLLOW_UP]);
    // The replay engine answers the follow-up as recorded; the point is that the turn runs.
    for (const model of [G, C]) {
      expect(second.session.comparison!.turns[1]?.answers[model]?.finishReason).toBe("stop");
    }
    first.session.stop();
  });
});

async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("CompareSession in two tabs", () => {
  it("refuses a stale save and overwrites nothing; the user picks which version to keep", async () => {
    const shared = createComparisonStore(createMemoryStore());
    const a = setup(undefined, { comparisons: async () => shared });
    const b = setup(undefined, { comparisons: async () => shared, newId: () => "other" });
    await a.session.start(fair([G, C], true), PROMPT);
    const id = a.session.comparison!.id;
    expect(await b.session.open(id)).toBe(true);
    await a.session.reveal(); // saved by A: B's copy is now one revision behind
    await b.session.send(FOLLOW_UP);
    expect(b.session.error?.code).toBe("conflict");
    expect(b.session.conflict).toBe(true);
    const stored = await shared.get(id);
    expect(stored?.turns).toHaveLength(1);
    expect(stored?.blind?.revealed).toBe(true);
    await b.session.keepMine();
    expect(b.session.error).toBeNull();
    expect((await shared.get(id))?.turns).toHaveLength(2);
  });

  it("shows what another tab saved when no turn runs", async () => {
    const shared = createComparisonStore(createMemoryStore());
    let other: CompareSession | null = null;
    const a = setup(undefined, {
      comparisons: async () => shared,
      saved: (id, rev) => void other?.changedElsewhere(id, rev),
    });
    const b = setup(undefined, { comparisons: async () => shared });
    other = b.session;
    await a.session.start(fair([G, C]), PROMPT);
    const id = a.session.comparison!.id;
    await b.session.open(id);
    await a.session.send(FOLLOW_UP);
    await vi.waitFor(() => expect(b.session.comparison?.turns).toHaveLength(2));
    expect(b.session.elsewhere).toBe("updated");
  });
});

describe("CompareSession before a download", () => {
  it("starts nothing when the user declines, and runs once they agree", async () => {
    let agree = false;
    const asked: string[][] = [];
    const { session } = setup(
      { speed: Infinity },
      { confirmDownload: async (ids) => (asked.push([...ids]), agree) },
    );
    expect(await session.start(fair([G, C]), PROMPT)).toBe(false);
    expect(session.comparison).toBeNull();
    expect(asked).toEqual([[G, C]]);
    agree = true;
    expect(await session.start(fair([G, C]), PROMPT)).toBe(true);
    expect(session.comparison?.turns[0]?.answers[G]?.text).toBe(expected(G, 0));
  });
});
