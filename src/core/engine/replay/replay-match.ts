/**
 * Which recorded answer a replayed chat gets. A recording only holds answers to the prompts it
 * saw, so a prompt it never saw is refused rather than answered with another question's answer.
 */
import { PolymathError } from "../../errors";
import type { Recording, RecordingEntry } from "./recording";
import type { ChatMessage, ChatRequest } from "../types";

/** "exact": same messages; "loose": same user/assistant turns, other system prompt or sampling. */
export type ReplayMatchKind = "exact" | "loose";

export interface ReplayMatch {
  entry: RecordingEntry;
  kind: ReplayMatchKind;
}

/** Longest prompt shown in an error's details before it is cut with an ellipsis. */
const PROMPT_PREVIEW_CHARS = 80;

/**
 * The entry answering `request`: same model and identical messages, else same model and identical
 * user/assistant turns (system prompt ignored). Unplayed entries first, so a recorded conversation
 * plays in order. Throws `model-not-found` or `replay-no-match` when there is none.
 */
export function matchEntry(
  recording: Recording,
  request: ChatRequest,
  played: ReadonlySet<string> = new Set(),
): ReplayMatch {
  const forModel = recording.entries.filter((e) => e.modelId === request.modelId);
  if (forModel.length === 0) {
    throw new PolymathError(
      "model-not-found",
      `The recording has no answers from ${request.modelId}.`,
      {
        advice: "Pick one of the models this recording holds answers for.",
        details: { modelId: request.modelId },
      },
    );
  }
  const best = (list: RecordingEntry[]): RecordingEntry | undefined =>
    list.find((e) => !played.has(e.id)) ?? list[0];
  const exact = best(forModel.filter((e) => sameMessages(e.request.messages, request.messages)));
  if (exact) return { entry: exact, kind: "exact" };
  const turns = conversationTurns(request.messages);
  const loose = best(
    forModel.filter((e) => sameTurns(conversationTurns(e.request.messages), turns)),
  );
  if (loose && turns.length > 0) return { entry: loose, kind: "loose" };

  const prompts = recordedPrompts(recording, request.modelId);
  const details: Record<string, string | number> = {
    modelId: request.modelId,
    recordedPrompts: prompts.length,
  };
  prompts.forEach((p, i) => (details[`prompt ${i + 1}`] = preview(p)));
  throw new PolymathError(
    "replay-no-match",
    // No model name in the message: a blind comparison shows it in a column.
    "The recording has no answer for this prompt.",
    { details },
  );
}

/**
 * The first user message of each entry (of `modelId` when given), without repeats, in order; with
 * `followUps`, the last user message of entries that continue a conversation instead.
 */
export function recordedPrompts(
  recording: Recording,
  modelId?: string,
  followUps = false,
): string[] {
  const out: string[] = [];
  for (const e of recording.entries) {
    if (modelId !== undefined && e.modelId !== modelId) continue;
    const users = e.request.messages.filter((m) => m.role === "user");
    if (followUps && users.length < 2) continue;
    const prompt = (followUps ? users.at(-1) : users[0])?.content;
    if (prompt !== undefined && prompt.trim() !== "" && !out.includes(prompt)) out.push(prompt);
  }
  return out;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PROMPT_PREVIEW_CHARS ? `${flat.slice(0, PROMPT_PREVIEW_CHARS - 1)}…` : flat;
}

function conversationTurns(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.filter((m) => m.role === "user" || m.role === "assistant");
}

function sameMessages(a: readonly ChatMessage[], b: readonly ChatMessage[]): boolean {
  return (
    a.length === b.length && a.every((m, i) => m.role === b[i]?.role && m.content === b[i]?.content)
  );
}

// Surrounding whitespace is not part of the question (a pasted prompt often ends in a newline).
function sameTurns(a: readonly ChatMessage[], b: readonly ChatMessage[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => m.role === b[i]?.role && m.content.trim() === b[i]?.content.trim())
  );
}
