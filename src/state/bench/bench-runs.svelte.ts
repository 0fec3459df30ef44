/**
 * Bench runs as the Bench view sees them: the stored runs, the open one with its results and
 * report, and the run in progress (progress, speed, ETA, pause, resume, cancel). Every answer is
 * saved as it completes, so after a reload, a crashed tab or a lost GPU the run resumes where it
 * stopped: answered items are never asked again, only scored if their verdict was still missing.
 * The report is computed after changes, deferred and at most a few times a second.
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import type { Engine } from "../../core/engine/types";
import { newId } from "../../core/ids";
import { buildBenchReport, type BenchReport } from "../../core/report/bench-report";
import type { BenchStore } from "../../core/runs/bench/bench-store";
import {
  groupLoads,
  planBench,
  type BenchTask,
  type LoadFootprint,
} from "../../core/runs/bench/plan";
import { runBench, type BenchEvent } from "../../core/runs/bench/run-bench";
import { sampleIds } from "../../core/runs/bench/sample";
import { suiteHash } from "../../core/runs/bench/suite-hash";
import { addThroughput, type Throughput } from "../../core/runs/bench/throughput";
import {
  newRouting,
  type MappingChoice,
  promptedId,
  routedBenchRequest,
  routeTasks,
} from "../../core/runs/bench/routing";
import { BENCH_PARAMS, DEFAULT_MAX_TOKENS } from "../../core/runs/bench/templates";
import { DEFAULT_DOMAIN_PROMPTS, type DomainPrompts } from "../../core/routing/domain-prompts";
import type { RouterModel } from "../../core/routing/model";
import { createRouter, type Router } from "../../core/routing/router";
import routerModel from "../../core/routing/router-model.json";
import {
  resultKey,
  type BenchModelRef,
  type BenchResult,
  type BenchRun,
} from "../../core/runs/bench/types";
import {
  matchResponses,
  parseResponses,
  type ResponseLine,
} from "../../core/scoring/importers/responses";
import type { Suite, SuiteItem, Verdict } from "../../core/scoring/types";

export interface BenchRunsDeps {
  store: () => Promise<BenchStore>;
  engine: { engine(): Promise<Engine>; sync(): Promise<void> };
  /** Score one answer (in the scoring worker; code in the sandbox). */
  score: (item: SuiteItem, answer: string) => Promise<Verdict>;
  suite: (id: string) => Promise<Suite | undefined>;
  /** What a run records about a model now (name, role, runtime, memory, download). */
  describeModel: (id: string) => BenchModelRef;
  /** True when a model's files are all on the device (its load is warm). */
  cached?: (id: string) => Promise<boolean>;
  /**
   * Asked before a run would load `models` (the app shows what they download and waits for the
   * user); false starts nothing.
   */
  confirmDownload?: (models: readonly string[]) => Promise<boolean>;
  provenance: () => BenchRun["provenance"];
  now?: () => number;
  newId?: () => string;
  /**
   * Computes a report (in the scoring worker in the app, off the main thread); on the spot when
   * absent or when it fails.
   */
  report?: (run: BenchRun, results: BenchResult[]) => Promise<BenchReport>;
  /** Runs the report computation later (a timer in the app). */
  defer?: (task: () => void) => void;
  itemTimeoutMs?: number;
  /** Requests a model's runtime may serve at once (a remote server's batch); 1 when absent. */
  concurrency?: (modelId: string) => number;
  /**
   * The device memory each model takes and each pool's budget: models that fit together are
   * loaded in one call. Each model loads alone when absent.
   */
  memory?: {
    footprint: (modelId: string) => LoadFootprint;
    budgetMB: (pool: "gpu" | "cpu") => number | undefined;
  };
  /** The prompt router (the trained one by default). */
  router?: Router;
}

/** Answers made elsewhere (a hosted API, another tool), as a responses file, run as a "model". */
export interface ImportedAnswers {
  name: string;
  role: "generalist" | "specialist" | "unknown";
  fileName: string;
  text: string;
}

