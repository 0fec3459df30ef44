import { describe, expect, it } from "vitest";
import { emptyUsage } from "../usage";
import { finishReasonOf, toWllamaRequest, usageFromWllama } from "./wllama-request";

const messages = [
  { role: "system" as const, content: "Be brief." },
  { role: "user" as const, content: "2+2?" },
];

describe("toWllamaRequest", () => {
  it("streams with usage and leaves unset settings out", () => {
    expect(toWllamaRequest({ modelId: "m", messages, params: {} })).toEqual({
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("passes every setting under llama.cpp's OpenAI-style names", () => {
    const body = toWllamaRequest({
      modelId: "m",
      messages,
      params: {
        max_tokens: 64,
        temperature: 0,
        top_p: 0.5,
        seed: 0,
        stop: ["\n\n"],
        enable_thinking: false,
      },
    });
    expect(body).toMatchObject({
      max_tokens: 64,
      temperature: 0,
      top_p: 0.5,
      seed: 0,
      stop: ["\n\n"],
      chat_template_kwargs: { enable_thinking: false },
    });
  });

  it("drops an empty stop list", () => {
    expect(toWllamaRequest({ modelId: "m", messages, params: { stop: [] } })).not.toHaveProperty(
      "stop",
    );
  });
});

describe("finishReasonOf", () => {
  it("maps OpenAI's reasons", () => {
    expect(finishReasonOf("length")).toBe("length");
    expect(finishReasonOf("stop")).toBe("stop");
    expect(finishReasonOf("tool_calls")).toBe("stop");
    expect(finishReasonOf(null)).toBeUndefined();
  });
});

describe("usageFromWllama", () => {
  const measured = {
    ...emptyUsage(0),
    completionTokens: 5,
    ttftMs: 40,
    totalMs: 200,
    decodeTokensPerS: 25,
  };
  const timings = {
    prompt_n: 20,
    prompt_ms: 10,
    prompt_per_second: 2000,
    predicted_n: 6,
    predicted_ms: 150,
    predicted_per_second: 40,
  };

  it("takes counts and rates from llama.cpp, times as the caller measured them", () => {
    const usage = usageFromWllama(
      { usage: { prompt_tokens: 21, completion_tokens: 6 }, timings },
      measured,
    );
    expect(usage).toEqual({
      promptTokens: 21,
      completionTokens: 6,
      ttftMs: 40,
      prefillTokensPerS: 2000,
      decodeTokensPerS: 40,
      totalMs: 200,
    });
  });

  it("falls back to timings, then to what was measured", () => {
    expect(usageFromWllama({ timings }, measured)).toMatchObject({
      promptTokens: 20,
      completionTokens: 6,
    });
    const cached = { ...timings, prompt_ms: 0, prompt_per_second: Infinity };
    expect(usageFromWllama({ timings: cached }, measured).prefillTokensPerS).toBe(0);
    expect(usageFromWllama({}, measured)).toEqual(measured);
  });
});
