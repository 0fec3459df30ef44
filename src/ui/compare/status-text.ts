/** How a column's status reads on screen; pure so the words are tested once. */
import type { ColumnStatus } from "../../core/runs/compare/run-comparison";

export type StatusTone = "idle" | "busy" | "ok" | "bad";

/** Short text and tone for a column's status ("Loading 42%", "Skipped: needs 2000 MB…"). */
export function statusText(status: ColumnStatus | undefined): { text: string; tone: StatusTone } {
  switch (status?.state) {
    case undefined:
      return { text: "", tone: "idle" };
    case "waiting":
      return { text: "Waiting", tone: "idle" };
    case "loading":
      return { text: `Loading ${Math.round(status.fraction * 100)}%`, tone: "busy" };
    case "generating":
      return { text: "Generating…", tone: "busy" };
    case "done":
      return status.result.finishReason === "length"
        ? { text: "Done (hit the token limit)", tone: "ok" }
        : { text: "Done", tone: "ok" };
    case "error":
      return { text: `Error: ${status.error.message}`, tone: "bad" };
    case "skipped":
      return { text: `Skipped: ${status.reason}`, tone: "bad" };
    case "cancelled":
      return { text: "Cancelled", tone: "idle" };
  }
}

/** Greedy or sampled, the seed and the length cap, as one line for the fairness banner. */
export function paramsText(params: {
  temperature?: number;
  seed?: number;
  max_tokens?: number;
  top_p?: number;
  enable_thinking?: boolean;
}): string {
  const parts: string[] = [];
  const t = params.temperature;
  parts.push(
    t === 0
      ? "temperature 0 (greedy)"
      : t === undefined
        ? "model's default temperature"
        : `temperature ${t}`,
  );
  if (params.top_p !== undefined) parts.push(`top-p ${params.top_p}`);
  parts.push(params.seed === undefined ? "no fixed seed" : `seed ${params.seed}`);
  if (params.max_tokens !== undefined) parts.push(`at most ${params.max_tokens} tokens`);
  if (params.enable_thinking !== undefined)
    parts.push(`thinking ${params.enable_thinking ? "on" : "off"}`);
  return parts.join(" · ");
}
