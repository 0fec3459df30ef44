import { describe, expect, it } from "vitest";
import { isPolymathError } from "../errors";
import {
  conversationToJson,
  conversationToMarkdown,
  parseConversationJson,
} from "./conversation-export";
import type { Conversation } from "./conversation-schema";

// A fixture conversation written for this test; the answers are not real model output.
const fixture: Conversation = {
  id: "c1",
  title: "Primes\nand more",
  createdAt: Date.UTC(2025, 0, 2, 3, 4, 5),
  updatedAt: Date.UTC(2025, 0, 2, 3, 5, 0),
  modelId: "Qwen3-1.7B-q4f16_1-MLC",
  systemPrompt: "You are terse.\nAnswer in one line.",
  params: { temperature: 0.6, max_tokens: 256, enable_thinking: true },
  messages: [
    { id: "m0", role: "user", content: "Is 7 prime?" },
    {
      id: "m1",
      role: "assistant",
      content: "Yes.",
      reasoning: "7 has no divisors but 1 and 7.",
      modelId: "Qwen3-1.7B-q4f16_1-MLC",
      finishReason: "length",
      usage: {
        promptTokens: 21,
        completionTokens: 12,
        ttftMs: 410,
        prefillTokensPerS: 512.3,
        decodeTokensPerS: 38.44,
        totalMs: 3520,
      },
    },
    {
      id: "m2",
      role: "assistant",
      content: "",
      modelId: "Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC",
      finishReason: "error",
      error: { code: "device-lost", message: "GPU lost", advice: "Reload.", details: {} },
    },
  ],
};

describe("conversation export", () => {
  it("writes Markdown with settings, reasoning and metrics per answer", () => {
    const md = conversationToMarkdown(fixture);
    expect(md.startsWith("# Primes and more\n")).toBe(true);
    expect(md).toContain("- Model: `Qwen3-1.7B-q4f16_1-MLC`");
    expect(md).toContain("- Started: 2025-01-02T03:04:05.000Z");
    expect(md).toContain("- Settings: temperature 0.6, max tokens 256, thinking on");
    expect(md).toContain("## System prompt\n\n> You are terse.\n> Answer in one line.");
    expect(md).toContain("## User\n\nIs 7 prime?");
    expect(md).toContain("<details><summary>Reasoning</summary>\n\n7 has no divisors");
    expect(md).toContain(
      "*21 prompt + 12 answer tokens · first token 410 ms · prefill 512 tok/s · decode 38.4 tok/s · total 3.52 s · finished: length*",
    );
    expect(md).toContain("## Assistant · `Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC`");
    expect(md).toContain("> **Error (device-lost):** GPU lost");
    expect(md.indexOf("Is 7 prime?")).toBeLessThan(md.indexOf("Yes."));
  });

  it("marks answers replayed from a recording", () => {
    const replayed = {
      ...fixture,
      messages: [{ id: "r1", role: "assistant" as const, content: "Hi.", replayOf: "demo.json" }],
    };
    expect(conversationToMarkdown(replayed)).toContain(
      "*replayed from demo.json, not a live answer*",
    );
  });

  it("round-trips through versioned JSON", () => {
    const json = conversationToJson(fixture, new Date(0));
    const parsed = JSON.parse(json) as { format: string; schema: number; exportedAt: string };
    expect(parsed.format).toBe("polymath-conversation");
    expect(parsed.schema).toBe(2);
    expect(parsed.exportedAt).toBe("1970-01-01T00:00:00.000Z");
    expect(parseConversationJson(json)).toEqual(fixture);
  });

  it("reads a version-1 export and refuses other files", () => {
    const v1 = {
      format: "polymath-conversation",
      schema: 1,
      data: { id: "x", title: "t", createdAt: 1, updatedAt: 1, model: "m", messages: [] },
    };
    expect(parseConversationJson(JSON.stringify(v1)).modelId).toBe("m");
    const code = (text: string) => {
      try {
        parseConversationJson(text);
        return "none";
      } catch (e) {
        return isPolymathError(e) ? e.code : "other";
      }
    };
    expect(code("{not json")).toBe("malformed-input");
    expect(code(JSON.stringify({ format: "other", schema: 1, data: {} }))).toBe(
      "unsupported-format",
    );
    expect(code(JSON.stringify({ ...v1, schema: 9 }))).toBe("schema-too-new");
  });
});
