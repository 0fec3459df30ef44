import { describe, expect, it } from "vitest";
import type { GgufHeader, GgufValue } from "./gguf-header";
import { ggufModelFacts } from "./gguf-model";

const headerOf = (entries: [string, GgufValue][]): GgufHeader => ({
  version: 3,
  tensorCount: 0,
  metadata: new Map(entries),
  bytesRead: 0,
});

describe("ggufModelFacts", () => {
  it("reads a Qwen2 header's facts under its architecture's keys", () => {
    const facts = ggufModelFacts(
      headerOf([
        ["general.architecture", "qwen2"],
        ["general.name", "Qwen2.5 0.5B Instruct"],
        ["general.file_type", 15],
        ["qwen2.context_length", 32768],
        ["qwen2.block_count", 24],
        ["qwen2.embedding_length", 896],
        ["qwen2.attention.head_count", 14],
        ["qwen2.attention.head_count_kv", 2],
        ["tokenizer.chat_template", "{% for m in messages %}…"],
        ["tokenizer.ggml.tokens", { itemType: 8, length: 151936 }],
      ]),
    );
    expect(facts).toEqual({
      architecture: "qwen2",
      name: "Qwen2.5 0.5B Instruct",
      fileType: 15,
      contextLength: 32768,
      blockCount: 24,
      embeddingLength: 896,
      headCount: 14,
      headCountKv: 2,
      keyLength: 64,
      valueLength: 64,
      chatTemplate: "{% for m in messages %}…",
      vocabSize: 151936,
    });
  });

  it("prefers explicit key and value lengths, and reads split files", () => {
    const facts = ggufModelFacts(
      headerOf([
        ["general.architecture", "gemma2"],
        ["gemma2.embedding_length", 2304],
        ["gemma2.attention.head_count", 8],
        ["gemma2.attention.key_length", 256],
        ["gemma2.attention.value_length", 256],
        ["split.no", 1],
        ["split.count", 3],
      ]),
    );
    expect(facts).toMatchObject({ keyLength: 256, valueLength: 256, headCountKv: 8 });
    expect(facts.split).toEqual({ index: 1, count: 3 });
  });

  it("says nothing it does not know", () => {
    expect(ggufModelFacts(headerOf([["general.architecture", 7]]))).toEqual({ architecture: "" });
  });
});
