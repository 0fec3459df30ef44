import { describe, expect, it } from "vitest";
import { addPrompt, dropLastAnswer, rewritePrompt, withParam } from "./edits";
import { blankConversation, type ChatMessage } from "./conversation";

const user = (id: string, content = id): ChatMessage => ({ id, role: "user", content });
const answer = (id: string, content = id): ChatMessage => ({ id, role: "assistant", content });

describe("addPrompt", () => {
  it("titles the conversation with its first prompt only", () => {
    const conv = blankConversation("c", 0, "m");
    addPrompt(conv, "u1", "What is a monad?");
    addPrompt(conv, "u2", "And a functor?");
    expect(conv.title).toBe("What is a monad?");
    expect(conv.messages.map((m) => [m.id, m.role, m.content])).toEqual([
      ["u1", "user", "What is a monad?"],
      ["u2", "user", "And a functor?"],
    ]);
  });
});

describe("dropLastAnswer", () => {
  it("drops a last answer and says whether a prompt is left to answer", () => {
    const messages = [user("u1"), answer("a1")];
    expect(dropLastAnswer(messages)).toBe(true);
    expect(messages.map((m) => m.id)).toEqual(["u1"]);
    expect(dropLastAnswer(messages)).toBe(true);
    expect(messages.map((m) => m.id)).toEqual(["u1"]);
    expect(dropLastAnswer([])).toBe(false);
    expect(dropLastAnswer([answer("a0"), answer("a1")])).toBe(false);
  });
});

describe("rewritePrompt", () => {
  it("replaces a prompt and drops what followed", () => {
    const messages = [user("u1"), answer("a1"), user("u2"), answer("a2")];
    expect(rewritePrompt(messages, "u1", "again")).toBe(true);
    expect(messages).toEqual([user("u1", "again")]);
  });

  it("leaves the messages alone for an unknown id or an answer's id", () => {
    const messages = [user("u1"), answer("a1")];
    expect(rewritePrompt(messages, "nope", "x")).toBe(false);
    expect(rewritePrompt(messages, "a1", "x")).toBe(false);
    expect(messages).toEqual([user("u1"), answer("a1")]);
  });
});

describe("withParam", () => {
  it("sets a setting in a copy and removes emptied or non-finite ones", () => {
    const params = { temperature: 0.7, top_p: 0.9 };
    expect(withParam(params, "temperature", 0.2)).toEqual({ temperature: 0.2, top_p: 0.9 });
    expect(withParam(params, "top_p", undefined)).toEqual({ temperature: 0.7 });
    expect(withParam(params, "temperature", Number.NaN)).toEqual({ top_p: 0.9 });
    expect(withParam(params, "enable_thinking", false)).toEqual({
      ...params,
      enable_thinking: false,
    });
    expect(params).toEqual({ temperature: 0.7, top_p: 0.9 });
  });
});
