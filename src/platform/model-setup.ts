/**
 * What the model runtimes need from storage before they load anything: the user's custom models
 * and the cache backend. Read once by the catalog (`CatalogState.ready`).
 */
import type { CustomModel } from "../core/catalog/custom";
import type { CacheBackend } from "../core/engine/model-cache";
import type { PolymathError } from "../core/errors";
import { createCustomModelStore, type CustomModelStore } from "../core/storage/custom-models";
import { settingsStore, store } from "./stores";

export interface ModelSetup {
  custom: CustomModel[];
  cacheBackend: CacheBackend;
  customStore: CustomModelStore;
  /** Set when custom models cannot be kept (storage blocked): they last until reload. */
  storageError?: PolymathError;
}

/** Read custom models and the cache backend; a list that cannot be read counts as empty. */
export async function readModelSetup(): Promise<ModelSetup> {
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
}
