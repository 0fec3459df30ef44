/**
 * Carry out a bench plan against an Engine: load each model once, ask it every pending item with
 * the same template and settings, save each answer the moment it is complete, and score it in the
 * background (scoring never holds up the next generation). An item still generating after the time
 * limit is stopped and counts as failed. Pausing finishes the item in flight and stops; cancelling
 * stops at once. Nothing already saved is asked again: the plan is made from what is stored.
 *
 * Steps marked `loadWith` (models that fit in memory together, see `groupLoads`) load their
 * models in one call; a model loaded that way is not loaded again for its own step.
 *
 * A model whose runtime serves requests in parallel (a remote server that batches them) may be
 * given `concurrency` > 1: up to that many of its items are asked at once, each item taken from
 * the plan exactly once; pausing or cancelling stops new items from starting. Each model's
 * throughput (requests in flight, completed requests/s, generated tokens/s, 429 waits) is measured
 * as its items start and end, and reported with every change.
 */
import { PolymathError, toPolymathError } from "../../errors";
import { systemScheduler, type Scheduler } from "../../engine/scheduler";
import type { ChatRequest, Engine, RateLimitWaits } from "../../engine/types";
import type { SuiteItem, Verdict } from "../../scoring/types";
import type { BenchModelPlan, BenchTask } from "./plan";
import { ThroughputMeter, type Throughput } from "./throughput";
import type { BenchResult, LoadCost } from "./types";

export type BenchEvent =
  | { type: "loading"; modelId: string }
  | { type: "loaded"; modelId: string; cost: LoadCost }
  | { type: "item"; modelId: string; task: BenchTask }
  /** `overheadMs`: the runner's own time on this item (planning, saving), outside generation. */
  | { type: "answered"; result: BenchResult; generationMs: number; overheadMs: number }
  | { type: "scored"; result: BenchResult }
  /** This session's throughput of `modelId` so far, after one of its requests started or ended. */
  | { type: "throughput"; modelId: string; inFlight: number; throughput: Throughput };

export interface RunBenchOptions {
  engine: Engine;
  plan: readonly BenchModelPlan[];
  runId: string;
  /** The request for one item (`modelId` is the plan's: a prompted variant keeps its own id). */
  request: (modelId: string, item: SuiteItem, suiteId: string) => ChatRequest;
  score: (task: BenchTask, answer: string) => Promise<Verdict>;
  /** Whether a model's files are all on the device before it loads (cold vs warm). */
  cached?: (modelId: string) => Promise<boolean>;
  /** Store one result; a rejection stops the run (nothing is lost: the item runs again later). */
  save: (result: BenchResult) => Promise<void>;
  onEvent?: (event: BenchEvent) => void;
  /** Checked between items: true finishes the item in flight and stops. */
  shouldPause?: () => boolean;
  signal?: AbortSignal;
  itemTimeoutMs: number;
  scheduler?: Scheduler;
  /** Items of this model (its engine id) asked at once; 1 (one after another) by default. */
  concurrency?: (modelId: string) => number;
}

export type BenchOutcome = "done" | "paused" | "cancelled";

/** Run `plan`; resolves when every item is answered and scored, or when paused or cancelled. */
export async function runBench(options: RunBenchOptions): Promise<BenchOutcome> {
  const { engine, plan, signal } = options;
  const scheduler = options.scheduler ?? systemScheduler;
  const scoring = new Set<Promise<void>>();
  let saveFailure: unknown = null;
  let outcome: BenchOutcome;
  try {
    outcome = await generate();
  } finally {
    // What was answered is scored even when the run stops; a cancelled run keeps its answers.
    await Promise.all([...scoring]);
  }
  if (saveFailure) throw saveFailure;
  return outcome;

  async function generate(): Promise<BenchOutcome> {
    for (const step of plan) {
      if (signal?.aborted) return "cancelled";
      if (options.shouldPause?.()) return "paused";
      // A model still loaded (a resumed pause, a prompted variant after its base) is not loaded again.
      const engineId = step.engineId ?? step.modelId;
      // Models that fit together load in one call: nothing loads between them.
      if (step.load && !engine.loaded().includes(engineId)) {
        await load(options, step.loadWith ?? [engineId], scheduler);
      }
      const width = Math.max(1, Math.floor(options.concurrency?.(engineId) ?? 1));
      const meter = new ThroughputMeter();
      const stopped = width > 1 ? await inParallel(step, width, meter) : await inTurn(step, meter);
      if (stopped) return stopped;
    }
    return "done";
  }

  /** The step's items one after another; the outcome when it stopped early. */
  async function inTurn(
    step: BenchModelPlan,
    meter: ThroughputMeter,
  ): Promise<BenchOutcome | null> {
    for (const task of step.tasks) {
      if (signal?.aborted) return "cancelled";
      if (options.shouldPause?.()) return "paused";
      if (!(await ask(step, task, meter))) return "cancelled";
    }
    return null;
  }

  /** Up to `width` items at once: workers take the next item from one cursor, so none runs twice. */
  async function inParallel(
    step: BenchModelPlan,
    width: number,
    meter: ThroughputMeter,
  ): Promise<BenchOutcome | null> {
    let next = 0;
    let stopped: BenchOutcome | null = null;
    let failure: unknown = null;
    const worker = async (): Promise<void> => {
      while (stopped === null && failure === null) {
        if (signal?.aborted) stopped = "cancelled";
        else if (options.shouldPause?.()) stopped = "paused";
        const task = stopped === null ? step.tasks[next++] : undefined;
        if (!task) return;
        try {
          if (!(await ask(step, task, meter))) stopped = "cancelled";
        } catch (e) {
          failure ??= e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(width, step.tasks.length) }, worker));
    if (failure !== null) throw failure;
    return stopped;
  }

  /** Ask one item, save and score it; false when the run was cancelled meanwhile. */
  async function ask(
    step: BenchModelPlan,
    task: BenchTask,
    meter: ThroughputMeter,
  ): Promise<boolean> {
    const started = scheduler.now();
    const measured = (): void =>
      options.onEvent?.({
        type: "throughput",
        modelId: step.modelId,
        inFlight: meter.inFlight,
        throughput: meter.snapshot(scheduler.now()),
      });
    options.onEvent?.({ type: "item", modelId: step.modelId, task });
    meter.start(started);
    measured();
    let answered: Awaited<ReturnType<typeof answer>>;
    try {
      answered = await answer(options, step.modelId, task, scheduler);
    } catch (e) {
      meter.end(scheduler.now());
      throw e;
    }
    const { result, generationMs, rateLimited } = answered;
    if (signal?.aborted) {
      meter.end(scheduler.now());
      return false;
    }
    meter.end(scheduler.now(), {
      completionTokens: result.usage?.completionTokens ?? 0,
      ...(rateLimited ? { rateLimited } : {}),
    });
    measured();
    await options.save(result);
    const overheadMs = Math.max(0, scheduler.now() - started - generationMs);
    options.onEvent?.({ type: "answered", result, generationMs, overheadMs });
    const job = scoreLater(options, task, result).catch((e: unknown) => {
      saveFailure ??= e;
    });
    scoring.add(job);
    void job.finally(() => scoring.delete(job));
    if (saveFailure) throw saveFailure;
    return true;
  }
}

