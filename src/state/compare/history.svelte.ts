/**
 * The list of past comparisons over the comparison repository: open (by route), delete, and
 * export one as a recording that replays on another machine. Opens the store on first use and
 * says when the browser keeps nothing (`persistent: false`).
 */
import { PolymathError, toPolymathError } from "../../core/errors";
import type { RecordingModel } from "../../core/engine/replay/recording";
import { serializeRecording } from "../../core/engine/replay/recording";
import {
  comparisonToRecording,
  recordingFileName,
} from "../../core/runs/compare/comparison-recording";
import {
  createComparisonStore,
  type ComparisonStore,
  type ComparisonSummary,
} from "../../core/runs/compare/comparisons";
import type { OpenedStore } from "../../core/storage/open-store";

export interface ExportedFile {
  name: string;
  text: string;
  /** Answers left out for lack of chunk timings. */
  skipped: number;
}

export interface HistoryDeps {
  open: () => Promise<OpenedStore>;
  app: { name: string; version: string };
  /** Annotations (label, role, domain, vramMB) for the models of an exported recording. */
  describe: (modelId: string) => RecordingModel;
  /** Called after a delete (tells other tabs). */
  deleted?: (id: string) => void;
}

export class CompareHistory {
  /** Newest first. */
  summaries = $state<ComparisonSummary[]>([]);
  persistent = $state(true);
  /** Why storage is not persistent. */
  notice = $state<PolymathError | null>(null);
  /** The last failed list, delete or export. */
  error = $state<PolymathError | null>(null);
  loaded = $state(false);

  #deps: HistoryDeps;
  #store: Promise<ComparisonStore> | null = null;

  constructor(deps: HistoryDeps) {
    this.#deps = deps;
  }

  /** The repository, opened once. */
  store(): Promise<ComparisonStore> {
    this.#store ??= this.#deps.open().then((opened) => {
      this.persistent = opened.persistent;
      this.notice = opened.error ?? null;
      return createComparisonStore(opened.store);
    });
    return this.#store;
  }

  async refresh(): Promise<void> {
    try {
      this.summaries = await (await this.store()).list();
      this.loaded = true;
      this.error = null;
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await (await this.store()).delete(id);
      this.#deps.deleted?.(id);
      this.summaries = this.summaries.filter((s) => s.id !== id);
      this.error = null;
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  /** The comparison as a recording file; null (and `error` set) when it cannot be read. */
  async exportRecording(id: string): Promise<ExportedFile | null> {
    try {
      const comparison = await (await this.store()).get(id);
      if (!comparison) {
        throw new PolymathError("not-found", "That comparison no longer exists.", {
          advice: "It may have been deleted in another tab.",
        });
      }
      const { recording, skipped } = comparisonToRecording(comparison, {
        app: this.#deps.app,
        models: comparison.models.map((m) => this.#deps.describe(m)),
      });
      this.error = null;
      return {
        name: recordingFileName(comparison),
        text: serializeRecording(recording, { pretty: true }),
        skipped,
      };
    } catch (e) {
      this.error = toPolymathError(e);
      return null;
    }
  }
}
