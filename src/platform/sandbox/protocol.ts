/**
 * Messages between the sandbox host (app page) and its frames. The frame is our own code, but
 * anything it forwards came from an untrusted program's worker, so the host checks every field.
 */
import type { RunOutcome } from "../../core/scoring/types";

/** Host -> frame: run one program; `id` is fresh per run. */
export interface RunRequest {
  type: "run";
  id: string;
  program: string;
}

/** Frame -> host. */
export type FrameMessage =
  | { type: "ready" }
  | { type: "fatal"; message: string }
  | { type: "result"; id: string; outcome: RunOutcome };

const MAX_NAME = 100;
const MAX_TEXT = 10_000;
const STATUSES: readonly string[] = ["ok", "error", "timeout"];

/** Parse what a frame posted; null for anything that is not a well-formed message. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case "ready":
      return { type: "ready" };
    case "fatal":
      return {
        type: "fatal",
        message: clip(text(data.message) ?? "The sandbox failed.", MAX_TEXT),
      };
    case "result": {
      const outcome = parseOutcome(data.outcome);
      if (typeof data.id !== "string" || !outcome) return null;
      return { type: "result", id: data.id, outcome };
    }
    default:
      return null;
  }
}

function parseOutcome(data: unknown): RunOutcome | null {
  if (!isRecord(data) || typeof data.status !== "string" || !STATUSES.includes(data.status)) {
    return null;
  }
  const durationMs = typeof data.durationMs === "number" ? data.durationMs : NaN;
  const outcome: RunOutcome = {
    status: data.status as RunOutcome["status"],
    durationMs: Number.isFinite(durationMs) && durationMs >= 0 ? durationMs : 0,
  };
  const errorName = text(data.errorName);
  const message = text(data.message);
  const value = text(data.value);
  if (errorName !== undefined) outcome.errorName = clip(errorName, MAX_NAME);
  if (message !== undefined) outcome.message = clip(message, MAX_TEXT);
  if (value !== undefined) outcome.value = clip(value, MAX_TEXT);
  return outcome;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function text(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
