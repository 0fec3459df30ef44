/**
 * The main thread's side of the scoring worker: `ScoringClient` owns the Worker, turns requests
 * into promises with progress, and runs the programs the worker asks for in the code sandbox
 * (an iframe pool, so it must be driven from here). A crashed worker fails its pending calls and
 * the next call starts a fresh one.
 */
import { PolymathError, toPolymathError } from "../core/errors";
import type { SuiteFormat } from "../core/scoring/importers/detect-format";
import type {
  ImportResult,
  ScoreReport,
  ScoringCalls,
  ScoringCallRequest,
  ScoringCallType,
  ScoringEvent,
  ScoringRequest,
  ScoringRequestOf,
  SelfTestReport,
} from "../core/scoring/protocol";
import type { CodeRunner, Suite } from "../core/scoring/types";

/** A connection to one scoring worker. */
export interface ScoringPort {
  post(request: ScoringRequest): void;
  terminate(): void;
}

export interface ScoringPortHandlers {
  onEvent(event: ScoringEvent): void;
  /** The worker died or could not start. */
  onCrash(reason: string): void;
}

export type ScoringPortFactory = (handlers: ScoringPortHandlers) => ScoringPort;

/** Start the real scoring worker (its own chunk, which alone holds tinyld). */
export const createScoringWorkerPort: ScoringPortFactory = (handlers) => {
  const worker = new Worker(new URL("../workers/scoring.worker.ts", import.meta.url), {
    type: "module",
    name: "polymath-scoring",
  });
  worker.onmessage = (event: MessageEvent<ScoringEvent>) => handlers.onEvent(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    handlers.onCrash(event.message || "the scoring worker failed");
  };
  worker.onmessageerror = () =>
    handlers.onCrash("a message from the scoring worker was unreadable");
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};

export interface CallOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Time limit per program (code items, predicates). */
  timeoutMs?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: PolymathError): void;
  onProgress?: (done: number, total: number) => void;
}

export interface ScoringClientOptions {
  /** The sandbox programs run in; called on the first program. */
  runner: () => CodeRunner;
  createPort?: ScoringPortFactory;
}

export class ScoringClient {
  readonly #runner: () => CodeRunner;
  readonly #createPort: ScoringPortFactory;
  #port: ScoringPort | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  constructor(options: ScoringClientOptions) {
    this.#runner = options.runner;
    this.#createPort = options.createPort ?? createScoringWorkerPort;
  }

  /** Start the worker now, so the first call does not wait for it to load. */
  warm(): void {
    this.#ensurePort();
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
    this.#drop(new PolymathError("aborted", "Scoring was stopped."));
  }

  #call<K extends ScoringCallType>(
    type: K,
    args: ScoringCalls[K]["args"],
    options: CallOptions,
  ): Promise<ScoringCalls[K]["result"]> {
    const port = this.#ensurePort();
    const id = this.#nextId++;
    const { signal, onProgress } = options;
    return new Promise<ScoringCalls[K]["result"]>((resolve, reject) => {
      const cancel = (): void => {
        if (this.#pending.has(id))
          this.#port?.post({ id: this.#nextId++, type: "cancel", target: id });
      };
      const done = (): void => signal?.removeEventListener("abort", cancel);
      const pending: Pending = {
        // The worker answers request `id` with the result type of call `type`.
        resolve: (value) => {
          done();
          resolve(value as ScoringCalls[K]["result"]);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      if (onProgress) pending.onProgress = onProgress;
      this.#pending.set(id, pending);
      port.post({ id, type, ...args } as ScoringRequestOf<K> as unknown as ScoringCallRequest);
      if (signal?.aborted) cancel();
      else signal?.addEventListener("abort", cancel, { once: true });
    });
  }

  #ensurePort(): ScoringPort {
    if (this.#port) return this.#port;
    const port = this.#createPort({
      onEvent: (event) => {
        if (this.#port === port) this.#onEvent(port, event);
      },
      onCrash: (reason) => {
        if (this.#port !== port) return;
        this.#drop(
          new PolymathError("unknown", `The scoring worker stopped unexpectedly: ${reason}.`),
        );
      },
    });
    this.#port = port;
    return port;
  }

  #onEvent(port: ScoringPort, event: ScoringEvent): void {
    switch (event.type) {
      case "ready":
        return;
      case "run":
        this.#run(port, event.runId, event.program, event.timeoutMs);
        return;
      case "progress":
        this.#pending.get(event.id)?.onProgress?.(event.done, event.total);
        return;
      case "result":
      case "error": {
        const pending = this.#pending.get(event.id);
        if (!pending) return;
        this.#pending.delete(event.id);
        if (event.type === "result") pending.resolve(event.value);
        else pending.reject(PolymathError.fromJSON(event.error));
      }
    }
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

  #drop(error: PolymathError): void {
    const port = this.#port;
    this.#port = null;
    port?.terminate();
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }
}
