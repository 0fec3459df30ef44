/**
 * What the scoring worker does with each request (the worker file only wires messages here):
 * import suite files, score responses files and self-test suites, in batches with progress, off
 * the main thread. Programs go back to the main thread to run in the sandbox (`run` / `ran`),
 * many at once, so the sandbox's frames never wait for the next one.
 */
import { nextTask } from "../engine/scheduler";
import { PolymathError, toPolymathError } from "../errors";
import { buildBenchReport } from "../report/bench-report";
import { aggregateInstructionResults } from "./ifeval/aggregate";
import { instructionResultOf } from "./ifeval/evaluate";
import { detectFormat } from "./importers/detect-format";
import { notGzipNote, readImportText, withReadNote } from "./importers/gzip";
import { importSuite, withNote } from "./importers/import-suite";
import { parseResponses, ResponseMatcher, type ResponseMatch } from "./importers/responses";
import { modelScores } from "./importers/score-responses";
import type {
  ImportResult,
  ModelReport,
  RanMessage,
  ScoreReport,
  ScoringCalls,
  ScoringEvent,
  ScoringCallRequest,
  ScoringPhase,
  ScoringResultValue,
  SelfTestMiss,
  SelfTestReport,
} from "./protocol";
import { isScoringRequest } from "./protocol";
import { scoreItem } from "./score-item";
import type { CodeItem, CodeRunner, RunOutcome, Suite, Verdict } from "./types";

export interface ScoringHostOptions {
  /** Items scored at once; code items wait on the sandbox, so this keeps its queue full. */
  concurrency?: number;
  /** Longest stretch of work (ms) before letting messages in (a `cancel`, `ran` answers). */
  sliceMs?: number;
  /** Least time (ms) between two progress events of one call. */
  progressEveryMs?: number;
}

interface Call {
  cancelled: boolean;
  cancel: (error: PolymathError) => void;
  /** Rejects when the call is cancelled; raced against the work. */
  stopped: Promise<never>;
}

/** Handles scoring requests; `post` sends events back to the main thread. */
export class ScoringHost {
  readonly #post: (event: ScoringEvent) => void;
  readonly #concurrency: number;
  readonly #sliceMs: number;
  readonly #progressEveryMs: number;
  readonly #calls = new Map<number, Call>();
  readonly #runs = new Map<
    number,
    { resolve: (o: RunOutcome) => void; reject: (e: unknown) => void }
  >();
  #nextRun = 1;

  constructor(post: (event: ScoringEvent) => void, options: ScoringHostOptions = {}) {
    this.#post = post;
    this.#concurrency = Math.max(1, options.concurrency ?? 16);
    this.#sliceMs = options.sliceMs ?? 25;
    this.#progressEveryMs = options.progressEveryMs ?? 50;
  }

  /** The event that tells the client the worker is up. */
  readyEvent(): ScoringEvent {
    return { type: "ready", id: 0 };
  }

  /** Handle one message from the main thread; stray messages are ignored. */
  async handle(message: unknown): Promise<void> {
    if (!isScoringRequest(message)) return;
    if (message.type === "ran") return this.#ran(message);
    if (message.type === "cancel") {
      this.#calls.get(message.target)?.cancel(new PolymathError("aborted", "Scoring stopped."));
      this.#post({ type: "result", id: message.id, value: null });
      return;
    }
    const call = this.#open(message.id);
    try {
      const value = await Promise.race([this.#dispatch(message, call), call.stopped]);
      this.#post({ type: "result", id: message.id, value });
    } catch (e) {
      this.#post({ type: "error", id: message.id, error: toPolymathError(e).toJSON() });
    } finally {
      call.cancelled = true;
      this.#calls.delete(message.id);
    }
  }

  #dispatch(
    request: Exclude<ScoringCallRequest, { type: "cancel" }>,
    call: Call,
  ): Promise<ScoringResultValue> {
    switch (request.type) {
      case "import":
        return this.#import(request.fileName, request.bytes, request.format);
      case "score":
        return this.#score(request.id, call, request);
      case "selfTest":
        return this.#selfTest(request.id, call, request.suite, request.timeoutMs);
      case "scoreAnswer":
        return scoreItem(
          request.item,
          request.answer,
          this.#runner(),
          request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs },
        );
      case "benchReport":
        return Promise.resolve(buildBenchReport(request.run, request.results));
    }
  }

