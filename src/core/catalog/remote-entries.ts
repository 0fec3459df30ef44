/**
 * Remote models as catalog entries, so every view that lists models (Chat, Compare, Bench, the
 * report) lists them too. They take no memory here and download nothing: `vramMB` is null and
 * the fit check says where they run (see `assessFit`).
 */
import { parseParamsB } from "./parse-id";
import { remoteModelId, type RemoteEndpoint } from "../engine/remote/endpoint";
import type { CatalogEntry } from "./types";

/** One entry per model the user picked on each endpoint, endpoints in the order given. */
export function remoteEntries(endpoints: readonly RemoteEndpoint[]): CatalogEntry[] {
  return endpoints.flatMap((endpoint) =>
    endpoint.models.map((model): CatalogEntry => {
      const host = new URL(endpoint.baseUrl).host;
      return {
        id: remoteModelId(endpoint, model.name),
        key: model.name,
        name: `${model.name} · ${host}`,
        family: "Remote",
        base: model.name,
        role: model.role,
        domains: [...model.domains],
        languages: [],
        paramsB: parseParamsB(model.name.replace(/[:/]/g, "-")),
        quant: null,
        contextWindow: null,
        vramMB: null,
        lowResource: true,
        bufferSizeRequiredBytes: null,
        requiredFeatures: [],
        kind: "llm",
        chatCapable: true,
        source: "remote",
        runtime: "remote",
        gguf: null,
        fileBytes: null,
        modelUrl: endpoint.baseUrl,
        modelLibUrl: "",
        note: `Served by ${endpoint.baseUrl} (remote: it uses no memory on this device).`,
      };
    }),
  );
}
