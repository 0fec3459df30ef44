/**
 * The Models view's state: catalog filters and open rows, the download queue, the cache and its
 * backend, exact sizes, and custom models. One instance, shared by the view's components.
 *
 * Downloads go through web-llm's `reload`: web-llm 0.2.86 exports no way to fetch a model into
 * its cache without loading it (its tensor-cache fetch lives inside the bundled TVM runtime), so
 * a download loads the model onto the GPU and leaves it loaded. web-llm caches weights shard by
 * shard and skips shards already cached, so a retry resumes.
 */
import { SvelteSet } from "svelte/reactivity";
import type { CustomModel } from "../../core/catalog/custom";
import { estimateDownloadMB } from "../../core/catalog/size";
import type { CatalogEntry } from "../../core/catalog/types";
import type { CacheBackend } from "../../core/engine/webllm/app-config";
import { PolymathError } from "../../core/errors";
import { settingsStore } from "../../platform/stores";
import { app } from "../app.svelte";
import { catalog } from "../shared/catalog.svelte";
import { ModelCache } from "./cache.svelte";
import { checkModelFolder } from "../../platform/webllm/check-model-folder";
import { CustomModelForm } from "./custom-form.svelte";
import { explainDownloadError } from "../../core/catalog/explain-download-error";
import { DownloadQueue, interruptedError, type RunDownload } from "./download-queue.svelte";
import {
  EMPTY_FILTER,
  filterEntries,
  filterOptions,
  groupByFamily,
  isFiltered,
  type CatalogFilter,
} from "../../core/catalog/filter";
import { applyEngineConfig, loadModelSetup } from "./setup";
import { ModelSizes } from "./sizes.svelte";

/** With this many matches or fewer, every family group shows open. */
const AUTO_OPEN_AT = 24;
const MB = 1024 * 1024;

export class ModelsState {
  filter = $state<CatalogFilter>({ ...EMPTY_FILTER });
  /** Rows showing their details. */
  readonly expanded = new SvelteSet<string>();
  /** Family groups opened by hand. */
  readonly openFamilies = new SvelteSet<string>();
  backend = $state<CacheBackend>("cache");
  /** Why custom models will not survive a reload, when storage is blocked. */
  storageError = $state<PolymathError | null>(null);
  customError = $state<PolymathError | null>(null);

  readonly sizes = new ModelSizes(() => this.backend);
  readonly cache = new ModelCache(
    () => app.engine.worker(),
    () => app.device.refresh(),
  );
  readonly queue = new DownloadQueue({
    run: (id, options) => this.#download(id, options),
    onDone: (id) => {
      this.cache.markCached(id);
      void app.device.refresh();
    },
    knownTotal: (id) => this.sizes.bytes(id),
    explain: (id, error) => this.#explain(id, error),
  });
  readonly form = new CustomModelForm({
    existingIds: () => catalog.entries.map((e) => e.id),
    runtimeVersion: () => catalog.modelVersion,
    checkFolder: (url) => checkModelFolder(url),
    save: (model) => this.#saveCustom(model),
  });

  filtered = $derived(filterEntries(catalog.entries, this.filter, catalog.fit, this.cache.cached));
  groups = $derived(groupByFamily(this.filtered));
  options = $derived(filterOptions(catalog.entries));
  filtering = $derived(isFiltered(this.filter));
  allOpen = $derived(this.filtered.length <= AUTO_OPEN_AT);
  custom = $derived(catalog.entries.filter((e) => e.source === "custom"));

  #started: Promise<void> | null = null;

  /** Load custom models and the backend, then ask the engine what is cached. Once. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      await catalog.ready;
      const setup = await loadModelSetup().catch(() => null);
      if (setup) {
        this.backend = setup.cacheBackend;
        this.storageError = setup.storageError ?? null;
      }
      await this.rescan();
    })();
    return this.#started;
  }

  rescan(): Promise<void> {
    return this.cache.scan(catalog.entries.map((e) => e.id));
  }

  isOpen(family: string): boolean {
    return this.allOpen || this.openFamilies.has(family);
  }

  toggleFamily(family: string, open: boolean): void {
    if (open) this.openFamilies.add(family);
    else this.openFamilies.delete(family);
  }

  toggleRow(id: string): void {
    if (this.expanded.has(id)) this.expanded.delete(id);
    else this.expanded.add(id);
  }

  /** Show one model: filter down to it and open its details. */
  reveal(id: string): void {
    this.filter = { ...EMPTY_FILTER, text: id };
    this.expanded.add(id);
  }

  /** How many of `entries` run on this device (fits or tight). */
  runnable(entries: readonly CatalogEntry[]): number {
    return entries.filter((e) => {
      const status = catalog.fit.get(e.id)?.status;
      return status !== undefined && status !== "wont-run";
    }).length;
  }

  resetFilter(): void {
    this.filter = { ...EMPTY_FILTER };
  }

  /** Bytes to download: exact from the manifest, else the estimate. */
  downloadBytes(entry: CatalogEntry): { bytes: number; exact: boolean } | null {
    const exact = this.sizes.bytes(entry.id);
    if (exact !== undefined) return { bytes: exact, exact: true };
    const estimate = estimateDownloadMB(entry);
    return estimate ? { bytes: estimate.mb * MB, exact: false } : null;
  }

  /** Free bytes under this site's quota, when the browser says. */
  freeBytes(): number | undefined {
    const storage = app.device.profile?.storage;
    return storage ? Math.max(0, storage.quotaBytes - storage.usageBytes) : undefined;
  }

  async setBackend(backend: CacheBackend): Promise<void> {
    this.backend = backend;
    // Sizes read from the old backend's cache may not hold for the new one.
    this.sizes.sizes = {};
    await (await settingsStore()).update({ cacheBackend: backend }).catch(() => {});
    await applyEngineConfig(catalog.entries, backend);
    await this.rescan();
  }

  async removeCustom(id: string): Promise<void> {
    this.customError = null;
    try {
      const { customStore } = await loadModelSetup();
      if (this.cache.cached.has(id)) await this.cache.remove(id);
      await customStore.remove(id);
      catalog.custom = catalog.custom.filter((m) => m.id !== id);
      this.queue.dismiss(id);
      this.expanded.delete(id);
      await applyEngineConfig(catalog.entries, this.backend);
    } catch (e) {
      this.customError = e instanceof PolymathError ? e : new PolymathError("unknown", String(e));
    }
  }

  async #saveCustom(model: CustomModel): Promise<void> {
    const { customStore } = await loadModelSetup();
    await customStore.save(model);
    catalog.custom = [...catalog.custom.filter((m) => m.id !== model.id), model];
    await applyEngineConfig(catalog.entries, this.backend);
  }

  #download: RunDownload = async (id, { signal, onProgress }) => {
    const worker = await app.engine.worker();
    try {
      await worker.load([id], { signal, onProgress });
    } catch (e) {
      // Cancelled or failed while loading onto the GPU: the files may all be saved already.
      if (await worker.hasModelInCache(id).catch(() => false)) this.cache.markCached(id);
      throw e;
    } finally {
      if (app.engine.mode === "webllm") app.engine.loaded = worker.loaded();
    }
    // web-llm resolves a reload that another load aborted; only the cache tells it finished.
    if (!(await worker.hasModelInCache(id))) throw interruptedError(id);
  };

  #explain(id: string, error: PolymathError): PolymathError {
    const entry = catalog.byId(id);
    return explainDownloadError(error, {
      modelId: id,
      need: entry ? this.downloadBytes(entry) : null,
      freeBytes: this.freeBytes(),
    });
  }
}

export const models = new ModelsState();