  #open(id: number): Call {
    let cancel: (error: PolymathError) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      cancel = reject;
    });
    stopped.catch(() => undefined); // raced; unhandled only when nobody cancels
    const call: Call = {
      cancelled: false,
      stopped,
      cancel: (error) => {
        call.cancelled = true;
        cancel(error);
      },
    };
    this.#calls.set(id, call);
    return call;
  }

  async #import(
    fileName: string,
    bytes: Uint8Array,
    format: ScoringCalls["import"]["args"]["format"],
  ): Promise<ImportResult> {
    const text = await readImportText(bytes);
    const note = notGzipNote(fileName, bytes);
    return withReadNote(note, () => {
      const detected = format ?? detectFormat(fileName, text);
      if (detected === "responses") {
        throw new PolymathError(
          "unsupported-format",
          `"${fileName}" holds model responses, not a suite.`,
          {
            advice: 'Score it under "Score answers", against the suite it answers.',
          },
        );
      }
      return { suite: withNote(importSuite(fileName, text, detected), note), format: detected };
    });
  }

  async #score(id: number, call: Call, args: ScoringCalls["score"]["args"]): Promise<ScoreReport> {
    this.#post({ type: "progress", id, done: 0, total: 0, phase: "read" });
    const text = await readImportText(args.bytes);
    const note = notGzipNote(args.fileName, args.bytes);
    const responses = withReadNote(note, () => parseResponses(text));
    const matcher = new ResponseMatcher(args.suite);
    await this.#slices(id, call, "match", responses.length, (i) => matcher.add(responses[i]!));
    const { pairs, unmatched } = matcher;
    const runner = this.#runner();
    const options = args.timeoutMs === undefined ? {} : { timeoutMs: args.timeoutMs };
    const verdicts = await this.#pool(
      id,
      call,
      pairs.map((p) => () => scoreItem(p.item, p.response.response, runner, options)),
      "score",
    );
    return {
      suiteId: args.suite.id,
      suiteName: args.suite.name,
      lines: responses.length,
      scored: pairs.length,
      models: byModel(args.suite, pairs, verdicts),
      unmatched,
    };
  }

  async #selfTest(
    id: number,
    call: Call,
    suite: Suite,
    timeoutMs: number | undefined,
  ): Promise<SelfTestReport> {
    const jobs: { item: CodeItem; answer: string; reference: boolean }[] = [];
    for (const item of suite.items) {
      if (item.kind !== "code") continue;
      if (item.reference !== undefined)
        jobs.push({ item, answer: item.reference, reference: true });
      if (item.wrong !== undefined) jobs.push({ item, answer: item.wrong, reference: false });
    }
    const runner = this.#runner();
    const options = timeoutMs === undefined ? {} : { timeoutMs };
    const verdicts = await this.#pool(
      id,
      call,
      jobs.map((j) => () => scoreItem(j.item, j.answer, runner, options)),
    );
    const refMisses: SelfTestMiss[] = [];
    const wrongMisses: SelfTestMiss[] = [];
    jobs.forEach((job, i) => {
      const v = verdicts[i];
      if (v === undefined) return;
      if (job.reference && !v.pass) refMisses.push({ itemId: v.itemId, reason: v.reason });
      if (!job.reference && v.pass) {
        wrongMisses.push({ itemId: v.itemId, reason: "the wrong solution passed every test" });
      }
    });
    const refs = jobs.filter((j) => j.reference).length;
    const wrongs = jobs.length - refs;
    return {
      suiteId: suite.id,
      references: { total: refs, passed: refs - refMisses.length, misses: refMisses },
      wrongs: { total: wrongs, failed: wrongs - wrongMisses.length, misses: wrongMisses },
    };
  }

  /** A progress reporter for one call: at most every `progressEveryMs`, and always the last. */
  #progress(id: number, total: number, phase?: ScoringPhase): (done: number) => void {
    let last = -Infinity;
    return (done) => {
      const now = performance.now();
      if (done !== total && done !== 0 && now - last < this.#progressEveryMs) return;
      last = now;
      this.#post({ type: "progress", id, done, total, ...(phase ? { phase } : {}) });
    };
  }

  /**
   * Run `step(0..total-1)` synchronously in slices of `sliceMs`, letting messages in between them;
   * stops (rejecting with `aborted`) at the first slice boundary after a cancel.
   */
  async #slices(
    id: number,
    call: Call,
    phase: ScoringPhase,
    total: number,
    step: (i: number) => void,
  ): Promise<void> {
    const progress = this.#progress(id, total, phase);
    progress(0);
    let sliceStart = performance.now();
    for (let i = 0; i < total; i++) {
      step(i);
      if (i + 1 < total && performance.now() - sliceStart >= this.#sliceMs) {
        progress(i + 1);
        await nextTask();
        if (call.cancelled) throw new PolymathError("aborted", "Scoring stopped.");
        sliceStart = performance.now();
      }
    }
    if (total > 0) progress(total);
  }

  /** Run `tasks` `concurrency` at a time, in order of start; results in task order. */
  async #pool<T>(
    id: number,
    call: Call,
    tasks: (() => Promise<T>)[],
    phase?: ScoringPhase,
  ): Promise<T[]> {
    const results: T[] = new Array<T>(tasks.length);
    let next = 0;
    let done = 0;
    let sliceStart = performance.now();
    const report = this.#progress(id, tasks.length, phase);
    const progress = () => report(done);
    progress();
    const lane = async () => {
      while (next < tasks.length && !call.cancelled) {
        const i = next++;
        results[i] = await tasks[i]!();
        done++;
        progress();
        // Pure scorers never wait on anything: give incoming messages a turn now and then.
        if (performance.now() - sliceStart > this.#sliceMs) {
          await nextTask();
          sliceStart = performance.now();
        }
      }
    };
    const lanes = Array.from({ length: Math.min(this.#concurrency, tasks.length) }, lane);
    try {
      await Promise.all(lanes);
    } finally {
      call.cancelled = true; // a failed lane stops the others
    }
    return results;
  }

  /** A CodeRunner whose programs run on the main thread's sandbox. */
  #runner(): CodeRunner {
    return {
      run: (program, { timeoutMs }) =>
        new Promise<RunOutcome>((resolve, reject) => {
          const runId = this.#nextRun++;
          this.#runs.set(runId, { resolve, reject });
          this.#post({ type: "run", runId, program, timeoutMs });
        }),
    };
  }

  #ran(message: RanMessage): void {
    const pending = this.#runs.get(message.runId);
    if (!pending) return;
    this.#runs.delete(message.runId);
    if ("outcome" in message) pending.resolve(message.outcome);
    else pending.reject(PolymathError.fromJSON(message.error));
  }
}

/** Verdicts grouped by model (first-seen order), in suite order, with totals and IFEval figures. */
function byModel(suite: Suite, pairs: ResponseMatch[], verdicts: Verdict[]): ModelReport[] {
  const scored = pairs.flatMap((pair, i) => {
    const verdict = verdicts[i];
    return verdict === undefined ? [] : [{ model: pair.response.model, verdict }];
  });
  return modelScores(suite, scored).map((score) => {
    const ifeval = score.verdicts.map(instructionResultOf).filter((r) => r !== null);
    return ifeval.length > 0
      ? { ...score, instruction: aggregateInstructionResults(ifeval) }
      : { ...score };
  });
}
