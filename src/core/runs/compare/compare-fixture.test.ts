import { describe, expect, it } from "vitest";
import threeModels from "../../../../tests/fixtures/recordings/compare-three-models.json";
import {
  parseRecording,
  serializeRecording,
  type RecordedChunk,
} from "../../engine/replay/recording";
import { ReplayEngine } from "../../engine/replay/replay-engine";
import { columnMessages } from "./column-history";
import { comparisonToRecording } from "./comparison-recording";
import type { StoredComparison } from "./comparisons";
import { runComparison } from "./run-comparison";
import { planComparison } from "../schedule";

/**
 * End to end in node: a two-turn, three-model comparison replayed from the synthetic fixture,
 * exported as a recording, and replayed again from that export with identical texts.
 */
async function runTurns(
  engine: ReplayEngine,
  base: StoredComparison,
  prompts: string[],
  budgetMB: number,
): Promise<StoredComparison> {
  let c = base;
  for (const prompt of prompts) {
    const turnIndex = c.turns.length;
    const chunks: Record<string, RecordedChunk[]> = {};
    const final = await runComparison({
      engine,
      plan: planComparison(
        c.models.map((id) => ({ id, vramMB: 1700 })),
        budgetMB,
        engine.loaded(),
      ),
      messagesFor: (id) => columnMessages(c, id, turnIndex, prompt),
      params: c.params,
      onChunk: (id, chunk, t) => (chunks[id] ??= []).push({ t, delta: chunk.delta }),
    });
    const answers: StoredComparison["turns"][number]["answers"] = {};
    for (const [id, status] of Object.entries(final)) {
      if (status.state === "done") answers[id] = { ...status.result, chunks: chunks[id] ?? [] };
    }
    c = { ...c, turns: [...c.turns, { prompt, answers }] };
  }
  return c;
}

describe("the three-model comparison fixture", () => {
  const recording = parseRecording(threeModels);
  const models = recording.models.map((m) => m.id);
  const prompts = [
    recording.entries[0]!.request.messages[0]!.content,
    "Now give that speed in metres per second.",
  ];
  const base: StoredComparison = {
    id: "x",
    createdAt: 0,
    title: "t",
    systemPrompt: "",
    params: { temperature: 0, seed: 1 },
    models,
    turns: [],
    source: { engine: "replay", fixture: recording.fixture ?? false },
  };

  it("is a marked fixture with three models and two turns each", () => {
    expect(recording.fixture).toBe(true);
    expect(recording.note).toMatch(/synthetic test fixture, not a real model output/);
    expect(models).toHaveLength(3);
    expect(recording.entries).toHaveLength(6);
  });

  it("replays each column's own conversation, then replays identically from its export", async () => {
    // Sequential (budget fits one model) for the first run, together for the replay of the export.
    const first = await runTurns(
      new ReplayEngine(recording, { speed: Infinity }),
      base,
      prompts,
      2000,
    );
    for (const id of models) {
      const entries = recording.entries.filter((e) => e.modelId === id);
      expect(first.turns.map((t) => t.answers[id]?.text)).toEqual(
        entries.map((e) => e.result.text),
      );
      expect(columnMessages(first, id, 1)).toEqual(entries[1]!.request.messages);
    }

    const exported = comparisonToRecording(first, { app: { name: "polymath", version: "t" } });
    expect(exported.skipped).toBe(0);
    expect(exported.recording.fixture).toBe(true);
    const again = parseRecording(serializeRecording(exported.recording));
    const second = await runTurns(
      new ReplayEngine(again, { speed: Infinity }),
      base,
      prompts,
      99999,
    );
    // Same texts, split into the same pieces; only the measured times may differ.
    const texts = (c: StoredComparison) =>
      c.turns.map((t) =>
        models.map((id) => [t.answers[id]?.text, t.answers[id]?.chunks?.map((k) => k.delta)]),
      );
    expect(texts(second)).toEqual(texts(first));
    expect(
      texts(first)
        .flat()
        .every(([text]) => typeof text === "string" && text !== ""),
    ).toBe(true);
  });
});
