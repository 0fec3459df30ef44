import { describe, expect, it } from "vitest";
import { createThinkSplitter } from "./think-splitter";
import type { StreamChunk } from "./types";

/** Feed `pieces` through a fresh splitter; return joined reasoning and answer plus the chunks. */
function run(pieces: string[]): { reasoning: string; answer: string; chunks: StreamChunk[] } {
  const splitter = createThinkSplitter();
  const chunks = [...pieces.flatMap((p) => splitter.push(p)), ...splitter.flush()];
  return {
    reasoning: chunks
      .filter((c) => c.reasoning)
      .map((c) => c.delta)
      .join(""),
    answer: chunks
      .filter((c) => !c.reasoning)
      .map((c) => c.delta)
      .join(""),
    chunks,
  };
}

const RAW = "<think>\nAdd 2 and 2.\n</think>\n\nThe answer is **4**.";

describe("createThinkSplitter", () => {
  it("splits a whole Qwen3 answer into reasoning and answer, without tags", () => {
    expect(run([RAW])).toMatchObject({
      reasoning: "Add 2 and 2.\n",
      answer: "The answer is **4**.",
    });
  });

  it("gives the same split for every way of cutting the stream in two", () => {
    for (let i = 0; i <= RAW.length; i++) {
      const { reasoning, answer } = run([RAW.slice(0, i), RAW.slice(i)]);
      expect({ i, reasoning, answer }).toEqual({
        i,
        reasoning: "Add 2 and 2.\n",
        answer: "The answer is **4**.",
      });
    }
  });

  it("handles one character per chunk (tags cut everywhere)", () => {
    expect(run([...RAW])).toMatchObject({
      reasoning: "Add 2 and 2.\n",
      answer: "The answer is **4**.",
    });
  });

  it("streams reasoning before the closing tag arrives", () => {
    const splitter = createThinkSplitter();
    expect(splitter.push("<think>Let me")).toEqual([{ delta: "Let me", reasoning: true }]);
    expect(splitter.push(" see</th")).toEqual([{ delta: " see", reasoning: true }]);
    expect(splitter.push("ink>Yes")).toEqual([{ delta: "Yes" }]);
  });

  it("leaves answers without a think section untouched", () => {
    expect(run(["Hello", " there"]).chunks).toEqual([{ delta: "Hello" }, { delta: " there" }]);
  });

  it("does not treat a <think> tag in the middle of an answer as reasoning", () => {
    const text = "Use the <think> tag like this: <think>x</think>";
    expect(run([text])).toMatchObject({ reasoning: "", answer: text });
  });

  it("flushes an unterminated think section as reasoning", () => {
    expect(run(["<think>still thinking</thi"])).toMatchObject({
      reasoning: "still thinking</thi",
      answer: "",
    });
  });

  it("flushes a held-back prefix that never became a tag as answer text", () => {
    expect(run(["<thi"])).toMatchObject({ reasoning: "", answer: "<thi" });
  });

  it("handles an empty think section", () => {
    expect(run(["<think>\n\n</think>\n\nHi"])).toMatchObject({ reasoning: "", answer: "Hi" });
  });
});
