/**
 * The embed page's postMessage API (documented in the README, "How to embed"). Every message is a
 * plain object with `type` starting "polymath:"; the embed validates each field of what the host
 * sends and ignores anything else.
 *
 * host → embed: { type: "polymath:prompt", prompt: string, id?: string }
 * embed → host: { type: "polymath:ready", models: string[], prompts: string[] }
 *               { type: "polymath:chunk", id, modelId, delta }
 *               { type: "polymath:done", id, modelId, text, usage }
 *               { type: "polymath:error", id, code, message }
 */
import type { Usage } from "../engine/types";

export interface PromptMessage {
  type: "polymath:prompt";
  prompt: string;
  id: string;
}

export type EmbedEvent =
  | { type: "polymath:ready"; models: string[]; prompts: string[] }
  | { type: "polymath:chunk"; id: string; modelId: string; delta: string }
  | { type: "polymath:done"; id: string; modelId: string; text: string; usage: Usage }
  | { type: "polymath:error"; id: string; code: string; message: string };

const MAX_PROMPT = 20_000;

/** The host's message as a prompt request, or null when it is not one (then it is ignored). */
export function readHostMessage(data: unknown, fallbackId: string): PromptMessage | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  if (d.type !== "polymath:prompt") return null;
  if (typeof d.prompt !== "string" || !d.prompt.trim() || d.prompt.length > MAX_PROMPT) return null;
  if (d.id !== undefined && (typeof d.id !== "string" || d.id.length > 100)) return null;
  return {
    type: "polymath:prompt",
    prompt: d.prompt,
    id: (d.id as string | undefined) ?? fallbackId,
  };
}
