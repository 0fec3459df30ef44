/**
 * The model catalog as the views see it: web-llm's prebuilt models plus the user's custom ones,
 * each with its fit on this device. Created by the composition root when a view first needs it,
 * so the model list stays off the entry chunk.
 */
import { modelList, webllmVersion, modelVersion } from "virtual:webllm-model-list";
import { buildCatalog } from "../../core/catalog/build-catalog";
import { toModelRecord, type CustomModel } from "../../core/catalog/custom";
import { assessFit } from "../../core/catalog/fit";
import { remoteEntries } from "../../core/catalog/remote-entries";
import type { RemoteEndpoint } from "../../core/engine/remote/endpoint";
import type { RemoteEndpointStore } from "../../core/storage/remote-endpoints";
import type { CatalogEntry, FitAssessment } from "../../core/catalog/types";
import type { DeviceProfile } from "../../core/device/types";
import type { CacheBackend } from "../../core/engine/model-cache";
import type { EngineAppConfig } from "../../core/engine/webllm/app-config";
import type { ModelSetup } from "../../platform/model-setup";

export interface CatalogDeps {
  device: { readonly profile: DeviceProfile | null };
  /** Custom models and the cache backend, from storage. */
  setup: () => Promise<ModelSetup>;
  /** Hand the runtimes their settings (now, or when they start). */
  configure: (config: EngineAppConfig) => Promise<void>;
  /** The remote endpoints the user added (absent: none are offered). */
  endpoints?: () => Promise<RemoteEndpointStore>;
}

export class CatalogState {
  readonly webllmVersion = webllmVersion;
  readonly modelVersion = modelVersion;
  custom = $state.raw<CustomModel[]>([]);
  /** Remote endpoints, keys included (they stay on this device: see `remote-endpoints.ts`). */
  endpoints = $state.raw<RemoteEndpoint[]>([]);
  entries = $derived<CatalogEntry[]>([
    ...buildCatalog(modelList, this.custom),
    ...remoteEntries(this.endpoints),
  ]);
  /** Fit of every entry on this device; empty until the device is probed. */
  fit = $derived<Map<string, FitAssessment>>(this.#assess());
  /** Resolves once custom models are in `custom` and the runtimes have their settings. */
  readonly ready: Promise<void>;
  /** The stored setup, read once (rejects when storage cannot be opened at all). */
  readonly setup: Promise<ModelSetup>;
  readonly #deps: CatalogDeps;

  constructor(deps: CatalogDeps) {
    this.#deps = deps;
    this.setup = deps.setup();
    const endpoints = this.#endpointStore()
      .then((store) => store?.list() ?? [])
      .then(
        (list) => {
          this.endpoints = list;
        },
        () => undefined,
      );
    this.ready = Promise.all([
      endpoints,
      this.setup.then(
        async (setup) => {
          this.custom = setup.custom;
          await this.configure(setup.cacheBackend).catch(() => {});
        },
        // Without storage the catalog keeps the prebuilt models; the Models view says why.
        () => undefined,
      ),
    ]).then(() => undefined);
  }

  /**
   * Add or replace a remote endpoint and keep it on this device. The list changes only once the
   * store has it: an endpoint that could not be saved is not shown as if it had been.
   */
  async saveEndpoint(endpoint: RemoteEndpoint): Promise<void> {
    await (await this.#endpointStore())?.save(endpoint);
    this.endpoints = [...this.endpoints.filter((e) => e.id !== endpoint.id), endpoint];
  }

  /**
   * Forget a remote endpoint, its key and its models. It leaves the list only once the store has
   * deleted it: one that failed to go (its key still on this device) stays listed, to try again.
   */
  async removeEndpoint(id: string): Promise<void> {
    await (await this.#endpointStore())?.remove(id);
    this.endpoints = this.endpoints.filter((e) => e.id !== id);
  }

  #endpointStore(): Promise<RemoteEndpointStore | null> {
    return this.#deps.endpoints?.() ?? Promise.resolve(null);
  }

  byId(id: string): CatalogEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** Add a custom model (replacing one with its id) and tell the runtimes. */
  async addCustom(model: CustomModel, cacheBackend: CacheBackend): Promise<void> {
    this.custom = [...this.custom.filter((m) => m.id !== model.id), model];
    await this.configure(cacheBackend);
  }

  /** Drop a custom model and tell the runtimes. */
  async removeCustom(id: string, cacheBackend: CacheBackend): Promise<void> {
    this.custom = this.custom.filter((m) => m.id !== id);
    await this.configure(cacheBackend);
  }

  /** Send the cache backend and the custom models to the runtimes. */
  configure(cacheBackend: CacheBackend): Promise<void> {
    // GGUF models run on the CPU runtime; web-llm gets only its own.
    const mlc = this.custom.filter((m) => m.runtime !== "wllama");
    return this.#deps.configure({ cacheBackend, customModels: mlc.map(toModelRecord) });
  }

  #assess(): Map<string, FitAssessment> {
    const profile = this.#deps.device.profile;
    // A fresh map per derivation, never mutated afterwards: no reactive map needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const map = new Map<string, FitAssessment>();
    if (!profile) return map;
    for (const entry of this.entries) map.set(entry.id, assessFit(entry, profile));
    return map;
  }
}