/** Load `modelIds` in one call; each gets the call's time, and `with` names the others. */
async function load(options: RunBenchOptions, modelIds: string[], scheduler: Scheduler) {
  const cold = await Promise.all(
    modelIds.map(async (id) =>
      options.cached ? !(await options.cached(id).catch(() => false)) : false,
    ),
  );
  for (const modelId of modelIds) options.onEvent?.({ type: "loading", modelId });
  const started = scheduler.now();
  await options.engine.load(modelIds, options.signal ? { signal: options.signal } : {});
  const loadMs = Math.round(scheduler.now() - started);
  modelIds.forEach((modelId, i) => {
    const others = modelIds.filter((id) => id !== modelId);
    const cost: LoadCost = {
      loadMs,
      cold: cold[i] ?? false,
      ...(others.length ? { with: others } : {}),
    };
    options.onEvent?.({ type: "loaded", modelId, cost });
  });
}

async function answer(
  options: RunBenchOptions,
  modelId: string,
  task: BenchTask,
  scheduler: Scheduler,
): Promise<{ result: BenchResult; generationMs: number; rateLimited?: RateLimitWaits }> {
  const base = {
    runId: options.runId,
    modelId,
    suiteId: task.suiteId,
    itemId: task.item.id,
    domain: task.item.domain,
    kind: task.item.kind,
  };
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  const timer = scheduler.setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, options.itemTimeoutMs);
  const started = scheduler.now();
  const took = () => scheduler.now() - started;
  try {
    const result = await options.engine.chat(options.request(modelId, task.item, task.suiteId), {
      onChunk: () => {},
      signal: stop.signal,
    });
    const generationMs = took();
    return {
      generationMs,
      ...(result.rateLimited ? { rateLimited: result.rateLimited } : {}),
      result: {
        ...base,
        answer: result.text,
        finishReason: timedOut ? "timeout" : result.finishReason,
        usage: result.usage,
        ...(result.error ? { error: result.error } : {}),
        at: Date.now(),
      },
    };
  } catch (e) {
    const error = toPolymathError(e);
    // A lost device or a crashed engine stops the run: the item is not saved and runs again.
    if (error.code === "device-lost" || error.code === "engine-crashed") throw error;
    return {
      generationMs: took(),
      result: {
        ...base,
        answer: "",
        finishReason: timedOut ? "timeout" : "error",
        error: error.toJSON(),
        at: Date.now(),
      },
    };
  } finally {
    scheduler.clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

async function scoreLater(options: RunBenchOptions, task: BenchTask, result: BenchResult) {
  let verdict: Verdict;
  if (result.finishReason === "timeout") {
    verdict = fail(task, `stopped at the ${Math.round(options.itemTimeoutMs / 1000)} s time limit`);
  } else if (result.error) {
    verdict = fail(task, `the model failed: ${result.error.message}`);
  } else {
    try {
      verdict = await options.score(task, result.answer);
    } catch (e) {
      // The scorer itself failed (sandbox gone): keep the answer, say why it has no verdict.
      const error = toPolymathError(e);
      throw new PolymathError(error.code, `Scoring ${task.item.id} failed: ${error.message}`, {
        advice: error.advice,
        cause: e,
      });
    }
  }
  const scored = { ...result, verdict };
  await options.save(scored);
  options.onEvent?.({ type: "scored", result: scored });
}

function fail(task: BenchTask, reason: string): Verdict {
  return { itemId: task.item.id, pass: false, score: 0, reason };
}
