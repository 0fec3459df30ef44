/**
 * Polymath's chat request in the OpenAI-style shape llama.cpp's server code reads, and llama.cpp's
 * reply (usage and timings) back as `Usage`. Unset settings stay unset, so the model's defaults
 * (and llama.cpp's sampler chain) apply.
 */
import type { ChatRequest, FinishReason, Usage } from "../types";
import type { WllamaChatRequest, WllamaChunk, WllamaTimings } from "./wllama-core";

/** The request for `createChatCompletion`; streaming, with usage in the last chunk. */
export function toWllamaRequest(request: ChatRequest): WllamaChatRequest {
  const { params } = request;
  const body: WllamaChatRequest = {
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (params.max_tokens !== undefined) body.max_tokens = params.max_tokens;
  if (params.temperature !== undefined) body.temperature = params.temperature;
  if (params.top_p !== undefined) body.top_p = params.top_p;
  if (params.seed !== undefined) body.seed = params.seed;
  if (params.stop !== undefined && params.stop.length > 0) body.stop = [...params.stop];
  // Qwen3-style templates read this switch; templates without it ignore the extra variable.
  if (params.enable_thinking !== undefined) {
    body.chat_template_kwargs = { enable_thinking: params.enable_thinking };
  }
  return body;
}

/** OpenAI's finish reasons in Polymath's words ("tool_calls" cannot happen without tools). */
export function finishReasonOf(reason: string | null | undefined): FinishReason | undefined {
  if (reason === "length") return "length";
  if (reason === "stop" || reason === "tool_calls" || reason === "content_filter") return "stop";
  return undefined;
}

/** What the last chunks of a stream said about the answer's cost. */
export interface WllamaReport {
  usage?: NonNullable<WllamaChunk["usage"]>;
  timings?: WllamaTimings;
}

const rate = (v: number | undefined): number | undefined =>
  v !== undefined && Number.isFinite(v) && v > 0 ? v : undefined;

/**
 * `Usage` from llama.cpp's report where it has one: token counts and prefill and decode rates as
 * llama.cpp measured them inside its worker. Time to first token and total time are `measured`
 * on the caller's side, as the user waits them (they include the hop to the worker).
 */
export function usageFromWllama(report: WllamaReport, measured: Usage): Usage {
  const { usage, timings } = report;
  return {
    promptTokens: usage?.prompt_tokens ?? timings?.prompt_n ?? measured.promptTokens,
    completionTokens: usage?.completion_tokens ?? timings?.predicted_n ?? measured.completionTokens,
    ttftMs: measured.ttftMs,
    prefillTokensPerS: rate(timings?.prompt_per_second) ?? measured.prefillTokensPerS,
    decodeTokensPerS: rate(timings?.predicted_per_second) ?? measured.decodeTokensPerS,
    totalMs: measured.totalMs,
  };
}