export interface NewBenchRun {
  suites: { id: string; sample?: { n: number; seed: number } }[];
  models: string[];
  imported?: ImportedAnswers[];
  /** Generalists (of `models`) to run a second time as the prompt-specialized generalist. */
  prompted?: string[];
  /** What the prompt-specialized generalist is told per routed label (the defaults otherwise). */
  domainPrompts?: DomainPrompts;
  /** The routed team's fallback: one of `models`' generalists (the first one otherwise). */
  teamFallback?: string;
  /** The member per router label where the user changed the default (null: the fallback). */
  teamMapping?: MappingChoice;
}

export interface BenchProgress {
  done: number;
  total: number;
  modelId: string | null;
  itemId: string | null;
  phase: "loading" | "generating" | "scoring" | null;
  /** Output tokens per second over the answers so far. */
  tokensPerS: number | null;
  /** From the measured time per item. */
  etaMs: number | null;
  /** Items asked of a model since this page loaded (a resumed run asks only what was left). */
  askedHere: number;
  /** The runner's own time per answered item (saving, planning), outside generation, ms. */
  overheadMsPerItem: number | null;
  /** What the model being asked gets from its server (shown for models served elsewhere). */
  throughput: ProgressThroughput | null;
}

/** The current model's throughput over the run so far. */
export interface ProgressThroughput {
  modelId: string;
  /** Served by a server elsewhere (a remote endpoint). */
  remote: boolean;
  /** Its requests in flight now. */
  inFlight: number;
  /** Over the run so far, all its sessions. */
  totals: Throughput;
}

const DEFAULT_ITEM_TIMEOUT_MS = 120_000;

export class BenchRuns {
  runs = $state.raw<BenchRun[]>([]);
  open = $state.raw<BenchRun | null>(null);
  results = $state.raw<BenchResult[]>([]);
  report = $state.raw<BenchReport | null>(null);
  running = $state(false);
  progress = $state<BenchProgress | null>(null);
  error = $state<PolymathError | null>(null);
  /** Items asked of a model since this page loaded, over all runs (a resume asks only the rest). */
  askedHere = $state(0);

  readonly #deps: BenchRunsDeps;
  readonly #router: Router;
  #abort: AbortController | null = null;
  #pause = false;
  #reportQueued = false;
  #reportSeq = 0;
  // Not reactive on purpose: `results` is the reactive copy, renewed once a frame.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #byKey = new Map<string, BenchResult>();
  #publishQueued = false;
  #tasks: BenchTask[] = [];

  constructor(deps: BenchRunsDeps) {
    this.#deps = deps;
    this.#router = deps.router ?? createRouter(routerModel as RouterModel);
  }

  /** The router the runs use (its held-out accuracy and confusion matrix are shown). */
  get router(): Router {
    return this.#router;
  }

