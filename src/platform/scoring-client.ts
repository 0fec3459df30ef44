/**
 * The main thread's side of the scoring worker: `ScoringClient` owns the Worker, turns requests
 * into promises with progress, and runs the programs the worker asks for in the code sandbox
 * (an iframe pool, so it must be driven from here). A crashed worker fails its pending calls and
 * the next call starts a fresh one.
 */
import { PolymathError, toPolymathError } from "../core/errors";
import type { BenchReport } from "../core/report/bench-report";
import type { BenchResult, BenchRun } from "../core/runs/bench/types";
import type { SuiteFormat } from "../core/scoring/importers/detect-format";
import type {
  ImportResult,
  ScoreReport,
  ScoringCalls,
  ScoringEvent,
  ScoringPhase,
  ScoringRequest,
  SelfTestReport,
} from "../core/scoring/protocol";
import type { CodeRunner, Suite, SuiteItem, Verdict } from "../core/scoring/types";
import {
  connectWorker,
  WorkerClient,
  type WorkerPort,
  type WorkerPortFactory,
  type WorkerPortHandlers,
} from "./worker-client";

/** A connection to one scoring worker. */
export type ScoringPort = WorkerPort<ScoringRequest>;
export type ScoringPortHandlers = WorkerPortHandlers<ScoringEvent>;
export type ScoringPortFactory = WorkerPortFactory<ScoringRequest, ScoringEvent>;

/** Start the real scoring worker (its own chunk, which alone holds tinyld). */
export const createScoringWorkerPort: ScoringPortFactory = (handlers) =>
  connectWorker(
    new Worker(new URL("../workers/scoring.worker.ts", import.meta.url), {
      type: "module",
      name: "polymath-scoring",
    }),
    handlers,
    "scoring worker",
  );

export interface CallOptions {
  /** `phase` is set where a call has several (reading, matching lines, scoring). */
  onProgress?: (done: number, total: number, phase?: ScoringPhase) => void;
  signal?: AbortSignal;
  /** Time limit per program (code items, predicates). */
  timeoutMs?: number;
}

export interface ScoringClientOptions {
  /** The sandbox programs run in; called on the first program. */
  runner: () => CodeRunner;
  createPort?: ScoringPortFactory;
}

export class ScoringClient {
  readonly #runner: () => CodeRunner;
  readonly #client: WorkerClient<ScoringCalls, ScoringRequest, ScoringEvent>;
  #port: ScoringPort | null = null;

  constructor(options: ScoringClientOptions) {
    this.#runner = options.runner;
    this.#client = new WorkerClient({
      createPort: options.createPort ?? createScoringWorkerPort,
      crashError: (reason) =>
        new PolymathError("unknown", `The scoring worker stopped unexpectedly: ${reason}.`),
      onStart: (port) => (this.#port = port),
      onOtherEvent: (event, port) => {
        if (event.type === "run") this.#run(port, event.runId, event.program, event.timeoutMs);
      },
    });
  }

  /** Start the worker now, so the first call does not wait for it to load. */
  warm(): void {
    this.#client.start();
  }

  /** Read a suite file (plain or gzip) off the main thread; rejects with a line-numbered error. */
  importSuite(
    fileName: string,
    bytes: Uint8Array,
    format?: SuiteFormat,
    options: CallOptions = {},
  ): Promise<ImportResult> {
    const args = format === undefined ? { fileName, bytes } : { fileName, bytes, format };
    return this.#call("import", args, options);
  }

  /** Score a responses file against `suite`. */
  score(
    suite: Suite,
    fileName: string,
    bytes: Uint8Array,
    options: CallOptions = {},
  ): Promise<ScoreReport> {
    const { timeoutMs } = options;
    const args = { suite, fileName, bytes, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
    return this.#call("score", args, options);
  }

  /** Score one answer to one item, off the main thread (code runs in the sandbox). */
  scoreAnswer(item: SuiteItem, answer: string, options: CallOptions = {}): Promise<Verdict> {
    const { timeoutMs } = options;
    return this.#call(
      "scoreAnswer",
      { item, answer, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
      options,
    );
  }

  /** A bench run's report, computed in the worker. */
  benchReport(
    run: BenchRun,
    results: BenchResult[],
    options: CallOptions = {},
  ): Promise<BenchReport> {
    return this.#call("benchReport", { run, results }, options);
  }

  /** Run the suite's reference and wrong solutions. */
  selfTest(suite: Suite, options: CallOptions = {}): Promise<SelfTestReport> {
    const { timeoutMs } = options;
    return this.#call(
      "selfTest",
      { suite, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
      options,
    );
  }

  /** Stop the worker; pending calls reject with `aborted`. */
  dispose(): void {
    this.#port = null;
    this.#client.stop(new PolymathError("aborted", "Scoring was stopped."));
  }

  #call<K extends keyof ScoringCalls>(
    type: K,
    args: ScoringCalls[K]["args"],
    options: CallOptions,
  ): Promise<ScoringCalls[K]["result"]> {
    const { onProgress, signal } = options;
    const onEvent = onProgress
      ? (event: ScoringEvent) => {
          if (event.type === "progress") onProgress(event.done, event.total, event.phase);
        }
      : undefined;
    return this.#client.call(type, args, onEvent, signal);
  }

  #run(port: ScoringPort, runId: number, program: string, timeoutMs: number): void {
    let runner: CodeRunner;
    try {
      runner = this.#runner();
    } catch (e) {
      port.post({ type: "ran", runId, error: toPolymathError(e, "sandbox-unavailable").toJSON() });
      return;
    }
    runner.run(program, { timeoutMs }).then(
      (outcome) => {
        if (this.#port === port) port.post({ type: "ran", runId, outcome });
      },
      (e: unknown) => {
        const error = toPolymathError(e, "sandbox-unavailable").toJSON();
        if (this.#port === port) port.post({ type: "ran", runId, error });
      },
    );
  }
}
