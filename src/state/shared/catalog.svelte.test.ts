import { describe, expect, it } from "vitest";
import type { RemoteEndpoint } from "../../core/engine/remote/endpoint";
import { PolymathError } from "../../core/errors";
import type { RemoteEndpointStore } from "../../core/storage/remote-endpoints";
import type { ModelSetup } from "../../platform/model-setup";
import { CatalogState } from "./catalog.svelte";

const endpoint = (id: string): RemoteEndpoint => ({
  id,
  baseUrl: `http://${id}:8000/v1`,
  apiKey: "sk-test",
  models: [],
  maxConcurrent: 4,
  addedAt: 1,
});

/** A store over a map whose writes fail while `full` is set. */
function memoryStore(initial: RemoteEndpoint[]) {
  const saved = new Map(initial.map((e) => [e.id, e]));
  const state = { full: false };
  const fail = () => {
    throw new PolymathError("storage-full", "This device's storage is full.");
  };
  const store: RemoteEndpointStore = {
    list: async () => [...saved.values()],
    save: async (e) => {
      if (state.full) fail();
      saved.set(e.id, e);
    },
    remove: async (id) => {
      if (state.full) fail();
      saved.delete(id);
    },
  };
  return { store, saved, state };
}

function catalogOver(store: RemoteEndpointStore): CatalogState {
  return new CatalogState({
    device: { profile: null },
    setup: () => Promise.reject(new Error("no storage in this test")) as Promise<ModelSetup>,
    configure: async () => {},
    endpoints: async () => store,
  });
}

describe("CatalogState endpoints", () => {
  it("lists an endpoint only once it is stored, and drops it only once it is deleted", async () => {
    const { store, saved, state } = memoryStore([endpoint("kept")]);
    const catalog = catalogOver(store);
    await catalog.ready;
    expect(catalog.endpoints.map((e) => e.id)).toEqual(["kept"]);

    state.full = true;
    await expect(catalog.saveEndpoint(endpoint("new"))).rejects.toThrow(/full/);
    expect(catalog.endpoints.map((e) => e.id)).toEqual(["kept"]);
    await expect(catalog.removeEndpoint("kept")).rejects.toThrow(/full/);
    // Its key is still on this device, so it is still shown (and can be removed again).
    expect(catalog.endpoints.map((e) => e.id)).toEqual(["kept"]);
    expect(saved.has("kept")).toBe(true);

    state.full = false;
    await catalog.saveEndpoint(endpoint("new"));
    await catalog.removeEndpoint("kept");
    expect(catalog.endpoints.map((e) => e.id)).toEqual(["new"]);
    expect([...saved.keys()]).toEqual(["new"]);
  });
});
