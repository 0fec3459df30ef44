import { describe, expect, it } from "vitest";
import { checkModelLibrary } from "./check-model-library";

const serve =
  (body: BodyInit | null, status = 200) =>
  async () =>
    new Response(body, { status });
const URL_ = "https://example.org/v0_2_86/model-webgpu.wasm";

describe("checkModelLibrary", () => {
  it("accepts a file that starts like WebAssembly", async () => {
    const wasm = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect(await checkModelLibrary(URL_, { fetch: serve(wasm) })).toBeNull();
  });

  it("refuses a web page, a JSON file or an empty file, naming the field and what it is", async () => {
    for (const [body, what] of [
      ["<!doctype html><title>Not found</title>", /web page/],
      ['{"error":"nope"}', /JSON file/],
      ["", /empty/],
      [new Uint8Array([0x50, 0x4b, 3, 4]), /zip archive/],
    ] as const) {
      const error = await checkModelLibrary(URL_, { fetch: serve(body) }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "malformed-input",
        details: { field: "modelLibUrl" },
        message: expect.stringMatching(what),
      });
    }
  });

  it("only warns when the library cannot be read now", async () => {
    expect(await checkModelLibrary(URL_, { fetch: serve("", 404) })).toMatch(/answered 404/);
    const offline = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await checkModelLibrary(URL_, { fetch: offline })).toMatch(/could not be read now/);
  });

  it("reads only the first bytes of a server that ignores the range", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x3c));
      },
    });
    await expect(checkModelLibrary(URL_, { fetch: serve(body) })).rejects.toMatchObject({
      message: expect.stringMatching(/web page/),
    });
    expect(pulled).toBeLessThanOrEqual(2);
  });
});
