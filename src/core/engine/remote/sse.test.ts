import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "./sse";

/** A recorded vLLM-style stream body (a test fixture: text made up for the parser, not a model's). */
const RECORDED = [
  ": keep-alive\n\n",
  'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n',
  'data: {"choices":[{"delta":{"content":"lo"},"finish_reason":"stop"}]}\r\n\r\n',
  'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}\r\r',
  "data: [DONE]\n\n",
].join("");

function parseAll(pieces: string[]): SseEvent[] {
  const parser = createSseParser();
  return [...pieces.flatMap((p) => parser.push(p)), ...parser.end()];
}

describe("createSseParser", () => {
  const whole = parseAll([RECORDED]);

  it("yields the data events in order and skips comments", () => {
    expect(whole.map((e) => e.data)).toEqual([
      '{"choices":[{"delta":{"content":"Hel"}}]}',
      '{"choices":[{"delta":{"content":"lo"},"finish_reason":"stop"}]}',
      '{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}',
      "[DONE]",
    ]);
    expect(whole.every((e) => e.event === "message")).toBe(true);
  });

  it("gives the same events however the text is split", () => {
    for (let size = 1; size <= 7; size++) {
      const pieces: string[] = [];
      for (let i = 0; i < RECORDED.length; i += size) pieces.push(RECORDED.slice(i, i + size));
      expect(parseAll(pieces)).toEqual(whole);
    }
    // Between CR and LF exactly.
    const cr = RECORDED.indexOf("\r\n") + 1;
    expect(parseAll([RECORDED.slice(0, cr), RECORDED.slice(cr)])).toEqual(whole);
  });

  it("joins multi-line data fields with newlines", () => {
    expect(parseAll(["data: one\ndata:two\ndata\n\n"])).toEqual([
      { event: "message", data: "one\ntwo\n" },
    ]);
  });

  it("keeps the event name and resets it after dispatch", () => {
    expect(parseAll(["event: error\ndata: {}\n\ndata: x\n\n"])).toEqual([
      { event: "error", data: "{}" },
      { event: "message", data: "x" },
    ]);
  });

  it("drops an event the stream never closed", () => {
    expect(parseAll(["data: a\n\ndata: unfinished"])).toEqual([{ event: "message", data: "a" }]);
  });

  it("ignores blank lines between events and unknown fields", () => {
    expect(parseAll(["\n\nid: 4\nretry: 10\ndata: a\n\n\n"])).toEqual([
      { event: "message", data: "a" },
    ]);
  });
});
