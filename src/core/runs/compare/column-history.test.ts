import { describe, expect, it } from "vitest";
import { columnConversation, columnMessages } from "./column-history";
import type { StoredComparison } from "./comparisons";

const usage = {
  promptTokens: 5,
  completionTokens: 2,
  ttftMs: 100,
  prefillTokensPerS: 50,
  decodeTokensPerS: 20,
  totalMs: 200,
};

// Fixture comparison: the answers are invented for the test, not model output.
const comparison: StoredComparison = {
  id: "c1",
  createdAt: 1,
  title: "Add numbers",
  systemPrompt: "Be brief.",
  params: { temperature: 0, seed: 1 },
  models: ["gen", "math"],
  turns: [
    {
      prompt: "2+2?",
      answers: {
        gen: { text: "4", reasoning: "two and two", finishReason: "stop", usage },
        math: { text: "four", reasoning: "", finishReason: "stop", usage },
      },
    },
    {
      prompt: "times 3?",
      // gen was skipped on this turn.
      answers: { math: { text: "12", reasoning: "", finishReason: "stop", usage } },
    },
    { prompt: "and minus 1?", answers: {} },
  ],
};

describe("columnMessages", () => {
  it("sends the system prompt, the model's own earlier answers and the new prompt", () => {
    expect(columnMessages(comparison, "math", 2)).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "2+2?" },
      { role: "assistant", content: "four" },
      { role: "user", content: "times 3?" },
      { role: "assistant", content: "12" },
      { role: "user", content: "and minus 1?" },
    ]);
  });

  it("leaves out turns the model did not answer and never sends thinking text back", () => {
    expect(columnMessages(comparison, "gen", 2)).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "2+2?" },
      { role: "assistant", content: "4" },
      { role: "user", content: "and minus 1?" },
    ]);
  });

  it("omits an empty system prompt and takes a new prompt for a turn not stored yet", () => {
    const plain = { ...comparison, systemPrompt: "  " };
    expect(columnMessages(plain, "gen", 1, "next")).toEqual([
      { role: "user", content: "2+2?" },
      { role: "assistant", content: "4" },
      { role: "user", content: "next" },
    ]);
  });
});

describe("columnConversation", () => {
  it("turns one column into a chat with that model, keeping usage and thinking", () => {
    const chat = columnConversation(comparison, "gen", { id: "k", now: 99 });
    expect(chat).toMatchObject({
      id: "k",
      title: "Add numbers",
      modelId: "gen",
      systemPrompt: "Be brief.",
      params: { temperature: 0, seed: 1 },
      createdAt: 99,
      updatedAt: 99,
    });
    expect(chat.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "2+2?"],
      ["assistant", "4"],
    ]);
    expect(chat.messages[1]).toMatchObject({ modelId: "gen", reasoning: "two and two", usage });
    expect(new Set(chat.messages.map((m) => m.id)).size).toBe(chat.messages.length);
  });
});
