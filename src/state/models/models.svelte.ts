/**
 * The Models view's state: catalog filters and open rows, the download queue, the cache and its
 * backend, exact sizes, and custom models. One instance, shared by the view's components.
 * Downloads run on the runtime's `DownloadingCache` (web-llm's downloads a model by loading it).
 */
import { SvelteSet } from "svelte/reactivity";
import type { CustomModel } from "../../core/catalog/custom";
import { estimateDownloadMB } from "../../core/catalog/size";
import type { CatalogEntry } from "../../core/catalog/types";
import type { DeviceProfile } from "../../core/device/types";
import type { CacheBackend, DownloadingCache, ModelCache } from "../../core/engine/model-cache";
import { PolymathError, toPolymathError } from "../../core/errors";
import { RUNTIME_TRAITS, type RuntimeTraits } from "../../core/engine/runtime";
import type { CatalogState } from "../shared/catalog.svelte";
import { CachedModels } from "./cache.svelte";
import { CustomModelForm } from "./custom-form.svelte";
import { GgufModelForm, type GgufFileFacts } from "./gguf-form.svelte";
import { explainDownloadError } from "../../core/catalog/explain-download-error";
import { DownloadQueue, type RunDownload } from "./download-queue.svelte";
import {
  EMPTY_FILTER,
  filterEntries,
  filterOptions,
  groupByFamily,
  isFiltered,
  type CatalogFilter,
} from "../../core/catalog/filter";
import { ModelSizes } from "./sizes.svelte";

