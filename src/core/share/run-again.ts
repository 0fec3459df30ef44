/**
 * "Run this yourself" for a shared comparison: what Compare needs to repeat it live. The models
 * come in the recording's order; the prompt is the comparison's first one (every entry's
 * messages start with it, later turns only add to them) and the system prompt the one it ran with.
 */
import type { Recording } from "../engine/replay/recording";

export interface RunAgain {
  models: string[];
  prompt: string;
  /** Empty when the comparison ran without one. */
  systemPrompt: string;
}

/** The models, first prompt and system prompt of a recorded comparison. */
export function runAgain(recording: Recording): RunAgain {
  const messages = recording.entries[0]?.request.messages ?? [];
  return {
    models: recording.models.map((m) => m.id),
    prompt: messages.find((m) => m.role === "user")?.content ?? "",
    systemPrompt: messages.find((m) => m.role === "system")?.content ?? "",
  };
}
