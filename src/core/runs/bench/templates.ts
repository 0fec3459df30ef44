/**
 * The prompt every model gets for an item, one template per item kind, the same for every model
 * (shown in the UI and stored in each report's provenance). Code completes the function in one
 * fenced block, math asks for the final answer in GSM8K's `#### <number>` form, choice items carry
 * their own "answer with the letter" line, instruction and check items are asked as written.
 */
import type { ChatMessage, ChatRequest, SamplingParams } from "../../engine/types";
import type { ItemKind, SuiteItem } from "../../scoring/types";

export const PROMPT_TEMPLATES: Readonly<Record<ItemKind, string>> = {
  code:
    "Complete this JavaScript function. Reply with the whole function in one ```javascript " +
    "code block and nothing else.\n\n```javascript\n{prompt}\n```",
  math: '{prompt}\n\nWork it out step by step, then give the final answer on the last line as "#### <number>".',
  choice: "{prompt}",
  instruction: "{prompt}",
  checks: "{prompt}",
};

/** Generation limits per kind: room for a worked answer, not for rambling. */
export const DEFAULT_MAX_TOKENS: Readonly<Record<ItemKind, number>> = {
  code: 512,
  math: 512,
  choice: 256,
  instruction: 768,
  checks: 512,
};

/** Deterministic decoding: differences come from the models, not from sampling luck. */
export const BENCH_PARAMS: Readonly<SamplingParams> = {
  temperature: 0,
  seed: 1,
  enable_thinking: false,
};

/** The text a model is asked for `item`. */
export function benchPrompt(item: SuiteItem): string {
  return PROMPT_TEMPLATES[item.kind].replace("{prompt}", () => item.prompt);
}

/** The request a model gets for `item`; `preamble` (a system prompt, an example) goes first. */
export function benchRequest(
  modelId: string,
  item: SuiteItem,
  params: SamplingParams,
  maxTokens: Record<ItemKind, number>,
  preamble: readonly ChatMessage[] = [],
): ChatRequest {
  return {
    modelId,
    messages: [...preamble, { role: "user", content: benchPrompt(item) }],
    params: { ...params, max_tokens: maxTokens[item.kind] },
  };
}
