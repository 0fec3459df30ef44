/**
 * The edits a chat makes to its conversation before answering: pure functions over plain messages
 * and settings, so they are tested in node without runes.
 */
import type { SamplingParams } from "../../engine/types";
import { titleFromPrompt } from "./request";
import type { ChatConversation, ChatMessage } from "./conversation";

/** Append a prompt; the first one also titles the conversation. */
export function addPrompt(conv: ChatConversation, id: string, content: string): void {
  if (!conv.messages.some((m) => m.role === "user")) conv.title = titleFromPrompt(content);
  conv.messages.push({ id, role: "user", content });
}

/** Drop the last answer, if any; true when a prompt is then last (there is something to answer). */
export function dropLastAnswer(messages: ChatMessage[]): boolean {
  if (messages.at(-1)?.role === "assistant") messages.pop();
  return messages.at(-1)?.role === "user";
}

/** Replace the prompt `id` and drop everything after it; false when there is no such prompt. */
export function rewritePrompt(messages: ChatMessage[], id: string, content: string): boolean {
  const i = messages.findIndex((m) => m.id === id && m.role === "user");
  const message = messages[i];
  if (!message) return false;
  message.content = content;
  messages.splice(i + 1);
  return true;
}

/** A copy of `params` with one setting set; `undefined` or a non-finite number removes it. */
export function withParam<K extends keyof SamplingParams>(
  params: SamplingParams,
  key: K,
  value: SamplingParams[K] | undefined,
): SamplingParams {
  const out = { ...params };
  if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
    delete out[key];
  } else {
    out[key] = value;
  }
  return out;
}
