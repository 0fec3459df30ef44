/**
 * A stored comparison as a recording (the replay format), so a comparison made on one machine can
 * be replayed on another: each answer becomes an entry whose request holds exactly the messages the
 * model was sent, and whose chunks keep their recorded times.
 */
import type { Recording, RecordingModel } from "../../engine/replay/recording";
import { RecordingBuilder } from "../../engine/replay/recording-builder";
import { columnMessages } from "./column-history";
import type { StoredComparison } from "./comparisons";

export interface ComparisonRecordingOptions {
  app: { name: string; version: string };
  /** Annotations for the models (label, role, domain, vramMB); ids not in the comparison are ignored. */
  models?: readonly RecordingModel[];
  /** ISO date; now by default. */
  createdAt?: string;
}

export interface ComparisonRecording {
  recording: Recording;
  /** Answers left out because their chunks were not kept (nothing to time a replay by). */
  skipped: number;
}

/** Build a recording of every answer in `comparison` that kept its streamed chunks. */
export function comparisonToRecording(
  comparison: StoredComparison,
  options: ComparisonRecordingOptions,
): ComparisonRecording {
  const source = comparison.source;
  const builder = new RecordingBuilder({
    app: options.app,
    engine: {
      kind: source?.engine ?? "webllm",
      ...(source?.webllmVersion ? { webllmVersion: source.webllmVersion } : {}),
    },
    ...(source?.device ? { device: source.device } : {}),
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    // A replayed fixture stays a fixture: never pass synthetic text off as a model's answer.
    ...(source?.fixture ? { fixture: true } : {}),
    note: recordingNote(comparison),
  });
  const annotations = new Map(options.models?.map((m) => [m.id, m]));
  for (const id of comparison.models) builder.addModel({ ...annotations.get(id), id });
  let skipped = 0;
  comparison.turns.forEach((turn, t) => {
    comparison.models.forEach((modelId, m) => {
      const answer = turn.answers[modelId];
      if (!answer) return;
      if (!answer.chunks) {
        skipped++;
        return;
      }
      // The streamed pieces are the truth a replay plays back; the text is what they add up to.
      const joined = (reasoning: boolean) =>
        answer
          .chunks!.filter((c) => (c.reasoning ?? false) === reasoning)
          .map((c) => c.delta)
          .join("");
      builder.addEntry({
        id: `turn${t + 1}-model${m + 1}`,
        modelId,
        request: {
          modelId,
          messages: columnMessages(comparison, modelId, t),
          params: comparison.params,
        },
        chunks: answer.chunks,
        result: {
          text: joined(false),
          reasoning: joined(true),
          finishReason: answer.finishReason,
          usage: answer.usage,
        },
      });
    });
  });
  return { recording: builder.build(), skipped };
}

function recordingNote(comparison: StoredComparison): string {
  const source = comparison.source;
  const parts = [`Comparison "${comparison.title}" exported from Polymath.`];
  if (source?.fixture)
    parts.push("Replayed from a synthetic test fixture, not a real model output.");
  else if (source?.engine === "replay") parts.push("Replayed from an earlier recording.");
  if (source?.replayedModels?.length) {
    parts.push(
      `Answers of ${source.replayedModels.join(", ")} were replayed from an earlier recording; the others ran live.`,
    );
  }
  if (source?.note) parts.push(`Source note: ${source.note}`);
  return parts.join(" ");
}

/** A file name for the exported recording, from the title and date. */
export function recordingFileName(comparison: StoredComparison): string {
  const slug =
    comparison.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "comparison";
  const date = new Date(comparison.createdAt).toISOString().slice(0, 10);
  return `polymath-comparison-${slug}-${date}.json`;
}
