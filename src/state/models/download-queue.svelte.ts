/**
 * Downloads, one at a time, in the order asked. Each item keeps its own status, progress and
 * error, so several queued downloads are never lost, and a failed or cancelled one can be resumed
 * (web-llm skips the shards already in its cache, so a retry picks up where it stopped).
 */
import { PolymathError, toPolymathError } from "../../core/errors";
import type { LoadPhase, LoadProgress } from "../../core/engine/types";
import {
  createDownloadMeter,
  totalFromFraction,
  type DownloadMeter,
} from "../../core/catalog/download-meter";

export type DownloadStatus = "queued" | "active" | "done" | "failed" | "cancelled";

export interface DownloadItem {
  modelId: string;
  status: DownloadStatus;
  /** "starting" until web-llm's first report (it fetches the config and library first). */
  phase: LoadPhase | "starting";
  /** 0..1 of the current phase. */
  fraction: number;
  loadedBytes: number;
  totalBytes: number | undefined;
  bytesPerSecond: number | null;
  etaMs: number | null;
  error: PolymathError | null;
  /** True when this run continues one that failed or was cancelled. */
  resumed: boolean;
}

export type RunDownload = (
  modelId: string,
  options: { signal: AbortSignal; onProgress: (progress: LoadProgress) => void },
) => Promise<void>;

export interface DownloadQueueOptions {
  run: RunDownload;
  /** Called after a download finished. */
  onDone?: (modelId: string) => void;
  /** Exact size from the model's manifest, when known. */
  knownTotal?: (modelId: string) => number | undefined;
  /** Maps a failure to the error shown (e.g. adds the space needed to storage-full). */
  explain?: (modelId: string, error: PolymathError) => PolymathError;
  now?: () => number;
}

export class DownloadQueue {
  items = $state<DownloadItem[]>([]);
  active = $derived(this.items.find((i) => i.status === "active"));
  /** Queued and running downloads. */
  pending = $derived(this.items.filter((i) => i.status === "queued" || i.status === "active"));

  #options: DownloadQueueOptions;
  #abort: AbortController | null = null;
  #meter: DownloadMeter = createDownloadMeter();
  #pumping = false;

  constructor(options: DownloadQueueOptions) {
    this.#options = options;
  }

  item(modelId: string): DownloadItem | undefined {
    return this.items.find((i) => i.modelId === modelId);
  }

  /** Queue a download; a failed, cancelled or finished one is queued again (resuming). */
  enqueue(modelId: string): void {
    const existing = this.item(modelId);
    if (existing && (existing.status === "queued" || existing.status === "active")) return;
    if (existing) {
      const resumed = existing.status !== "done";
      Object.assign(existing, fresh(modelId), { resumed });
    } else {
      this.items.push(fresh(modelId));
    }
    void this.#pump();
  }

  /** Stop a running download (its parts stay cached) or drop a queued one. */
  cancel(modelId: string): void {
    const item = this.item(modelId);
    if (!item) return;
    if (item.status === "active") this.#abort?.abort();
    else if (item.status === "queued") this.dismiss(modelId);
  }

  /** Remove an item that is not running. */
  dismiss(modelId: string): void {
    const index = this.items.findIndex((i) => i.modelId === modelId && i.status !== "active");
    if (index >= 0) this.items.splice(index, 1);
  }

  /** Remove every finished item (done, failed or cancelled). */
  clearFinished(): void {
    this.items = this.items.filter((i) => i.status === "queued" || i.status === "active");
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (let next = this.#next(); next; next = this.#next()) await this.#runOne(next);
    } finally {
      this.#pumping = false;
    }
  }

  #next(): DownloadItem | undefined {
    return this.items.find((i) => i.status === "queued");
  }

  async #runOne(item: DownloadItem): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.#meter = createDownloadMeter();
    item.status = "active";
    item.totalBytes = this.#options.knownTotal?.(item.modelId);
    try {
      await this.#options.run(item.modelId, {
        signal: abort.signal,
        onProgress: (p) => this.#progress(item, p),
      });
      item.status = "done";
      item.phase = "ready";
      item.fraction = 1;
      item.bytesPerSecond = null;
      item.etaMs = null;
      this.#options.onDone?.(item.modelId);
    } catch (e) {
      const error = toPolymathError(e);
      item.bytesPerSecond = null;
      item.etaMs = null;
      if (abort.signal.aborted || error.code === "download-cancelled") {
        item.status = "cancelled";
        item.phase = "cancelled";
      } else {
        item.status = "failed";
        item.phase = "error";
        item.error = this.#options.explain?.(item.modelId, error) ?? error;
      }
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  #progress(item: DownloadItem, p: LoadProgress): void {
    if (item.status !== "active") return;
    const now = (this.#options.now ?? Date.now)();
    item.phase = p.phase;
    item.fraction = p.fraction;
    if (p.phase !== "fetching") {
      item.bytesPerSecond = null;
      item.etaMs = null;
      return;
    }
    const loaded = p.loadedBytes ?? 0;
    item.loadedBytes = loaded;
    item.totalBytes =
      this.#options.knownTotal?.(item.modelId) ??
      p.totalBytes ??
      totalFromFraction(loaded, p.fraction);
    this.#meter.sample(loaded, now);
    item.bytesPerSecond = this.#meter.bytesPerSecond();
    item.etaMs = this.#meter.etaMs(item.totalBytes);
  }
}

function fresh(modelId: string): DownloadItem {
  return {
    modelId,
    status: "queued",
    phase: "starting",
    fraction: 0,
    loadedBytes: 0,
    totalBytes: undefined,
    bytesPerSecond: null,
    etaMs: null,
    error: null,
    resumed: false,
  };
}

/** The error a download that ended without its files in the cache reports. */
