/**
 * The Bench view's state: the suite library and its import form, the self-test, and scoring
 * responses files. One instance for the app, so results survive leaving the view; the scoring
 * worker and the sandbox start only when first needed.
 */
import type { ScoringClient } from "../../platform/scoring-client";
import { ScoreRun } from "./score-run.svelte";
import { SelfTest } from "./self-test.svelte";
import { SuiteImport } from "./suite-import.svelte";
import { SuiteLibrary, type OpenedSuiteStore } from "./suite-library.svelte";
import { VerdictView } from "./verdict-view.svelte";
import type { BenchRuns } from "./bench-runs.svelte";
import type { CompareCandidate } from "../../core/runs/compare/candidates";
import type { Suite } from "../../core/scoring/types";

import type { DownloadConsent } from "../shared/consent.svelte";
import type { RunRequest } from "../../core/report/run-plan";
import type { DomainPromptsState } from "../shared/domain-prompts.svelte";
import type { ReplayFile } from "../shared/replay-file.svelte";

export interface BenchDeps {
  client: () => ScoringClient;
  openSuites: () => Promise<OpenedSuiteStore>;
  /** The built-in suites (their own chunk, read by the root); by default fetched on first load. */
  builtIns?: readonly Suite[];
  fetch?: typeof fetch;
  /** Bench runs over models (made by the composition root with the runtimes). */
  runs?: (library: SuiteLibrary) => BenchRuns;
  /** The models a run can use now: replayed ones first, then those that run here. */
  runModels?: () => CompareCandidate[];
  /** The question asked before a run downloads models (the view shows it). */
  consent?: DownloadConsent;
  /** The recording replayed (shared with Chat and Compare): its models can be run. */
  replayFile?: ReplayFile;
  /** The prompt-specialized generalist's domain prompts, as kept on this device. */
  domainPrompts?: DomainPromptsState;
}

export class BenchState {
  readonly library: SuiteLibrary;
  readonly importer: SuiteImport;
  readonly selfTest: SelfTest;
  readonly scoring: ScoreRun;
  readonly verdicts: VerdictView;
  readonly runs: BenchRuns | null;
  readonly consent: DownloadConsent | null;
  readonly replayFile: ReplayFile | null;
  readonly domainPrompts: DomainPromptsState | null;
  /** Models a run can use now. */
  runModels = $derived.by(() => this.#deps.runModels?.() ?? []);
  /** A run to preselect in the setup ("Run this yourself" on a shared report), until cleared. */
  runRequest = $state.raw<RunRequest | null>(null);
  readonly #client: () => ScoringClient;
  readonly #deps: BenchDeps;

  constructor(deps: BenchDeps) {
    this.#client = deps.client;
    this.#deps = deps;
    this.library = deps.builtIns
      ? new SuiteLibrary(deps.openSuites, Date.now, deps.builtIns)
      : new SuiteLibrary(deps.openSuites);
    this.importer = new SuiteImport(this.library, deps.client, deps.fetch);
    this.selfTest = new SelfTest(deps.client);
    this.scoring = new ScoreRun(deps.client, (id) => this.library.get(id));
    this.verdicts = new VerdictView(() => this.scoring.report);
    this.runs = deps.runs?.(this.library) ?? null;
    this.consent = deps.consent ?? null;
    this.replayFile = deps.replayFile ?? null;
    this.domainPrompts = deps.domainPrompts ?? null;
  }

  /** Ask the run setup to preselect `request`'s suites and models (null: forget it). */
  requestRun(request: RunRequest | null): void {
    this.runRequest = request;
  }

  /** Read the suites; scoring then defaults to the first one. */
  async load(): Promise<void> {
    await this.library.load();
    if (this.scoring.suiteId === "") this.scoring.suiteId = this.library.all[0]?.id ?? "";
  }

  /** Start the scoring worker ahead of the first import or score (it loads the scorers). */
  warm(): void {
    this.#client().warm();
  }
}
