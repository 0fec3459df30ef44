/**
 * A remote endpoint: an OpenAI-compatible server (vLLM, Ollama, llama.cpp's server, LM Studio, a
 * hosted provider) the user added, with the models they chose from it. Its API key is stored on
 * this device only; `withoutKey` is what anything leaving the device (exports, recordings, share
 * links) may carry.
 */
import type { ModelDomain } from "../../domains";
import { parseParamsB } from "../../catalog/parse-id";
import { REMOTE_PREFIX } from "./model-id";

export { isRemoteModelId, REMOTE_PREFIX } from "./model-id";

/** A model the user picked from an endpoint, with what it is for. */
export interface RemoteModelConfig {
  /** The model's name on the server (the `model` field of a request). */
  name: string;
  role: "generalist" | "specialist";
  domains: ModelDomain[];
}

export interface RemoteEndpoint {
  /** Stable id from the base URL ("localhost-8000"); model ids are `remote:<id>/<name>`. */
  id: string;
  /** Base URL ending in the API version, e.g. "http://localhost:8000/v1". */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; "" for none. Never leaves this device. */
  apiKey: string;
  models: RemoteModelConfig[];
  /** Requests a bench may send at once (servers such as vLLM batch them). */
  maxConcurrent: number;
  addedAt: number;
}

export const DEFAULT_MAX_CONCURRENT = 4;

/** "localhost:8000" or "http://h:8000/" → "http://h:8000/v1"; null when it is no http(s) URL. */
export function normalizeBaseUrl(input: string): string | null {
  let text = input.trim();
  if (text === "") return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  let path = url.pathname.replace(/\/+$/, "");
  // Users paste the chat URL itself as often as the base.
  path = path.replace(/\/(chat\/completions|models)$/, "");
  if (!/\/v\d+$/.test(path)) path += "/v1";
  return `${url.origin}${path}`;
}

/** Whether `baseUrl` is a server on this machine (it answers even when the device is offline). */
export function onThisMachine(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

/** The endpoint id a base URL gets: host, port and path as a slug. */
export function endpointId(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.host}${url.pathname.replace(/\/v\d+$/, "")}`
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The model id Polymath uses for `name` on `endpoint`. */
export function remoteModelId(endpoint: Pick<RemoteEndpoint, "id">, name: string): string {
  return `${REMOTE_PREFIX}${endpoint.id}/${name}`;
}

/** The endpoint and model behind a remote model id, among `endpoints`. */
export function findRemoteModel(
  endpoints: readonly RemoteEndpoint[],
  modelId: string,
): { endpoint: RemoteEndpoint; model: RemoteModelConfig } | undefined {
  for (const endpoint of endpoints) {
    for (const model of endpoint.models) {
      if (remoteModelId(endpoint, model.name) === modelId) return { endpoint, model };
    }
  }
  return undefined;
}

/**
 * A role for a model seen on a server: a named coder or math model is a specialist in that
 * domain; anything else (most served models are large chat models) defaults to generalist.
 */
export function defaultModelConfig(name: string): RemoteModelConfig {
  const lower = name.toLowerCase();
  const size = parseParamsB(name.replace(/[:/]/g, "-"));
  const large = size === null || size >= 20;
  if (!large && /coder|code/.test(lower)) return { name, role: "specialist", domains: ["code"] };
  if (!large && /math/.test(lower)) return { name, role: "specialist", domains: ["math"] };
  return { name, role: "generalist", domains: ["chat", "reasoning", "knowledge", "instruction"] };
}

/** The model names in a `/v1/models` answer (`{data: [{id}]}`; Ollama's `{models: [{name}]}`). */
export function parseModelList(body: unknown): string[] {
  if (typeof body !== "object" || body === null) return [];
  const { data, models } = body as { data?: unknown; models?: unknown };
  const list = Array.isArray(data) ? data : Array.isArray(models) ? models : [];
  const names: string[] = [];
  for (const item of list) {
    const name =
      typeof item === "string"
        ? item
        : typeof item === "object" && item !== null
          ? ((item as { id?: unknown; name?: unknown }).id ?? (item as { name?: unknown }).name)
          : undefined;
    if (typeof name === "string" && name !== "" && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The endpoint as it may leave this device: everything but the key. */
export function withoutKey(endpoint: RemoteEndpoint): Omit<RemoteEndpoint, "apiKey"> {
  const { apiKey: _key, ...rest } = endpoint;
  return rest;
}
