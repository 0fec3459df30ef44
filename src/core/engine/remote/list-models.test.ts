import { describe, expect, it } from "vitest";
import { fakeFetch } from "./fake-openai-server";
import { listRemoteModels } from "./list-models";

const endpoint = { baseUrl: "http://gpu:8000/v1", apiKey: "sk-x" };
const ORIGIN = "https://polymath.example";

describe("listRemoteModels", () => {
  it("asks GET <base>/models with the key and returns the names", async () => {
    const server = fakeFetch([{ kind: "json", body: { data: [{ id: "a" }, { id: "b" }] } }]);
    expect(await listRemoteModels(endpoint, server.fetch, ORIGIN)).toEqual(["a", "b"]);
    expect(server.calls[0]?.url).toBe("http://gpu:8000/v1/models");
    expect(server.calls[0]?.init.headers).toEqual({ Authorization: "Bearer sk-x" });
  });

  it("names a missing list, a refused key and an unreachable server", async () => {
    const server = fakeFetch([
      { kind: "status", status: 404 },
      { kind: "status", status: 401 },
      { kind: "reject", error: new TypeError("Failed to fetch") },
    ]);
    await expect(listRemoteModels(endpoint, server.fetch, ORIGIN)).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(listRemoteModels(endpoint, server.fetch, ORIGIN)).rejects.toMatchObject({
      code: "unauthorized",
    });
    // Served over https, the failure may be CORS; over plain http to another host, the page's
    // own policy stops it first.
    const tls = { ...endpoint, baseUrl: "https://gpu.example/v1" };
    await expect(listRemoteModels(tls, server.fetch, ORIGIN)).rejects.toMatchObject({
      code: "cors",
    });
  });
});