  /** Read the stored runs (newest first). */
  async refresh(): Promise<void> {
    try {
      this.runs = await (await this.#deps.store()).list();
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  /** Open a stored run with its results and report. */
  async select(id: string): Promise<boolean> {
    if (this.running && this.open?.id !== id) return false;
    if (this.open?.id === id) return true;
    try {
      const store = await this.#deps.store();
      const run = await store.get(id);
      if (!run) return false;
      this.open = run;
      this.#setResults(await store.results(id));
      this.#queueReport(true);
      return true;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    }
  }

  /** Make a new run and start it. */
  async start(setup: NewBenchRun): Promise<void> {
    const imported = setup.imported ?? [];
    if (this.running || setup.models.length + imported.length === 0) return;
    if (setup.suites.length === 0) return;
    // A file that does not parse starts nothing (its error names the line).
    let files: { answers: ImportedAnswers; lines: ResponseLine[] }[];
    try {
      files = imported.map((answers) => ({
        answers,
        lines: parseResponses(answers.text).map((l) => ({ ...l, model: answers.name })),
      }));
    } catch (e) {
      this.error = toPolymathError(e, "malformed-input");
      return;
    }
    const ask = this.#deps.confirmDownload;
    if (ask && setup.models.length > 0 && !(await ask(setup.models))) return;
    if (this.running) return;
    const now = this.#deps.now ?? Date.now;
    const suites = [];
    for (const s of setup.suites) {
      const suite = await this.#deps.suite(s.id);
      if (!suite) continue;
      const all = suite.items.map((i) => i.id);
      const itemIds = s.sample ? sampleIds(all, s.sample.n, s.sample.seed) : all;
      suites.push({
        id: suite.id,
        name: suite.name,
        hash: await suiteHash(suite.items),
        itemIds,
        totalItems: all.length,
        ...(s.sample && s.sample.n < all.length ? { sample: s.sample } : {}),
      });
    }
    const prompted = setup.prompted ?? [];
    const models = [
      ...setup.models.flatMap((id) => {
        const m = this.#deps.describeModel(id);
        if (!prompted.includes(id) || m.role !== "generalist") return [m];
        // The same model again, told the routed domain's prompt: no extra download or memory.
        const variant: BenchModelRef = {
          ...m,
          id: promptedId(id),
          name: `${m.name} + domain prompts`,
          prompted: { baseId: id },
        };
        return [m, variant];
      }),
      ...files.map(({ answers }): BenchModelRef => ({
        id: `imported:${answers.name}`,
        name: answers.name,
        role: answers.role,
        domains: [],
        source: "imported",
        memoryMB: 0,
      })),
    ];
    const routing = newRouting(
      this.#router,
      models,
      setup.domainPrompts ?? structuredClone(DEFAULT_DOMAIN_PROMPTS),
      setup.teamFallback,
      setup.teamMapping,
    );
    const run: BenchRun = {
      id: (this.#deps.newId ?? newId)(),
      title: `${suites.map((s) => s.name).join(" + ")} on ${models.length} models`,
      createdAt: now(),
      status: "running",
      loads: {},
      provenance: this.#deps.provenance(),
      ...(routing ? { routing } : {}),
      config: {
        suites,
        models,
        params: { ...BENCH_PARAMS },
        maxTokens: { ...DEFAULT_MAX_TOKENS },
        itemTimeoutMs: this.#deps.itemTimeoutMs ?? DEFAULT_ITEM_TIMEOUT_MS,
      },
    };
    try {
      const store = await this.#deps.store();
      await store.saveRun(run);
      // Imported answers are saved as results now; the run scores them like any other answer.
      for (const { answers, lines } of files) {
        for (const ref of suites) {
          const suite = await this.#deps.suite(ref.id);
          if (!suite) continue;
          // A local lookup, not state.
          // eslint-disable-next-line svelte/prefer-svelte-reactivity
          const wanted = new Set(ref.itemIds);
          const { pairs } = matchResponses(
            { ...suite, items: suite.items.filter((i) => wanted.has(i.id)) },
            lines,
          );
          for (const { item, response } of pairs) {
            await store.saveResult({
              runId: run.id,
              modelId: `imported:${answers.name}`,
              suiteId: ref.id,
              itemId: item.id,
              domain: item.domain,
              kind: item.kind,
              answer: response.response,
              finishReason: "stop",
              at: now(),
            });
          }
        }
      }
    } catch (e) {
      this.error = toPolymathError(e);
      return;
    }
    this.open = run;
    this.#setResults([]);
    this.runs = [run, ...this.runs];
    await this.#run(run);
  }

  /** Go on with the open run from where it stopped (after a pause, a reload, a crash). */
  async resume(): Promise<void> {
    const run = this.open;
    if (!run || this.running || run.status === "done") return;
    await this.#run(run);
  }

  /** Finish the item in flight, then stop; Resume goes on. */
  pause(): void {
    if (this.running) this.#pause = true;
  }

  /** Stop now; the answers so far are kept. */
  cancel(): void {
    this.#abort?.abort();
  }

  async remove(id: string): Promise<void> {
    if (this.running && this.open?.id === id) return;
    try {
      await (await this.#deps.store()).delete(id);
      this.runs = this.runs.filter((r) => r.id !== id);
      if (this.open?.id === id) {
        this.open = null;
        this.#setResults([]);
        this.report = null;
      }
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  async #run(initial: BenchRun): Promise<void> {
    this.running = true;
    this.error = null;
    this.#pause = false;
    const abort = new AbortController();
    this.#abort = abort;
    let run: BenchRun = { ...initial, status: "running" };
    const store = await this.#deps.store();
    try {
      await this.#saveRun(store, run);
      this.#tasks = await this.#tasksOf(run);
      // The router decides on every item's prompt once, before anything is asked; kept with the run.
      if (run.routing) {
        run = { ...run, routing: routeTasks(this.#router, run.routing, this.#tasks) };
        await this.#saveRun(store, run);
        this.open = run;
      }
      this.#setResults(await store.results(run.id));
      // Answers saved without a verdict (the tab closed while scoring): score them first.
      for (const r of this.results.filter((x) => !x.verdict && !x.error)) {
        const task = this.#tasks.find((t) => t.suiteId === r.suiteId && t.item.id === r.itemId);
        if (!task) continue;
        const verdict = await this.#deps.score(task.item, r.answer);
        this.#upsert({ ...r, verdict });
        await store.saveResult({ ...r, verdict });
      }
      // An answer that failed and has no verdict yet was cut off (the tab closed mid-answer, and
      // the stream ended in an error): it is asked again, not counted as the model's failure.
      // A local lookup, not state: nothing renders from it.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const answered = new Set(
        this.results.filter((r) => r.verdict).map((r) => resultKey(r.modelId, r.suiteId, r.itemId)),
      );
      const engine = await this.#deps.engine.engine();
      const ordered = planBench(
        // Imported answers are all in already: nothing to ask for them.
        run.config.models
          .filter((m) => m.source !== "imported")
          .map((m) => ({
            id: m.id,
            load: true,
            ...(m.prompted ? { engineId: m.prompted.baseId } : {}),
          })),
        this.#tasks,
        answered,
        engine.loaded(),
      );
      const memory = this.#deps.memory;
      const plan = memory ? groupLoads(ordered, memory.footprint, memory.budgetMB) : ordered;
      const total = this.results.length + plan.reduce((n, p) => n + p.tasks.length, 0);
      const started = (this.#deps.now ?? Date.now)();
      const doneBefore = this.results.length;
      let tokens = 0;
      this.progress = {
        done: doneBefore,
        total,
        modelId: null,
        itemId: null,
        phase: null,
        tokensPerS: null,
        etaMs: null,
        askedHere: 0,
        overheadMsPerItem: null,
        throughput: null,
      };
      // What earlier sessions of this run measured; this session's figures are added to it.
      const measuredBefore = run.throughput ?? {};
      let overheadMs = 0;
      let answeredHere = 0;
      const onEvent = (e: BenchEvent): void => {
        const p = this.progress;
        if (!p) return;
        if (e.type === "throughput") {
          const sum = addThroughput(measuredBefore[e.modelId], e.throughput);
          run = { ...run, throughput: { ...run.throughput, [e.modelId]: sum } };
          const source = run.config.models.find((m) => m.id === e.modelId)?.source;
          p.throughput = {
            modelId: e.modelId,
            remote: source === "remote",
            inFlight: e.inFlight,
            totals: sum,
          };
        } else if (e.type === "loading") {
          Object.assign(p, { modelId: e.modelId, phase: "loading" });
        } else if (e.type === "loaded") {
          run = { ...run, loads: { ...run.loads, [e.modelId]: e.cost } };
          void this.#saveRun(store, run);
        } else if (e.type === "item") {
          Object.assign(p, { modelId: e.modelId, itemId: e.task.item.id, phase: "generating" });
          p.askedHere++;
          this.askedHere++;
        } else if (e.type === "answered" || e.type === "scored") {
          this.#upsert(e.result);
          if (e.type === "answered") {
            // The run carries the throughput measured so far (the report reads it from there);
            // a failed save here is reported by the run's last save.
            void this.#saveRun(store, run).catch(() => undefined);
            p.done++;
            tokens += e.result.usage?.completionTokens ?? 0;
            const elapsed = (this.#deps.now ?? Date.now)() - started;
            const doneNow = p.done - doneBefore;
            p.tokensPerS = elapsed > 0 ? (tokens * 1000) / elapsed : null;
            p.etaMs = doneNow > 0 ? ((total - p.done) * elapsed) / doneNow : null;
            overheadMs += e.overheadMs;
            answeredHere++;
            p.overheadMsPerItem = overheadMs / answeredHere;
          }
          this.#queueReport();
        }
      };
      const outcome = await runBench({
        engine,
        plan,
        runId: run.id,
        request: (modelId, item, suiteId) => {
          const model = run.config.models.find((m) => m.id === modelId)!;
          return routedBenchRequest(
            model,
            suiteId,
            item,
            run.routing,
            run.config.params,
            run.config.maxTokens,
          );
        },
        score: (task, answer) => this.#deps.score(task.item, answer),
        ...(this.#deps.cached ? { cached: this.#deps.cached } : {}),
        save: (r) => store.saveResult(r),
        onEvent,
        shouldPause: () => this.#pause,
        signal: abort.signal,
        itemTimeoutMs: run.config.itemTimeoutMs,
        ...(this.#deps.concurrency ? { concurrency: this.#deps.concurrency } : {}),
      });
      run = { ...run, status: outcome };
    } catch (e) {
      // A lost GPU, a crashed engine, a full disk: the run is paused where it stopped.
      this.error = toPolymathError(e);
      run = { ...run, status: "paused" };
    } finally {
      await this.#saveRun(store, run).catch(() => undefined);
      this.open = run;
      this.runs = this.runs.map((r) => (r.id === run.id ? run : r));
      this.running = false;
      this.progress = null;
      this.#abort = null;
      this.#queueReport(true);
      await this.#deps.engine.sync().catch(() => undefined);
    }
  }

  async #tasksOf(run: BenchRun): Promise<BenchTask[]> {
    const tasks: BenchTask[] = [];
    for (const ref of run.config.suites) {
      const suite = await this.#deps.suite(ref.id);
      if (!suite) {
        const { PolymathError } = await import("../../core/errors");
        throw new PolymathError("not-found", `The suite "${ref.name}" is no longer stored.`, {
          advice: "Import it again (the same file), then resume the run.",
        });
      }
      // A local lookup, not state: nothing renders from it.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const byId = new Map(suite.items.map((i) => [i.id, i]));
      for (const id of ref.itemIds) {
        const item = byId.get(id);
        if (item) tasks.push({ suiteId: ref.id, item });
      }
    }
    return tasks;
  }

  async #saveRun(store: BenchStore, run: BenchRun): Promise<void> {
    await store.saveRun(run);
  }

  #setResults(list: BenchResult[]): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see #byKey
    this.#byKey = new Map(list.map((r) => [resultKey(r.modelId, r.suiteId, r.itemId), r]));
    this.#publishQueued = false;
    this.results = list;
  }

  /** Keep one result per (model, suite, item); the list the view reads is renewed once a frame. */
  #upsert(result: BenchResult): void {
    this.#byKey.set(resultKey(result.modelId, result.suiteId, result.itemId), result);
    if (this.#publishQueued) return;
    this.#publishQueued = true;
    (this.#deps.defer ?? ((task) => setTimeout(task, 16)))(() => this.#publish());
  }

  #publish(): void {
    if (!this.#publishQueued) return;
    this.#publishQueued = false;
    this.results = [...this.#byKey.values()];
  }

  #queueReport(now = false): void {
    const compute = () => {
      this.#reportQueued = false;
      this.#publish();
      const run = this.open;
      const results = this.results;
      const seq = ++this.#reportSeq;
      if (!run) return;
      const apply = (report: BenchReport) => {
        if (seq === this.#reportSeq && this.open?.id === run.id) this.report = report;
      };
      const remote = this.#deps.report;
      if (!remote) return apply(buildBenchReport(run, results));
      remote(run, results).then(apply, () => apply(buildBenchReport(run, results)));
    };
    if (now) return compute();
    if (this.#reportQueued) return;
    this.#reportQueued = true;
    (this.#deps.defer ?? ((task) => setTimeout(task, 500)))(compute);
  }
}
