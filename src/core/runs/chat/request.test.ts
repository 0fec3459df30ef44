import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "../../storage/conversation-schema";
import {
  buildChatRequest,
  cleanParams,
  finishLabel,
  supportsThinking,
  titleFromPrompt,
} from "./request";

const msg = (
  role: ConversationMessage["role"],
  content: string,
  extra: Partial<ConversationMessage> = {},
): ConversationMessage => ({ id: `${role}-${content}`, role, content, ...extra });

describe("buildChatRequest", () => {
  it("puts the system prompt first and keeps every turn in order", () => {
    const request = buildChatRequest(
      {
        systemPrompt: "Be brief.",
        params: { temperature: 0.2 },
        messages: [msg("user", "Hi"), msg("assistant", "Hello!"), msg("user", "And now?")],
      },
      "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
    );
    expect(request).toEqual({
      modelId: "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
        { role: "user", content: "And now?" },
      ],
      params: { temperature: 0.2 },
    });
  });

  it("leaves out a blank system prompt, failed and empty answers, and reasoning", () => {
    const request = buildChatRequest(
      {
        systemPrompt: "  ",
        params: {},
        messages: [
          msg("user", "Q1"),
          msg("assistant", "", { finishReason: "abort" }),
          msg("user", "Q2"),
          msg("assistant", "partial", {
            error: { code: "device-lost", message: "lost", advice: "", details: {} },
          }),
          msg("user", "Q3"),
          msg("assistant", "A3", { reasoning: "secret thoughts" }),
        ],
      },
      "m",
    );
    expect(request.messages).toEqual([
      { role: "user", content: "Q1" },
      { role: "user", content: "Q2" },
      { role: "user", content: "Q3" },
      { role: "assistant", content: "A3" },
    ]);
  });
});

describe("cleanParams", () => {
  it("sends enable_thinking to Qwen3 models only", () => {
    const params = { temperature: 0.6, enable_thinking: false };
    expect(cleanParams(params, "Qwen3-1.7B-q4f16_1-MLC")).toEqual(params);
    expect(cleanParams(params, "Qwen2.5-1.5B-Instruct-q4f16_1-MLC")).toEqual({ temperature: 0.6 });
  });

  it("drops values that are not finite or out of range and floors max tokens", () => {
    expect(
      cleanParams({ temperature: Number.NaN, top_p: 1.5, max_tokens: 99.7, seed: 1.5 }, "m"),
    ).toEqual({ max_tokens: 99 });
    expect(cleanParams({ top_p: 0.9, seed: 42, max_tokens: 0 }, "m")).toEqual({
      top_p: 0.9,
      seed: 42,
    });
  });
});

describe("supportsThinking", () => {
  it("is true for ids starting with Qwen3", () => {
    expect(supportsThinking("Qwen3-0.6B-q4f32_1-MLC")).toBe(true);
    expect(supportsThinking("Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC")).toBe(false);
    expect(supportsThinking("Llama-3.2-1B-Instruct-q4f16_1-MLC")).toBe(false);
  });
});

describe("titleFromPrompt", () => {
  it("keeps a short prompt on one line", () => {
    expect(titleFromPrompt("  How do I\nreverse a list?  ")).toBe("How do I reverse a list?");
    expect(titleFromPrompt("   ")).toBe("New chat");
  });

  it("cuts a long prompt at a word and marks the cut", () => {
    const title = titleFromPrompt(
      "Explain the difference between a generalist model and a specialist model in detail please",
    );
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title).toBe("Explain the difference between a generalist model and a…");
  });
});

describe("finishLabel", () => {
  it("names every end except a normal stop", () => {
    expect(finishLabel("stop")).toBeNull();
    expect(finishLabel(undefined)).toBeNull();
    expect(finishLabel("abort")).toBe("stopped");
    expect(finishLabel("length")).toMatch(/^length/);
    expect(finishLabel("error")).toBe("error");
  });
});
