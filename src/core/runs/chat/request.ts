/**
 * Pure helpers of the Chat view: the request a conversation sends, its title, and how an answer's
 * end is named. Kept apart from the runes state so they are tested in node without a browser.
 */
import type { ChatMessage, ChatRequest, FinishReason, SamplingParams } from "../../engine/types";
import type { ConversationMessage } from "../../storage/conversation-schema";

/** Qwen3 (and Qwen3.5) chat templates read `enable_thinking`; other models ignore or reject it. */
export function supportsThinking(modelId: string): boolean {
  return modelId.startsWith("Qwen3");
}

/** The sampling settings worth sending: finite numbers only, thinking only where it means something. */
export function cleanParams(params: SamplingParams, modelId: string): SamplingParams {
  const out: SamplingParams = {};
  const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  if (finite(params.temperature) && params.temperature >= 0) out.temperature = params.temperature;
  if (finite(params.top_p) && params.top_p > 0 && params.top_p <= 1) out.top_p = params.top_p;
  if (finite(params.max_tokens) && params.max_tokens >= 1)
    out.max_tokens = Math.floor(params.max_tokens);
  if (finite(params.seed) && Number.isInteger(params.seed)) out.seed = params.seed;
  if (params.stop?.length) out.stop = [...params.stop];
  if (supportsThinking(modelId) && typeof params.enable_thinking === "boolean") {
    out.enable_thinking = params.enable_thinking;
  }
  return out;
}

/** What a conversation needs to become a request. */
export interface RequestSource {
  systemPrompt: string;
  params: SamplingParams;
  messages: readonly ConversationMessage[];
}

/**
 * The chat request for the next answer: the system prompt, then every turn so far. Answers that
 * failed or are empty are left out (they would teach the model nothing), and reasoning is never
 * sent back: Qwen3's template drops earlier thinking too.
 */
export function buildChatRequest(source: RequestSource, modelId: string): ChatRequest {
  const messages: ChatMessage[] = [];
  if (source.systemPrompt.trim()) messages.push({ role: "system", content: source.systemPrompt });
  for (const m of source.messages) {
    if (m.role === "assistant" && (m.error !== undefined || m.content.trim() === "")) continue;
    messages.push({ role: m.role, content: m.content });
  }
  return { modelId, messages, params: cleanParams(source.params, modelId) };
}

const TITLE_LENGTH = 60;

/** A conversation title from its first prompt: one line, cut at a word near 60 characters. */
export function titleFromPrompt(prompt: string): string {
  const line = prompt.replace(/\s+/g, " ").trim();
  if (line.length <= TITLE_LENGTH) return line || "New chat";
  const cut = line.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** How the end of an answer is shown; null for a normal end ("stop"). */
export function finishLabel(reason: FinishReason | undefined): string | null {
  switch (reason) {
    case "abort":
      return "stopped";
    case "length":
      return "length: cut at the max tokens limit";
    case "error":
      return "error";
    default:
      return null;
  }
}
