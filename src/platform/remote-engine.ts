/**
 * Browser glue for remote endpoints (its own chunk, loaded on first use): the remote engine over
 * the page's `fetch`, and the endpoint repository over IndexedDB.
 */
import { findRemoteModel, type RemoteEndpoint } from "../core/engine/remote/endpoint";
import { listRemoteModels } from "../core/engine/remote/list-models";
import { RemoteEngine } from "../core/engine/remote/remote-engine";
import {
  createRemoteEndpointStore,
  type RemoteEndpointStore,
} from "../core/storage/remote-endpoints";
import { store } from "./stores";

/** A remote engine serving the models of `endpoints()` (read on each request). */
export function createRemoteEngine(endpoints: () => readonly RemoteEndpoint[]): RemoteEngine {
  return new RemoteEngine({
    fetch: (url, init) => fetch(url, init),
    resolveModel: (id) => findRemoteModel(endpoints(), id),
    origin: location.origin,
  });
}

/** The remote engine over the catalog's endpoints, once the catalog is made. */
export async function startRemote(
  catalog: Promise<{ readonly endpoints: readonly RemoteEndpoint[] }>,
): Promise<RemoteEngine> {
  const { endpoints } = await catalog.then((c) => ({ endpoints: () => c.endpoints }));
  return createRemoteEngine(endpoints);
}

/** The model names a server lists. */
export function listModels(
  endpoint: Pick<RemoteEndpoint, "baseUrl" | "apiKey">,
): Promise<string[]> {
  return listRemoteModels(endpoint, (url, init) => fetch(url, init), location.origin);
}

let opened: Promise<RemoteEndpointStore> | null = null;

/** The endpoint repository (this device only). */
export function endpointStore(): Promise<RemoteEndpointStore> {
  opened ??= store("remoteEndpoints").then((s) => createRemoteEndpointStore(s.store));
  return opened;
}
