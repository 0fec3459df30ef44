import { describe, expect, it } from "vitest";
import { PolymathError } from "../../errors";
import compareFixture from "../../../../tests/fixtures/recordings/compare-two-models.json";
import hostileFixture from "../../../../tests/fixtures/recordings/hostile-answer.json";
import markdownFixture from "../../../../tests/fixtures/recordings/markdown-code.json";
import thinkFixture from "../../../../tests/fixtures/recordings/qwen3-think.json";
import { parseRecording, RECORDING_VERSION, serializeRecording } from "./recording";

/** A small valid recording as plain JSON, for tests to break one field at a time. */
function validDoc(): Record<string, unknown> & { entries: Record<string, unknown>[] } {
  return {
    format: "polymath-recording",
    version: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
    app: { name: "polymath-test-fixture", version: "0.0.0" },
    fixture: true,
    note: "synthetic test fixture, not a real model output",
    engine: { kind: "replay" },
    models: [{ id: "m1", label: "Model one" }],
    entries: [
      {
        id: "a",
        modelId: "m1",
        request: { modelId: "m1", messages: [{ role: "user", content: "hi" }], params: {} },
        chunks: [
          { t: 10, delta: "plan", reasoning: true },
          { t: 20, delta: "Hel" },
          { t: 30, delta: "lo" },
        ],
        result: {
          text: "Hello",
          reasoning: "plan",
          finishReason: "stop",
          usage: {
            promptTokens: 3,
            completionTokens: 3,
            ttftMs: 10,
            prefillTokensPerS: 300,
            decodeTokensPerS: 100,
            totalMs: 32,
          },
        },
      },
    ],
  };
}

function errorOf(fn: () => unknown): PolymathError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PolymathError) return e;
    throw e;
  }
  throw new Error("expected a PolymathError");
}

describe("parseRecording", () => {
  it("accepts a valid document and keeps its content", () => {
    const rec = parseRecording(validDoc());
    expect(rec.models).toEqual([{ id: "m1", label: "Model one" }]);
    expect(rec.entries[0]?.chunks).toHaveLength(3);
    expect(rec.entries[0]?.chunks[0]).toEqual({ t: 10, delta: "plan", reasoning: true });
    expect(rec.fixture).toBe(true);
  });

  it("accepts JSON text and round-trips through serializeRecording", () => {
    const rec = parseRecording(validDoc());
    expect(parseRecording(serializeRecording(rec))).toEqual(rec);
    expect(parseRecording(serializeRecording(rec, { pretty: true }))).toEqual(rec);
  });

  it("parses every shipped fixture, each marked as synthetic", () => {
    for (const doc of [hostileFixture, markdownFixture, thinkFixture, compareFixture]) {
      const rec = parseRecording(doc);
      expect(rec.fixture).toBe(true);
      expect(rec.note).toContain("synthetic test fixture, not a real model output");
      expect(rec.entries.length).toBeGreaterThan(0);
    }
  });

  it("names the path of a chunk time that is not a number", () => {
    const doc = validDoc();
    const chunks = doc.entries[0]?.chunks as Record<string, unknown>[];
    chunks[2] = { t: "30", delta: "lo" };
    const error = errorOf(() => parseRecording(doc));
    expect(error.code).toBe("malformed-input");
    expect(error.message).toContain("entries[0].chunks[2].t must be a number");
    expect(error.details.path).toBe("entries[0].chunks[2].t");
  });

  it("rejects chunk times that go backwards", () => {
    const doc = validDoc();
    (doc.entries[0]?.chunks as Record<string, unknown>[])[1] = { t: 5, delta: "Hel" };
    expect(errorOf(() => parseRecording(doc)).message).toContain("entries[0].chunks[1].t");
  });

  it("rejects an entry whose model is not listed", () => {
    const doc = validDoc();
    doc.models = [{ id: "other" }];
    expect(errorOf(() => parseRecording(doc)).message).toContain(
      'entries[0].modelId "m1" is not listed in models',
    );
  });

  it("rejects a result text that does not match the chunks", () => {
    const doc = validDoc();
    (doc.entries[0]?.result as Record<string, unknown>).text = "Goodbye";
    expect(errorOf(() => parseRecording(doc)).message).toContain("entries[0].result.text");
  });

  it("names bad values deep in the request", () => {
    const doc = validDoc();
    const request = doc.entries[0]?.request as { messages: Record<string, unknown>[] };
    request.messages[0] = { role: "robot", content: "hi" };
    expect(errorOf(() => parseRecording(doc)).message).toContain(
      "entries[0].request.messages[0].role must be one of",
    );
  });

  it("rejects a missing usage number and a bad finish reason", () => {
    const doc = validDoc();
    const result = doc.entries[0]?.result as {
      usage: Record<string, unknown>;
      finishReason: string;
    };
    delete result.usage.totalMs;
    expect(errorOf(() => parseRecording(doc)).message).toContain(
      "entries[0].result.usage.totalMs must be a number",
    );
    const doc2 = validDoc();
    (doc2.entries[0]?.result as Record<string, unknown>).finishReason = "done";
    expect(errorOf(() => parseRecording(doc2)).message).toContain("entries[0].result.finishReason");
  });

  it("rejects duplicate model and entry ids", () => {
    const doc = validDoc();
    doc.models = [{ id: "m1" }, { id: "m1" }];
    expect(errorOf(() => parseRecording(doc)).message).toContain(
      'models[1].id "m1" is listed twice',
    );
    const doc2 = validDoc();
    doc2.entries = [doc2.entries[0] ?? {}, { ...doc2.entries[0] }];
    expect(errorOf(() => parseRecording(doc2)).message).toContain(
      'entries[1].id "a" is used twice',
    );
  });

  it("refuses versions newer than it knows with schema-too-new", () => {
    const doc = { ...validDoc(), version: RECORDING_VERSION + 1 };
    const error = errorOf(() => parseRecording(doc));
    expect(error.code).toBe("schema-too-new");
    expect(error.details.found).toBe(RECORDING_VERSION + 1);
  });

  it("refuses other formats, bad versions and broken JSON", () => {
    expect(errorOf(() => parseRecording({ ...validDoc(), format: "other" })).code).toBe(
      "unsupported-format",
    );
    expect(errorOf(() => parseRecording({ ...validDoc(), version: 0 })).message).toContain(
      "version",
    );
    expect(errorOf(() => parseRecording("{ not json")).code).toBe("malformed-input");
    expect(errorOf(() => parseRecording([])).message).toContain("must be an object");
  });

  it("refuses a recording with no models or no answers, naming the field", () => {
    const noModels = errorOf(() => parseRecording({ ...validDoc(), models: [], entries: [] }));
    expect(noModels.message).toBe("Recording: models lists no model: there is nothing to replay.");
    expect(noModels.details.path).toBe("models");
    const noEntries = errorOf(() => parseRecording({ ...validDoc(), entries: [] }));
    expect(noEntries.message).toMatch(/^Recording: entries holds no answers/);
    expect(noEntries.details.path).toBe("entries");
  });

  it("keeps the parser's line and column for broken JSON", () => {
    const text = JSON.stringify(validDoc(), null, 2).replace('"version": 1,', '"version": 1,,');
    const error = errorOf(() => parseRecording(text));
    expect(error.code).toBe("malformed-input");
    expect(error.details).toMatchObject({ line: 3, column: 16 });
    expect(error.message).toMatch(/not valid JSON at line 3, column 16 \(/);
    const cut = errorOf(() => parseRecording('{\n  "format": "polymath-rec'));
    expect(cut.details).toMatchObject({ line: 2 });
  });
});
