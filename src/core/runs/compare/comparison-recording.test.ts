import { describe, expect, it } from "vitest";
import { parseRecording, serializeRecording } from "../../engine/replay/recording";
import { ReplayEngine } from "../../engine/replay/replay-engine";
import type { StreamChunk } from "../../engine/types";
import { columnMessages } from "./column-history";
import { comparisonToRecording, recordingFileName } from "./comparison-recording";
import type { StoredComparison } from "./comparisons";

const usage = {
  promptTokens: 5,
  completionTokens: 3,
  ttftMs: 120,
  prefillTokensPerS: 40,
  decodeTokensPerS: 25,
  totalMs: 240,
};

// Fixture comparison: the answers are invented for the test, not model output.
function comparison(): StoredComparison {
  return {
    id: "c1",
    createdAt: Date.UTC(2025, 0, 2),
    title: "Reverse a string: in Python?",
    systemPrompt: "",
    params: { temperature: 0, seed: 7, max_tokens: 64 },
    models: ["gen", "code"],
    source: { engine: "webllm", webllmVersion: "0.2.86" },
    turns: [
      {
        prompt: "Reverse 'abc'",
        answers: {
          gen: {
            text: "cba",
            reasoning: "hm",
            finishReason: "stop",
            usage,
            chunks: [
              { t: 50, delta: "hm", reasoning: true },
              { t: 120, delta: "c" },
              { t: 240, delta: "ba" },
            ],
          },
          code: {
            text: "s[::-1]",
            reasoning: "",
            finishReason: "stop",
            usage,
            chunks: [{ t: 90, delta: "s[::-1]" }],
          },
        },
      },
      {
        prompt: "Now 'xy'",
        answers: {
          gen: {
            text: "yx",
            reasoning: "",
            finishReason: "stop",
            usage,
            chunks: [{ t: 30, delta: "yx" }],
          },
          // An answer stored without chunks cannot be timed for replay.
          code: { text: "'yx'", reasoning: "", finishReason: "stop", usage },
        },
      },
    ],
  };
}

const app = { name: "polymath", version: "test" };

describe("comparisonToRecording", () => {
  it("makes a valid recording with one entry per timed answer and exact request messages", () => {
    const c = comparison();
    const { recording, skipped } = comparisonToRecording(c, {
      app,
      models: [{ id: "gen", label: "Generalist", role: "generalist" }, { id: "other" }],
    });
    expect(skipped).toBe(1);
    expect(recording.entries.map((e) => e.id)).toEqual([
      "turn1-model1",
      "turn1-model2",
      "turn2-model1",
    ]);
    expect(recording.models).toEqual([
      { id: "gen", label: "Generalist", role: "generalist" },
      { id: "code" },
    ]);
    expect(recording.entries[2]?.request).toEqual({
      modelId: "gen",
      messages: columnMessages(c, "gen", 1),
      params: { temperature: 0, seed: 7, max_tokens: 64 },
    });
    expect(recording.engine).toEqual({ kind: "webllm", webllmVersion: "0.2.86" });
    expect(recording.fixture).toBeUndefined();
    // Survives its own validation round trip.
    expect(parseRecording(serializeRecording(recording))).toEqual(recording);
  });

  it("keeps a fixture marked as a fixture", () => {
    const c = {
      ...comparison(),
      source: { engine: "replay" as const, fixture: true, note: "synthetic" },
    };
    const { recording } = comparisonToRecording(c, { app });
    expect(recording.fixture).toBe(true);
    expect(recording.note).toMatch(/not a real model output/);
    expect(recording.engine.kind).toBe("replay");
  });

  it("replays the same texts for the same conversation", async () => {
    const c = comparison();
    const { recording } = comparisonToRecording(c, { app });
    const replay = new ReplayEngine(parseRecording(serializeRecording(recording)), {
      speed: Infinity,
    });
    await replay.load(["gen", "code"]);
    for (const [t, turn] of c.turns.entries()) {
      for (const id of c.models) {
        if (!turn.answers[id]?.chunks) continue;
        const streamed: StreamChunk[] = [];
        const result = await replay.chat(
          { modelId: id, messages: columnMessages(c, id, t), params: c.params },
          { onChunk: (chunk) => streamed.push(chunk) },
        );
        expect(result.text).toBe(turn.answers[id]?.text);
        expect(result.reasoning).toBe(turn.answers[id]?.reasoning);
        expect(streamed.map((s) => s.delta)).toEqual(turn.answers[id]?.chunks?.map((k) => k.delta));
      }
    }
  });

  it("names the file after the title and date", () => {
    expect(recordingFileName(comparison())).toBe(
      "polymath-comparison-reverse-a-string-in-python-2025-01-02.json",
    );
  });
});
