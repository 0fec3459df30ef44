/**
 * The composition root's Models part (loaded with the Models view): catalog browsing, downloads,
 * the cache and custom models, over the runtime that downloads models (started only for a
 * download: the caches of web-llm and of the GGUF models are listed and cleared from the page).
 */
import { splitCaches, type ModelCache } from "../../core/engine/model-cache";
import { checkModelFolder } from "../../platform/webllm/check-model-folder";
import { checkModelLibrary } from "../../platform/webllm/check-model-library";
import { pageModelCache } from "../../platform/webllm/artifact-stores";
import { webllmDownloadSize } from "../../platform/webllm/model-sizes";
import { saveSettings } from "../../platform/stores";
import type { App, ModelsViewState } from "../app.svelte";
import { EndpointForm } from "../models/endpoint-form.svelte";
import { ModelsState } from "../models/models.svelte";
import type { CpuRuntime } from "../shared/engines.svelte";

export async function createModelsView(app: App): Promise<ModelsViewState> {
  const [catalog, { ggufFiles }] = await Promise.all([
    app.catalog(),
    // Imported here, not at the top, so the entry does not list its chunk among this one's.
    import("./gguf-files-root"),
  ]);
  const models = new ModelsState({
    catalog,
    device: app.device,
    cache: () => app.engines.cache(),
    // Opening the view reads web-llm's cache and the GGUF store from the page; a runtime starts
    // on a download. A loaded GGUF model is unloaded by its runtime before its files go.
    inventory: async (backend) => {
      const page = pageModelCache(backend, (id) => catalog.byId(id));
      const runtimes = await app.engines.cache();
      const gguf: ModelCache = {
        cachedModelIds: (ids) => ggufFiles(catalog).cachedModelIds(ids),
        deleteModel: async (id) => {
          const running = app.engines.runtime("wllama") as CpuRuntime | undefined;
          await (running ?? ggufFiles(catalog)).deleteModel(id);
        },
      };
      const isGguf = (id: string) => catalog.byId(id)?.runtime === "wllama";
      const rest = splitCaches(isGguf, gguf, runtimes);
      if (!page) return rest;
      const onPage = (id: string) => (catalog.byId(id)?.runtime ?? "webllm") === "webllm";
      return splitCaches(onPage, page, rest);
    },
    syncLoaded: () => app.engines.sync(),
    downloadSize: (backend) => {
      const webllm = webllmDownloadSize(backend);
      // A GGUF's size: the file a checked custom model measured, else its repository's list.
      return async (entry) => {
        if (!entry.gguf) return webllm(entry);
        if (entry.fileBytes !== null) return entry.fileBytes;
        const { bytes } = await ggufFiles(catalog).resolve(entry.id);
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
