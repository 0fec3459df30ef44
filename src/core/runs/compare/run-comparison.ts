/**
 * Carry out a comparison plan (schedule.ts) for one prompt against an Engine: load and generate as
 * planned, report each column's status, and stream chunks per model with their time since that
 * model's request started (what a recording keeps). Cancelling through the signal interrupts the
 * running generation, marks unfinished columns cancelled and starts no further load.
 */
import { PolymathError, toPolymathError, type SerializedError } from "../../errors";
import { PartialLoadError } from "../../engine/engine-set";
import { systemScheduler } from "../../engine/scheduler";
import type {
  ChatMessage,
  ChatResult,
  Engine,
  SamplingParams,
  StreamChunk,
} from "../../engine/types";
import type { Plan } from "../schedule";

export type ColumnStatus =
  | { state: "waiting" }
  | { state: "loading"; fraction: number; text: string }
  | { state: "generating" }
  | { state: "done"; result: ChatResult }
  /** `result` holds what was generated before the failure, if anything. */
  | { state: "error"; error: SerializedError; result?: ChatResult }
  | { state: "skipped"; reason: string }
  | { state: "cancelled"; result?: ChatResult };

export interface RunComparisonOptions {
  engine: Engine;
  plan: Plan;
  /** The conversation to send each model: in multi-turn comparisons every column has its own. */
  messagesFor: (modelId: string) => ChatMessage[];
  params: SamplingParams;
  onStatus?: (modelId: string, status: ColumnStatus) => void;
  /** Called per streamed chunk with `t`, ms since that model's request started; must return quickly. */
  onChunk?: (modelId: string, chunk: StreamChunk, t: number) => void;
  signal?: AbortSignal;
  /** Monotonic clock in ms; the system clock by default. */
  now?: () => number;
}

const unfinished = new Set<ColumnStatus["state"]>(["waiting", "loading", "generating"]);

/** Run `plan` and resolve with every column's final status (never rejects for a model's failure). */
export async function runComparison(
  options: RunComparisonOptions,
): Promise<Record<string, ColumnStatus>> {
  const { engine, plan, messagesFor, params, onStatus, onChunk, signal } = options;
  const now = options.now ?? systemScheduler.now;
  const statuses: Record<string, ColumnStatus> = {};
  const set = (id: string, status: ColumnStatus) => {
    statuses[id] = status;
    onStatus?.(id, status);
  };
  const isWaiting = (id: string) => {
    const s = statuses[id]?.state;
    return s === "waiting" || s === "loading";
  };

  for (const step of plan.steps) {
    if (step.kind === "skip") set(step.modelId, { state: "skipped", reason: step.reason });
    else for (const id of step.modelIds) if (!statuses[id]) set(id, { state: "waiting" });
  }

  let interrupted = false;
  const onAbort = () => {
    if (interrupted) return;
    interrupted = true;
    // Resolves the pending chat with finishReason "abort"; a failure to interrupt changes nothing.
    engine.interrupt().catch(() => undefined);
  };
  signal?.addEventListener("abort", onAbort, { once: true });

  /** Make exactly `ids` resident; only columns still waiting show the progress. */
  async function load(ids: string[]): Promise<void> {
    const pending = ids.filter(isWaiting);
    if (pending.length === 0) return;
    for (const id of pending) set(id, { state: "loading", fraction: 0, text: "" });
    try {
      // The whole set: the engine drops whatever this call does not name.
      await engine.load(ids, {
        signal,
        onProgress: (p) => {
          // Progress may name one model or the whole request; show it where it belongs. A model
          // already done that is set up again keeps its finished column.
          const targets = pending.includes(p.modelId)
            ? [p.modelId]
            : ids.includes(p.modelId)
              ? []
              : pending;
          for (const id of targets)
            set(id, { state: "loading", fraction: p.fraction, text: p.text });
        },
      });
    } catch (e) {
      if (signal?.aborted) return;
      // Some runtimes may have loaded their models: only the ones that failed are in error.
      const byModel = e instanceof PartialLoadError ? e.byModel : null;
      const error = toPolymathError(e).toJSON();
      for (const id of pending) {
        const own = byModel ? byModel[id] : error;
        if (own)
          set(id, { state: "error", error: own instanceof PolymathError ? own.toJSON() : own });
      }
    }
  }

  async function generate(id: string): Promise<void> {
    set(id, { state: "generating" });
    const start = now();
    try {
      const result = await engine.chat(
        { modelId: id, messages: messagesFor(id), params },
        {
          onChunk: (chunk) => onChunk?.(id, chunk, Math.max(0, Math.round(now() - start))),
          signal,
        },
      );
      if (result.finishReason === "abort" || signal?.aborted)
        set(id, { state: "cancelled", result });
      else if (result.finishReason === "error" || result.error) {
        const error =
          result.error ?? new PolymathError("unknown", "The model stopped with an error.").toJSON();
        set(id, { state: "error", error, result });
      } else set(id, { state: "done", result });
    } catch (e) {
      if (signal?.aborted) set(id, { state: "cancelled" });
      else set(id, { state: "error", error: toPolymathError(e).toJSON() });
    }
  }

  try {
    for (const step of plan.steps) {
      if (signal?.aborted) break;
      if (step.kind === "load") {
        await load(step.modelIds);
      } else if (step.kind === "generate") {
        await Promise.all(step.modelIds.filter(isWaiting).map(generate));
      }
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  for (const [id, status] of Object.entries(statuses)) {
    if (unfinished.has(status.state)) set(id, { state: "cancelled" });
  }
  return statuses;
}
