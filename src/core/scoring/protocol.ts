/**
 * The scoring worker's message protocol. The main thread sends `ScoringRequest`s, each call with a
 * fresh `id`; the worker answers with any number of `progress` events, then one `result` or
 * `error` with the same id. Code and predicates cannot run in the worker (the sandbox is an
 * iframe), so the worker asks with `run` and the main thread answers with `ran`. `ready` (id 0)
 * is sent once when the worker has started.
 */
import type { SerializedError } from "../errors";
import type { BenchReport } from "../report/bench-report";
import type { BenchResult, BenchRun } from "../runs/bench/types";
import type { InstructionAggregate } from "./ifeval/aggregate";
import type { SuiteFormat } from "./importers/detect-format";
import type { UnmatchedResponse } from "./importers/responses";
import type { ModelScore } from "./importers/score-responses";
import type { RunOutcome, Suite, SuiteItem, Verdict } from "./types";

/** One model's totals and verdicts; `instruction` when the suite has IFEval items. */
export interface ModelReport extends ModelScore {
  instruction?: InstructionAggregate;
}

/** Everything one responses file scored to. */
export interface ScoreReport {
  suiteId: string;
  suiteName: string;
  /** Lines read from the responses file. */
  lines: number;
  /** Responses scored (matched lines). */
  scored: number;
  models: ModelReport[];
  unmatched: UnmatchedResponse[];
}

/** A solution that did not do what the suite says it does. */
export interface SelfTestMiss {
  itemId: string;
  reason: string;
}

/** The suite checking itself: references must pass and wrong solutions must fail. */
export interface SelfTestReport {
  suiteId: string;
  references: { total: number; passed: number; misses: SelfTestMiss[] };
  wrongs: { total: number; failed: number; misses: SelfTestMiss[] };
}

export interface ImportResult {
  suite: Suite;
  format: SuiteFormat;
}

/** Each call: the fields its request carries and the value its `result` event holds. */
export interface ScoringCalls {
  /** Read a suite file (plain or gzip); `format` overrides detection. */
  import: {
    args: { fileName: string; bytes: Uint8Array; format?: SuiteFormat };
    result: ImportResult;
  };
  /** Score a responses file against `suite`. */
  score: {
    args: { suite: Suite; fileName: string; bytes: Uint8Array; timeoutMs?: number };
    result: ScoreReport;
  };
  /** Run every reference and wrong solution of the suite's code items. */
  selfTest: { args: { suite: Suite; timeoutMs?: number }; result: SelfTestReport };
  /** Score one answer to one item (a bench run scores each answer as it arrives). */
  scoreAnswer: {
    args: { item: SuiteItem; answer: string; timeoutMs?: number };
    result: Verdict;
  };
  /** A bench run's report (intervals, comparisons, systems): statistics off the main thread. */
  benchReport: { args: { run: BenchRun; results: BenchResult[] }; result: BenchReport };
  /** Stop call `target`; it rejects with `aborted`. */
  cancel: { args: { target: number }; result: null };
}

export type ScoringCallType = keyof ScoringCalls;

export type ScoringRequestOf<K extends ScoringCallType> = {
  id: number;
  type: K;
} & ScoringCalls[K]["args"];

/** The main thread's answer to a `run` event: the program's outcome, or why the sandbox failed. */
export type RanMessage =
  | { type: "ran"; runId: number; outcome: RunOutcome }
  | { type: "ran"; runId: number; error: SerializedError };

export type ScoringCallRequest = { [K in ScoringCallType]: ScoringRequestOf<K> }[ScoringCallType];

export type ScoringRequest = ScoringCallRequest | RanMessage;

export type ScoringResultValue = ScoringCalls[ScoringCallType]["result"];

/**
 * What a long call is doing: reading the file, matching its lines to items (`done` of `total`
 * lines), or scoring (`done` of `total` answers). Calls without phases only score.
 */
export type ScoringPhase = "read" | "match" | "score";

export type ScoringEvent =
  | { type: "ready"; id: 0 }
  | { type: "progress"; id: number; done: number; total: number; phase?: ScoringPhase }
  | { type: "run"; runId: number; program: string; timeoutMs: number }
  | { type: "result"; id: number; value: ScoringResultValue }
  | { type: "error"; id: number; error: SerializedError };

// Every call type, checked by the compiler: a new call cannot be left out of the guard.
const CALL_TYPES: readonly string[] = [
  ...Object.keys({
    import: true,
    score: true,
    scoreAnswer: true,
    selfTest: true,
    benchReport: true,
    cancel: true,
  } satisfies Record<ScoringCallType, true>),
  "ran",
];

/** True when a message received by the worker looks like a request (guards stray messages). */
export function isScoringRequest(message: unknown): message is ScoringRequest {
  if (typeof message !== "object" || message === null) return false;
  const { id, runId, type } = message as { id?: unknown; runId?: unknown; type?: unknown };
  if (type === "ran") return typeof runId === "number";
  return typeof id === "number" && CALL_TYPES.includes(type as string);
}
