import { describe, expect, it } from "vitest";
import { checkModelFolder } from "./check-model-folder";

const FOLDER = "https://example.org/models/Tiny-q4f32_1-MLC";
const CONFIG = `${FOLDER}/resolve/main/mlc-chat-config.json`;

function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const urls: string[] = [];
  const fn = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return respond(String(input));
  }) as typeof fetch;
  return { urls, fn };
}

describe("checkModelFolder", () => {
  it("accepts a folder whose chat config is JSON, fetched where web-llm looks", async () => {
    const { urls, fn } = fakeFetch(() => Response.json({ model_type: "qwen2" }));
    await checkModelFolder(FOLDER, { fetch: fn });
    expect(urls).toEqual([CONFIG]);
  });

  it("says not-found on a 404, naming the URL", async () => {
    const { fn } = fakeFetch(() => new Response("nope", { status: 404 }));
    await expect(checkModelFolder(FOLDER, { fetch: fn })).rejects.toMatchObject({
      code: "not-found",
      message: expect.stringContaining(CONFIG),
      details: { field: "modelUrl" },
    });
  });

  it("tells a CORS refusal from being offline", async () => {
    const { fn } = fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(checkModelFolder(FOLDER, { fetch: fn, online: () => true })).rejects.toMatchObject(
      { code: "cors" },
    );
    await expect(
      checkModelFolder(FOLDER, { fetch: fn, online: () => false }),
    ).rejects.toMatchObject({ code: "network", message: expect.stringContaining("offline") });
  });

  it("reports other statuses and a config that is not JSON", async () => {
    const { fn: forbidden } = fakeFetch(() => new Response("", { status: 403 }));
    await expect(checkModelFolder(FOLDER, { fetch: forbidden })).rejects.toMatchObject({
      code: "network",
      details: { status: 403 },
    });
    const { fn: html } = fakeFetch(() => new Response("<html>"));
    await expect(checkModelFolder(FOLDER, { fetch: html })).rejects.toMatchObject({
      code: "malformed-input",
    });
  });
});
