/**
 * What the engine needs from storage before it loads anything: the user's custom models (into
 * `catalog.custom`) and the cache backend, both sent to the web-llm worker as its app config.
 * Started by the catalog when it first loads, so every view sees custom models.
 */
import type { CustomModel } from "../../core/catalog/custom";
import type { CatalogEntry } from "../../core/catalog/types";
import type { CacheBackend, CustomModelRecord } from "../../core/engine/webllm/app-config";
import type { PolymathError } from "../../core/errors";
import { createCustomModelStore, type CustomModelStore } from "../../core/storage/custom-models";
import { settingsStore, store } from "../../platform/stores";
import { app } from "../app.svelte";

export interface ModelSetup {
  custom: CustomModel[];
  cacheBackend: CacheBackend;
  customStore: CustomModelStore;
  /** Set when custom models cannot be kept (storage blocked): they last until reload. */
  storageError?: PolymathError;
}

let loading: Promise<ModelSetup> | null = null;

/** Read custom models and the cache backend once; later calls share the result. */
export function loadModelSetup(): Promise<ModelSetup> {
  loading ??= (async () => {
    const [opened, settings] = await Promise.all([store("customModels"), settingsStore()]);
    const customStore = createCustomModelStore(opened.store);
    const [custom, { cacheBackend }] = await Promise.all([
      customStore.list().catch(() => []),
      settings.load().catch(() => ({ cacheBackend: "cache" as const })),
    ]);
    return {
      custom,
      cacheBackend,
      customStore,
      ...(opened.error ? { storageError: opened.error } : {}),
    };
  })();
  return loading;
}

/** The custom models as web-llm records (f16 ones require shader-f16, like the prebuilt ones). */
export function customRecords(entries: readonly CatalogEntry[]): CustomModelRecord[] {
  return entries
    .filter((e) => e.source === "custom")
    .map((e) => ({
      model: e.modelUrl,
      model_id: e.id,
      model_lib: e.modelLibUrl,
      ...(e.vramMB === null ? {} : { vram_required_MB: e.vramMB }),
      ...(e.requiredFeatures.length > 0 ? { required_features: [...e.requiredFeatures] } : {}),
    }));
}

/** Send the cache backend and custom models to the engine (now, or when its worker starts). */
export function applyEngineConfig(
  entries: readonly CatalogEntry[],
  cacheBackend: CacheBackend,
): Promise<void> {
  return app.engine.setAppConfig({ cacheBackend, customModels: customRecords(entries) });
}

/** Fill `catalog.custom` from storage and configure the engine; never rejects. */
export async function startModelSetup(catalog: {
  custom: CustomModel[];
  readonly entries: CatalogEntry[];
}): Promise<void> {
  try {
    const setup = await loadModelSetup();
    catalog.custom = setup.custom;
    await applyEngineConfig(catalog.entries, setup.cacheBackend);
  } catch {
    // Without storage the catalog keeps the prebuilt models; the Models view says why.
  }
}
