/**
 * The composition root's Models part (loaded with the Models view): catalog browsing, downloads,
 * the cache and custom models, over the runtime that downloads models (started only for a
 * download: the cache is listed and cleared from the page).
 */
import { splitCaches } from "../../core/engine/model-cache";
import { checkModelFolder } from "../../platform/webllm/check-model-folder";
import { checkModelLibrary } from "../../platform/webllm/check-model-library";
import { pageModelCache } from "../../platform/webllm/artifact-stores";
import { webllmDownloadSize } from "../../platform/webllm/model-sizes";
import { saveSettings } from "../../platform/stores";
import type { App, ModelsViewState } from "../app.svelte";
import { EndpointForm } from "../models/endpoint-form.svelte";
import { ModelsState } from "../models/models.svelte";

export async function createModelsView(app: App): Promise<ModelsViewState> {
  const catalog = await app.catalog();
  const models = new ModelsState({
    catalog,
    device: app.device,
    cache: () => app.engines.cache(),
    // Opening the view reads web-llm's cache from the page; the runtime starts on a download.
    // Other runtimes' models (GGUF files) are asked of their own runtime's cache.
    inventory: async (backend) => {
      const page = pageModelCache(backend, (id) => catalog.byId(id));
      const runtimes = await app.engines.cache();
      if (!page) return runtimes;
      const onPage = (id: string) => (catalog.byId(id)?.runtime ?? "webllm") === "webllm";
      return splitCaches(onPage, page, runtimes);
    },
    syncLoaded: () => app.engines.sync(),
    downloadSize: (backend) => {
      const webllm = webllmDownloadSize(backend);
      // A GGUF's size: the file a checked custom model measured, else its repository's list.
      return async (entry) => {
        if (!entry.gguf) return webllm(entry);
        if (entry.fileBytes !== null) return entry.fileBytes;
        const { bytes } = await (await app.engines.cpu()).resolve(entry.id);
        if (bytes === undefined) throw new Error("The host gave no size for this file.");
        return bytes;
      };
    },
    checkFolder: (url) => checkModelFolder(url),
    checkLibrary: (url) => checkModelLibrary(url),
    saveCacheBackend: (cacheBackend) => saveSettings({ cacheBackend }),
    checkGguf: async (url) => {
      const { checkGguf } = await import("../../platform/wllama/check-gguf");
      const checked = await checkGguf(url);
      return {
        architecture: checked.facts.architecture,
        fileBytes: checked.fileBytes,
        contextWindow: checked.contextWindow,
        ramMB: checked.ramMB,
      };
    },
  });
  const endpoints = new EndpointForm({
    listModels: async (endpoint) =>
      (await import("../../platform/remote-engine")).listModels(endpoint),
    save: (endpoint) => catalog.saveEndpoint(endpoint),
    remove: (id) => catalog.removeEndpoint(id),
    endpoints: () => catalog.endpoints,
  });
  return { models, catalog, endpoints };
}
