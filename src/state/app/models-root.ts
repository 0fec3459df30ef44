/**
 * The composition root's Models part (loaded with the Models view): catalog browsing, downloads,
 * the cache and custom models, over the runtime that downloads models.
 */
import { checkModelFolder } from "../../platform/webllm/check-model-folder";
import { checkModelLibrary } from "../../platform/webllm/check-model-library";
import { webllmDownloadSize } from "../../platform/webllm/model-sizes";
import { saveSettings } from "../../platform/stores";
import type { App, ModelsViewState } from "../app.svelte";
import { ModelsState } from "../models/models.svelte";

export async function createModelsView(app: App): Promise<ModelsViewState> {
  const catalog = await app.catalog();
  const models = new ModelsState({
    catalog,
    device: app.device,
    cache: () => app.engines.cache(),
    syncLoaded: () => app.engines.sync(),
    downloadSize: (backend) => webllmDownloadSize(backend),
    checkFolder: (url) => checkModelFolder(url),
    checkLibrary: (url) => checkModelLibrary(url),
    saveCacheBackend: (cacheBackend) => saveSettings({ cacheBackend }),
  });
  return { models, catalog };
}
