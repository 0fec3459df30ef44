/**
 * The composition root's catalog part: web-llm's model list, custom models and remote endpoints,
 * made once when the first view that lists models opens (its modules load then, off the entry).
 */
import { readModelSetup } from "../../platform/model-setup";
import type { App } from "../app.svelte";
import { CatalogState } from "../shared/catalog.svelte";

export function createCatalog(app: App): CatalogState {
  return new CatalogState({
    device: app.device,
    setup: readModelSetup,
    configure: (config) => app.engines.setAppConfig(config),
    endpoints: () => import("../../platform/remote-engine").then((m) => m.endpointStore()),
  });
}
