/**
 * Remote endpoints repository: the OpenAI-compatible servers the user added, one versioned
 * document per endpoint under key `endpoint:<id>`, schema version 1 (`RemoteEndpoint` from
 * src/core/engine/remote/endpoint.ts). This is the only place an API key is kept: in this
 * device's IndexedDB, never in exports, recordings or links (those carry model ids only).
 */
import { MODEL_DOMAINS } from "../domains";
import type { RemoteEndpoint } from "../engine/remote/endpoint";
import type { KeyValueStore } from "./kv-store";
import { guardWrite } from "./storage-errors";
import { readDocument, wrapDocument, type DocumentSchema } from "./versioned";

export const REMOTE_ENDPOINTS_SCHEMA_VERSION = 1;

const PREFIX = "endpoint:";

const schema: DocumentSchema<RemoteEndpoint> = {
  name: "remote endpoint",
  version: REMOTE_ENDPOINTS_SCHEMA_VERSION,
  migrations: {},
  validate: (data): data is RemoteEndpoint => isRemoteEndpoint(data),
};

export interface RemoteEndpointStore {
  /** Every readable endpoint, oldest first; unreadable ones are left stored but skipped. */
  list(): Promise<RemoteEndpoint[]>;
  /** Create or replace the endpoint with this id (`storage-full` when out of space). */
  save(endpoint: RemoteEndpoint): Promise<void>;
  /** Forget the endpoint and its key. */
  remove(id: string): Promise<void>;
}

export function createRemoteEndpointStore(store: KeyValueStore): RemoteEndpointStore {
  return {
    list: async () => {
      const endpoints: RemoteEndpoint[] = [];
      for (const [key, value] of await store.entries<unknown>()) {
        if (!key.startsWith(PREFIX)) continue;
        try {
          endpoints.push(readDocument(schema, value));
        } catch {
          // Kept, not deleted: a newer Polymath may read it.
        }
      }
      return endpoints.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
    },
    save: (endpoint) =>
      guardWrite(`the endpoint ${endpoint.baseUrl}`, () =>
        store.set(PREFIX + endpoint.id, wrapDocument(schema, endpoint)),
      ),
    remove: (id) => guardWrite("the endpoint list", () => store.del(PREFIX + id)),
  };
}

/** True for a well-formed endpoint document. */
export function isRemoteEndpoint(data: unknown): data is RemoteEndpoint {
  if (typeof data !== "object" || data === null) return false;
  const e = data as Partial<RemoteEndpoint>;
  return (
    typeof e.id === "string" &&
    typeof e.baseUrl === "string" &&
    /^https?:\/\//.test(e.baseUrl) &&
    typeof e.apiKey === "string" &&
    typeof e.addedAt === "number" &&
    typeof e.maxConcurrent === "number" &&
    e.maxConcurrent >= 1 &&
    Array.isArray(e.models) &&
    e.models.every(
      (m) =>
        typeof m === "object" &&
        m !== null &&
        typeof m.name === "string" &&
        (m.role === "generalist" || m.role === "specialist") &&
        Array.isArray(m.domains) &&
        m.domains.every((d) => (MODEL_DOMAINS as readonly string[]).includes(d)),
    )
  );
}
