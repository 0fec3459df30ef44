/**
 * web-llm reports loading as `{ progress, timeElapsed, text }` without saying which model, and
 * `reload([a, b])` loads models one after another, each ending with "Finish loading on …". This
 * tracker turns that stream into per-model `LoadProgress`. `fraction` is the progress of the
 * current phase (download, then loading weights and shaders), as web-llm reports it.
 */
import type { LoadPhase, LoadProgress } from "../types";

/** Same shape as web-llm's `InitProgressReport`. */
export interface InitReport {
  progress: number;
  timeElapsed: number;
  text: string;
}

const MB = 1024 * 1024;

/** Phase and byte count read from one report's text. */
export function readReportText(text: string): { phase: LoadPhase; loadedBytes?: number } {
  if (/^Finish loading/.test(text)) return { phase: "ready" };
  const bytes = /(\d+)MB (fetched|loaded)/.exec(text);
  const loadedBytes = bytes ? Number(bytes[1]) * MB : undefined;
  const phase: LoadPhase = /^(Fetching param cache|Start to fetch)/.test(text)
    ? "fetching"
    : "loading";
  return loadedBytes === undefined ? { phase } : { phase, loadedBytes };
}

export interface ProgressTracker {
  /** Turn one web-llm report into the progress of the model it belongs to. */
  report(report: InitReport): LoadProgress;
  /** The model being loaded now (the last one once all are done). */
  current(): string;
}

/** A tracker for one `reload(modelIds)`. */
export function createProgressTracker(
  modelIds: readonly string[],
  elapsedMs: () => number,
): ProgressTracker {
  let index = 0;
  const current = (): string => modelIds[Math.min(index, modelIds.length - 1)] ?? "";
  return {
    current,
    report(report) {
      const modelId = current();
      const { phase, loadedBytes } = readReportText(report.text);
      if (phase === "ready") index++;
      const progress: LoadProgress = {
        modelId,
        phase,
        fraction: phase === "ready" ? 1 : clampFraction(report.progress),
        text: report.text,
        elapsedMs: elapsedMs(),
      };
      if (loadedBytes !== undefined) progress.loadedBytes = loadedBytes;
      return progress;
    },
  };
}

/** web-llm divides by a total that can be 0 before the first shard list arrives. */
function clampFraction(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
}
