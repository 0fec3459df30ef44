import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import { parseRecording } from "../../core/engine/replay/recording";
import { ReplayEngine } from "../../core/engine/replay/replay-engine";
import type { Engine, LoadOptions } from "../../core/engine/types";
import { createComparisonStore } from "../../core/runs/compare/comparisons";
import { createMemoryStore } from "../../core/storage/memory-store";
import { defaultCompareParams } from "./setup.svelte";
import { CompareSession, type CompareEngine } from "./compare.svelte";

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
const expected = (id: string) => recording.entries.find((e) => e.modelId === id)!.result.text;
const NO_DOWNLOAD = "Could not download the model files.";

/** The replay engine, but loading any model in `offline` fails as a blocked download would. */
class OfflineEngine {
  offline = new Set<string>();
  loads: string[][] = [];
  readonly inner = new ReplayEngine(recording, { speed: Infinity });
  readonly engine: Engine = {
    kind: "replay",
    load: async (ids: string[], options?: LoadOptions) => {
      this.loads.push([...ids]);
      if (ids.some((id) => this.offline.has(id))) throw new PolymathError("network", NO_DOWNLOAD);
      await this.inner.load(ids, options);
    },
    loaded: () => this.inner.loaded(),
    chat: (request, options) => this.inner.chat(request, options),
    interrupt: () => this.inner.interrupt(),
    unload: (ids) => this.inner.unload(ids),
  };
}

function setup(budgetMB = Infinity) {
  const store = createComparisonStore(createMemoryStore());
  const offline = new OfflineEngine();
  const engine: CompareEngine = {
    recording,
    engine: async () => offline.engine,
    sync: async () => {},
  };
  let n = 0;
  const session = new CompareSession({
    engine,
    comparisons: async () => store,
    budgetMB: () => budgetMB,
    vramMB: () => 1000,
    source: () => ({ engine: "replay", fixture: true }),
    recordVote: async () => {},
    saveConversation: async () => {},
    newId: () => `id${++n}`,
  });
  return { session, store, offline };
}

const fair = (models: string[]) => ({
  models,
  systemPrompt: "",
  params: defaultCompareParams(),
  blind: false,
});

describe("CompareSession.retry", () => {
  it("runs the failed columns of the last turn again, with the same prompt, once they can load", async () => {
    const { session, store, offline } = setup(1500);
    offline.offline = new Set([C, M]);
    await session.start(fair(MODELS), PROMPT, "math");
    const turn = session.comparison!.turns[0]!;
    expect(turn.answers[G]?.text).toBe(expected(G));
    expect(turn.notes).toEqual({ [C]: NO_DOWNLOAD, [M]: NO_DOWNLOAD });
    expect(session.retryable).toEqual([C, M]);
    expect(session.answered).toBe(true);

    offline.offline.clear();
    offline.loads = [];
    await session.retry();
    // Only the failed columns ran (one at a time within the budget); G kept its answer.
    expect(offline.loads).toEqual([[C], [M]]);
    const after = session.comparison!;
    expect(after.turns).toHaveLength(1);
    expect(after.turns[0]?.prompt).toBe(PROMPT);
    expect(after.turns[0]?.domain).toBe("math");
    for (const id of MODELS) expect(after.turns[0]?.answers[id]?.text).toBe(expected(id));
    expect(after.turns[0]?.notes).toBeUndefined();
    expect(session.retryable).toEqual([]);
    expect(session.statuses[C]?.state).toBe("done");
    expect(await store.get(after.id)).toEqual(after);
  });

  it("retries one column only when asked, and fails again cleanly while downloads are blocked", async () => {
    // One model at a time: a blocked download fails its own column only.
    const { session, offline } = setup(1500);
    offline.offline = new Set(MODELS);
    await session.start(fair(MODELS), PROMPT);
    expect(session.answered).toBe(false);
    expect(session.retryable).toEqual(MODELS);

    offline.loads = [];
    await session.retry([M]);
    expect(offline.loads).toEqual([[M]]);
    expect(session.running).toBe(false);
    expect(session.statuses[M]).toMatchObject({ state: "error", error: { message: NO_DOWNLOAD } });
    expect(session.comparison!.turns[0]?.notes?.[M]).toBe(NO_DOWNLOAD);
    expect(session.retryable).toEqual(MODELS);

    offline.offline.delete(G);
    await session.retry();
    expect(session.comparison!.turns[0]?.answers[G]?.text).toBe(expected(G));
    expect(session.comparison!.turns[0]?.notes).toEqual({ [C]: NO_DOWNLOAD, [M]: NO_DOWNLOAD });
    expect(session.answered).toBe(true);
    expect(session.retryable).toEqual([C, M]);
  });

  it("does nothing when every column answered", async () => {
    const { session, offline } = setup();
    await session.start(fair([G, C]), PROMPT);
    offline.loads = [];
    await session.retry();
    expect(offline.loads).toEqual([]);
  });
});
