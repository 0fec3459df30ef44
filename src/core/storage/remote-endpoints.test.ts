import { describe, expect, it } from "vitest";
import type { RemoteEndpoint } from "../engine/remote/endpoint";
import { isPolymathError } from "../errors";
import { failOnWrite } from "./failing-store";
import { createMemoryStore } from "./memory-store";
import { createRemoteEndpointStore } from "./remote-endpoints";

const endpoint = (id: string, addedAt: number): RemoteEndpoint => ({
  id,
  baseUrl: `http://${id}:8000/v1`,
  apiKey: "sk-kept-here",
  models: [{ name: "big", role: "generalist", domains: ["chat"] }],
  maxConcurrent: 4,
  addedAt,
});

describe("remote endpoint store", () => {
  it("keeps endpoints with their keys across instances, oldest first, and removes them", async () => {
    const kv = createMemoryStore();
    await createRemoteEndpointStore(kv).save(endpoint("b", 20));
    await createRemoteEndpointStore(kv).save(endpoint("a", 10));
    const again = createRemoteEndpointStore(kv);
    const list = await again.list();
    expect(list.map((e) => e.id)).toEqual(["a", "b"]);
    expect(list[0]?.apiKey).toBe("sk-kept-here");
    await again.remove("a");
    expect((await again.list()).map((e) => e.id)).toEqual(["b"]);
  });

  it("skips damaged entries without deleting them", async () => {
    const kv = createMemoryStore();
    await kv.set("endpoint:bad", { schema: 1, data: { id: "bad" } });
    expect(await createRemoteEndpointStore(kv).list()).toEqual([]);
    expect(await kv.get("endpoint:bad")).toBeDefined();
  });

  it("explains a full disk", async () => {
    const store = createRemoteEndpointStore(failOnWrite(createMemoryStore(), 1).store);
    const error = await store.save(endpoint("x", 1)).catch((e: unknown) => e);
    expect(isPolymathError(error, "storage-full")).toBe(true);
  });
});
