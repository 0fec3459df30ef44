import { describe, expect, it } from "vitest";
import { emptyUsage, measuredUsage, partialUsage, usageFromOpenAi } from "./usage";

describe("usage helpers", () => {
  const recorded = {
    promptTokens: 10,
    completionTokens: 100,
    ttftMs: 200,
    prefillTokensPerS: 50,
    decodeTokensPerS: 40,
    totalMs: 2700,
  };

  it("prorates completion tokens of a partial answer by characters delivered", () => {
    expect(partialUsage(recorded, 250, 1000, 900)).toEqual({
      ...recorded,
      completionTokens: 25,
      totalMs: 900,
    });
    expect(partialUsage(recorded, 0, 1000, 0)).toEqual(emptyUsage(10));
  });

  it("converts web-llm usage from seconds to ms", () => {
    const usage = usageFromOpenAi(
      {
        prompt_tokens: 12,
        completion_tokens: 30,
        extra: {
          e2e_latency_s: 1.5,
          prefill_tokens_per_s: 120,
          decode_tokens_per_s: 25,
          time_to_first_token_s: 0.1,
        },
      },
      emptyUsage(),
    );
    expect(usage).toEqual({
      promptTokens: 12,
      completionTokens: 30,
      ttftMs: 100,
      prefillTokensPerS: 120,
      decodeTokensPerS: 25,
      totalMs: 1500,
    });
  });

  it("measures rates from the stream when the engine reported none", () => {
    const usage = measuredUsage({
      promptTokens: 20,
      completionTokens: 11,
      firstChunkMs: 200,
      totalMs: 1200,
    });
    expect(usage).toEqual({
      promptTokens: 20,
      completionTokens: 11,
      ttftMs: 200,
      prefillTokensPerS: 100,
      decodeTokensPerS: 10,
      totalMs: 1200,
    });
  });
});
