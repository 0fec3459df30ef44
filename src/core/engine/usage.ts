/**
 * Usage arithmetic shared by the engines: zero usage, usage of an answer cut short, and the
 * mapping from web-llm's OpenAI-style usage (seconds, snake_case) to Polymath's `Usage` (ms).
 */
import type { Usage } from "./types";

/** Usage of an answer that produced nothing. */
export function emptyUsage(promptTokens = 0): Usage {
  return {
    promptTokens,
    completionTokens: 0,
    ttftMs: 0,
    prefillTokensPerS: 0,
    decodeTokensPerS: 0,
    totalMs: 0,
  };
}

/**
 * Usage of a recorded answer played only in part: completion tokens prorated by the characters
 * delivered (chunks may hold several tokens after batching), rates as recorded, and time up to
 * the last delivered chunk on the recorded timeline.
 */
export function partialUsage(
  recorded: Usage,
  deliveredChars: number,
  totalChars: number,
  lastChunkT: number,
): Usage {
  if (deliveredChars <= 0) return emptyUsage(recorded.promptTokens);
  const share = totalChars > 0 ? Math.min(1, deliveredChars / totalChars) : 1;
  return {
    promptTokens: recorded.promptTokens,
    completionTokens: Math.max(1, Math.round(recorded.completionTokens * share)),
    ttftMs: recorded.ttftMs,
    prefillTokensPerS: recorded.prefillTokensPerS,
    decodeTokensPerS: recorded.decodeTokensPerS,
    totalMs: lastChunkT,
  };
}

/** The usage chunk web-llm sends last when `stream_options.include_usage` is set. */
export interface OpenAiStyleUsage {
  prompt_tokens: number;
  completion_tokens: number;
  extra?: {
    e2e_latency_s: number;
    prefill_tokens_per_s: number;
    decode_tokens_per_s: number;
    time_to_first_token_s: number;
  };
}

/** Convert web-llm's usage to `Usage`; `measured` fills timings web-llm did not report. */
export function usageFromOpenAi(usage: OpenAiStyleUsage, measured: Usage): Usage {
  const extra = usage.extra;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    ttftMs: extra ? extra.time_to_first_token_s * 1000 : measured.ttftMs,
    prefillTokensPerS: extra ? extra.prefill_tokens_per_s : measured.prefillTokensPerS,
    decodeTokensPerS: extra ? extra.decode_tokens_per_s : measured.decodeTokensPerS,
    totalMs: extra ? extra.e2e_latency_s * 1000 : measured.totalMs,
  };
}

/** Usage from the stream as observed, for when the engine sent no usage (error, old engine). */
export function measuredUsage(observed: {
  promptTokens: number;
  completionTokens: number;
  firstChunkMs: number | null;
  totalMs: number;
}): Usage {
  const ttftMs = observed.firstChunkMs ?? observed.totalMs;
  const decodeMs = observed.totalMs - ttftMs;
  return {
    promptTokens: observed.promptTokens,
    completionTokens: observed.completionTokens,
    ttftMs,
    prefillTokensPerS: ttftMs > 0 ? (observed.promptTokens * 1000) / ttftMs : 0,
    decodeTokensPerS:
      decodeMs > 0 && observed.completionTokens > 1
        ? ((observed.completionTokens - 1) * 1000) / decodeMs
        : 0,
    totalMs: observed.totalMs,
  };
}
