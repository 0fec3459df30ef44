/**
 * "Run this yourself" for a shared comparison: what Compare needs to repeat it live. The models
 * come in the recording's order; the prompt is the comparison's first one (every entry's
 * messages start with it, later turns only add to them), the system prompt and the sampling
 * settings the ones it ran with (a comparison gives every column the same).
 */
import type { Recording } from "../engine/replay/recording";
import type { SamplingParams } from "../engine/types";

export interface RunAgain {
  models: string[];
  prompt: string;
  /** Empty when the comparison ran without one. */
  systemPrompt: string;
  /** As recorded; empty: each model's defaults. */
  params: SamplingParams;
}

/** The models, first prompt, system prompt and sampling settings of a recorded comparison. */
export function runAgain(recording: Recording): RunAgain {
  const messages = recording.entries[0]?.request.messages ?? [];
  return {
    models: recording.models.map((m) => m.id),
    prompt: messages.find((m) => m.role === "user")?.content ?? "",
    systemPrompt: messages.find((m) => m.role === "system")?.content ?? "",
    params: { ...recording.entries[0]?.request.params },
  };
}
