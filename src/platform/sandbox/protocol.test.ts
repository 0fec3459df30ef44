import { describe, expect, it } from "vitest";
import { parseFrameMessage } from "./protocol";

describe("parseFrameMessage", () => {
  it("accepts the three frame messages", () => {
    expect(parseFrameMessage({ type: "ready" })).toEqual({ type: "ready" });
    expect(parseFrameMessage({ type: "fatal", message: "no workers" })).toEqual({
      type: "fatal",
      message: "no workers",
    });
    const outcome = { status: "error", errorName: "TypeError", message: "x", durationMs: 3.5 };
    expect(parseFrameMessage({ type: "result", id: "run-1", outcome })).toEqual({
      type: "result",
      id: "run-1",
      outcome,
    });
  });

  it("rejects anything else", () => {
    for (const data of [
      null,
      "ready",
      [],
      { type: "hello" },
      { type: "result", outcome: { status: "ok", durationMs: 1 } },
      { type: "result", id: 7, outcome: { status: "ok", durationMs: 1 } },
      { type: "result", id: "a", outcome: { status: "passed", durationMs: 1 } },
      { type: "result", id: "a", outcome: null },
    ]) {
      expect(parseFrameMessage(data)).toBeNull();
    }
  });

  it("keeps only well-typed outcome fields and bounds their size", () => {
    const parsed = parseFrameMessage({
      type: "result",
      id: "a",
      outcome: {
        status: "ok",
        value: "v".repeat(20_000),
        errorName: 42,
        message: { toString: () => "sneaky" },
        durationMs: -5,
        extra: "dropped",
      },
    });
    expect(parsed?.type).toBe("result");
    if (parsed?.type !== "result") return;
    expect(parsed.outcome.status).toBe("ok");
    expect(parsed.outcome.durationMs).toBe(0);
    expect(parsed.outcome.value?.length).toBe(10_001);
    expect(parsed.outcome).not.toHaveProperty("errorName");
    expect(parsed.outcome).not.toHaveProperty("message");
    expect(parsed.outcome).not.toHaveProperty("extra");
  });

  it("gives a fatal message without text a readable one", () => {
    expect(parseFrameMessage({ type: "fatal" })).toEqual({
      type: "fatal",
      message: "The sandbox failed.",
    });
  });
});
