import { describe, expect, it } from "vitest";
import { PolymathError } from "../../errors";
import { parseRecording, type Recording } from "./recording";
import { matchEntry, recordedPrompts } from "./replay-match";
import type { ChatMessage, ChatRequest } from "../types";

const USAGE = {
  promptTokens: 5,
  completionTokens: 1,
  ttftMs: 10,
  prefillTokensPerS: 50,
  decodeTokensPerS: 10,
  totalMs: 20,
};

const entry = (id: string, modelId: string, messages: ChatMessage[], answer: string) => ({
  id,
  modelId,
  request: { modelId, messages, params: { temperature: 0.7 } },
  chunks: [{ t: 5, delta: answer }],
  result: { text: answer, reasoning: "", finishReason: "stop", usage: USAGE },
});

/** Test fixture: a two-turn conversation of m1 under a system prompt, and one question to m2. */
function recording(): Recording {
  const sys: ChatMessage = { role: "system", content: "You are terse." };
  const long = `Explain ${"very ".repeat(40)}carefully`;
  return parseRecording({
    format: "polymath-recording",
    version: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
    app: { name: "polymath-test-fixture", version: "0" },
    fixture: true,
    engine: { kind: "replay" },
    models: [{ id: "m1" }, { id: "m2" }],
    entries: [
      entry("a1", "m1", [sys, { role: "user", content: "2+2?" }], "4"),
      entry(
        "a2",
        "m1",
        [
          sys,
          { role: "user", content: "2+2?" },
          { role: "assistant", content: "4" },
          { role: "user", content: "times 3?" },
        ],
        "12",
      ),
      entry("a3", "m1", [{ role: "user", content: long }], "ok"),
      entry("b1", "m2", [{ role: "user", content: "Capital of Peru?" }], "Lima"),
    ],
  });
}

const req = (modelId: string, ...messages: ChatMessage[]): ChatRequest => ({
  modelId,
  messages,
  params: {},
});
const user = (content: string): ChatMessage => ({ role: "user", content });

describe("matchEntry", () => {
  it("matches identical messages exactly", () => {
    const m = matchEntry(
      recording(),
      req("m1", { role: "system", content: "You are terse." }, user("2+2?")),
    );
    expect(m).toMatchObject({ kind: "exact", entry: { id: "a1" } });
  });

  it("matches the same turns without the system prompt loosely, follow-ups included", () => {
    const rec = recording();
    expect(matchEntry(rec, req("m1", user("2+2?")))).toMatchObject({
      kind: "loose",
      entry: { id: "a1" },
    });
    const followUp = req("m1", user("2+2?"), { role: "assistant", content: "4" }, user("times 3?"));
    expect(matchEntry(rec, followUp)).toMatchObject({ kind: "loose", entry: { id: "a2" } });
  });

  it("does not match when an earlier turn differs", () => {
    const rec = recording();
    const other = req("m1", user("2+3?"), { role: "assistant", content: "5" }, user("times 3?"));
    expect(() => matchEntry(rec, other)).toThrow(PolymathError);
  });

  it("refuses another model's question with replay-no-match listing this model's prompts", () => {
    let caught: unknown;
    try {
      matchEntry(recording(), req("m1", user("Capital of Peru?")));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PolymathError);
    const error = caught as PolymathError;
    expect(error.code).toBe("replay-no-match");
    expect(error.message).toContain("no answer");
    expect(error.details["recordedPrompts"]).toBe(2);
    expect(error.details["prompt 1"]).toBe("2+2?");
    const cut = String(error.details["prompt 2"]);
    expect(cut.length).toBe(80);
    expect(cut.endsWith("…")).toBe(true);
    expect(error.advice).not.toBe("");
  });

  it("prefers an unplayed entry among equal matches", () => {
    const rec = recording();
    rec.entries.push({ ...structuredClone(rec.entries[3]!), id: "b2" });
    const ask = req("m2", user("Capital of Peru?"));
    expect(matchEntry(rec, ask, new Set(["b1"])).entry.id).toBe("b2");
    expect(matchEntry(rec, ask, new Set(["b1", "b2"])).entry.id).toBe("b1");
  });

  it("a model without answers is model-not-found", () => {
    const rec = recording();
    rec.entries = rec.entries.filter((e) => e.modelId !== "m2");
    expect(() => matchEntry(rec, req("m2", user("x")))).toThrow(
      expect.objectContaining({ code: "model-not-found" }),
    );
  });
});

describe("recordedPrompts", () => {
  it("lists each entry's first user message once, per model when asked", () => {
    const rec = recording();
    expect(recordedPrompts(rec, "m1")).toEqual([
      "2+2?",
      rec.entries[2]!.request.messages[0]!.content,
    ]);
    expect(recordedPrompts(rec)).toHaveLength(3);
    expect(recordedPrompts(rec, "m2")).toEqual(["Capital of Peru?"]);
    expect(recordedPrompts(rec, "m1", true)).toEqual(["times 3?"]);
    expect(recordedPrompts(rec, "m2", true)).toEqual([]);
  });
});