export interface ModelsDeps {
  catalog: CatalogState;
  device: { readonly profile: DeviceProfile | null; refresh(): Promise<void> };
  /** The cache of the runtime that downloads models (starts it). */
  cache: () => Promise<DownloadingCache>;
  /**
   * Listing and deleting downloads without starting the runtime, for the backend in use (the
   * view opens on it); without it the runtime's cache answers.
   */
  inventory?: (backend: CacheBackend) => Promise<ModelCache>;
  /** Re-read which models are loaded after a download loaded one. */
  syncLoaded: () => Promise<void>;
  /** Exact download bytes of a model, read with the backend in use. */
  downloadSize: (backend: () => CacheBackend) => (entry: CatalogEntry) => Promise<number>;
  /** Resolves when the runtime will find a custom model's files; rejects with why not. */
  checkFolder: (modelUrl: string) => Promise<void>;
  /** Rejects when a custom model's library is not WebAssembly; a warning when unreadable now. */
  checkLibrary?: (modelLibUrl: string) => Promise<string | null>;
  saveCacheBackend: (backend: CacheBackend) => Promise<void>;
  /** Reads a GGUF file's header before it is added (no download). */
  checkGguf?: (url: string) => Promise<GgufFileFacts>;
}

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
  /** Why the chosen cache backend could not be kept for later visits (it applies for this one). */
  backendError = $state<PolymathError | null>(null);

  readonly sizes: ModelSizes;
  readonly cache: CachedModels;
  readonly queue: DownloadQueue;
  readonly form: CustomModelForm;
  readonly ggufForm: GgufModelForm;

  /** The browser-run catalog (remote models are listed with their endpoints instead). */
  #local = $derived(this.#catalog.entries.filter((e) => e.source !== "remote"));
  filtered = $derived.by(() =>
    filterEntries(this.#local, this.filter, this.#catalog.fit, this.cache.cached),
  );
  groups = $derived(groupByFamily(this.filtered));
  options = $derived.by(() => filterOptions(this.#local));
  filtering = $derived(isFiltered(this.filter));
  allOpen = $derived(this.filtered.length <= AUTO_OPEN_AT);
  custom = $derived.by(() => this.#catalog.entries.filter((e) => e.source === "custom"));

  readonly #deps: ModelsDeps;
  #started: Promise<void> | null = null;

  constructor(deps: ModelsDeps) {
    this.#deps = deps;
    this.sizes = new ModelSizes(deps.downloadSize(() => this.backend));
    const inventory = deps.inventory;
    this.cache = new CachedModels(inventory ? () => inventory(this.backend) : deps.cache, () =>
      deps.device.refresh(),
    );
    this.queue = new DownloadQueue({
      run: (id, options) => this.#download(id, options),
      onDone: (id) => {
        this.cache.markCached(id);
        void deps.device.refresh();
      },
      knownTotal: (id) => this.sizes.bytes(id),
      explain: (id, error) => this.#explain(id, error),
    });
    this.form = new CustomModelForm({
      existingIds: () => this.#catalog.entries.map((e) => e.id),
      runtimeVersion: () => this.#catalog.modelVersion,
      checkFolder: deps.checkFolder,
      ...(deps.checkLibrary ? { checkLibrary: deps.checkLibrary } : {}),
      save: (model) => this.#saveCustom(model),
    });
    this.ggufForm = new GgufModelForm({
      existingIds: () => this.#catalog.entries.map((e) => e.id),
      checkFile: (url) =>
        deps.checkGguf
          ? deps.checkGguf(url)
          : Promise.reject(
              new PolymathError("invalid-request", "GGUF files cannot be checked here."),
            ),
      save: (model) => this.#saveCustom(model),
    });
  }

  get #catalog(): CatalogState {
    return this.#deps.catalog;
  }

  /** Load custom models and the backend, then ask the runtime what is cached. Once. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      await this.#catalog.ready;
      const setup = await this.#catalog.setup.catch(() => null);
      if (setup) {
        this.backend = setup.cacheBackend;
        this.storageError = setup.storageError ?? null;
      }
      await this.rescan();
    })();
    return this.#started;
  }

  rescan(): Promise<void> {
    return this.cache.scan(this.#catalog.entries.map((e) => e.id));
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

  /** What downloading `id` means on its runtime (resume, load, which memory). */
  traitsOf(id: string): RuntimeTraits {
    return RUNTIME_TRAITS[this.#catalog.byId(id)?.runtime ?? "webllm"];
  }

  /** How many of `entries` run on this device (fits or tight). */
  runnable(entries: readonly CatalogEntry[]): number {
    return entries.filter((e) => {
      const status = this.#catalog.fit.get(e.id)?.status;
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
    const storage = this.#deps.device.profile?.storage;
    return storage ? Math.max(0, storage.quotaBytes - storage.usageBytes) : undefined;
  }

  async setBackend(backend: CacheBackend): Promise<void> {
    this.backend = backend;
    // Sizes read from the old backend's cache may not hold for the new one.
    this.sizes.sizes = {};
    try {
      await this.#deps.saveCacheBackend(backend);
      this.backendError = null;
    } catch (e) {
      // It applies for this visit; say it will not survive a reload instead of pretending.
      this.backendError = toPolymathError(e);
    }
    await this.#catalog.configure(backend);
    await this.rescan();
  }

  async removeCustom(id: string): Promise<void> {
    this.customError = null;
    try {
      const { customStore } = await this.#catalog.setup;
      if (this.cache.cached.has(id)) await this.cache.remove(id);
      await customStore.remove(id);
      this.queue.dismiss(id);
      this.expanded.delete(id);
      await this.#catalog.removeCustom(id, this.backend);
    } catch (e) {
      this.customError = e instanceof PolymathError ? e : new PolymathError("unknown", String(e));
    }
  }

  async #saveCustom(model: CustomModel): Promise<void> {
    const { customStore } = await this.#catalog.setup;
    await customStore.save(model);
    await this.#catalog.addCustom(model, this.backend);
  }

  #download: RunDownload = async (id, options) => {
    const cache = await this.#deps.cache();
    try {
      await cache.download(id, options);
    } catch (e) {
      // Cancelled or failed while loading: the files may all be saved already.
      const cached = await cache.cachedModelIds([id]).catch((): string[] => []);
      if (cached.includes(id)) this.cache.markCached(id);
      throw e;
    } finally {
      await this.#deps.syncLoaded();
    }
  };

  #explain(id: string, error: PolymathError): PolymathError {
    const entry = this.#catalog.byId(id);
    return explainDownloadError(error, {
      modelId: id,
      need: entry ? this.downloadBytes(entry) : null,
      freeBytes: this.freeBytes(),
    });
  }
}
