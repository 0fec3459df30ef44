import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EngineState } from "./engines.svelte";
import { ReplayFile } from "./replay-file.svelte";

const file = (name: string, text: string) => ({ name, text: async () => text });
const fixtureText = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/recordings/${name}`, import.meta.url), "utf8");

describe("ReplayFile", () => {
  it("replays a recording file and labels it as a fixture", async () => {
    const engine = new EngineState();
    const replay = new ReplayFile(engine);
    expect(await replay.load(file("think.json", fixtureText("qwen3-think.json")))).toBe(true);
    expect(engine.runtimeOf("Qwen3-1.7B-q4f16_1-MLC")).toBe("replay");
    expect(replay.active).toBe(true);
    expect(replay.label).toBe("think.json (test fixture)");
    expect(replay.recording?.models[0]?.id).toBe("Qwen3-1.7B-q4f16_1-MLC");
    replay.back();
    expect(engine.runtimeOf("Qwen3-1.7B-q4f16_1-MLC")).toBe("webllm");
    expect(replay.active).toBe(false);
    expect(replay.label).toBeNull();
  });

  it("refuses a bad file and changes nothing", async () => {
    const engine = new EngineState();
    const replay = new ReplayFile(engine);
    await replay.load(file("good.json", fixtureText("markdown-code.json")));
    const before = engine.recording;
    expect(await replay.load(file("bad.json", "{ not json"))).toBe(false);
    expect(replay.error?.code).toBe("malformed-input");
    expect(await replay.load(file("other.json", '{"format":"something-else"}'))).toBe(false);
    expect(replay.error?.code).toBe("unsupported-format");
    expect(engine.recording).toBe(before);
    expect(replay.label).toBe("good.json (test fixture)");
  });

  it("maps the pace to replay options and re-applies it to the recording in play", async () => {
    const engine = new EngineState();
    const replay = new ReplayFile(engine);
    expect(replay.options()).toEqual({ speed: 1 });
    await replay.setPace("double");
    expect(replay.options()).toEqual({ speed: 2 });
    await replay.setPace("quadruple");
    expect(replay.options()).toEqual({ speed: 4 });
    await replay.setPace("fastest");
    expect(replay.options()).toEqual({ speed: Infinity });
    await replay.load(file("a.json", fixtureText("markdown-code.json")));
    const first = engine.runtime("replay");
    await replay.setPace("tps", 40);
    expect(replay.options()).toEqual({ tokensPerSecond: 40 });
    expect(engine.runtime("replay")).not.toBe(first);
    await replay.setPace("tps", 0);
    expect(replay.error?.code).toBe("invalid-request");
    expect(replay.active).toBe(true);
  });

  it("replays a recording fetched from an address, named after its file", async () => {
    const engine = new EngineState();
    const asked: string[] = [];
    const fetchImpl = (async (url: string) => {
      asked.push(url);
      return new Response(fixtureText("qwen3-think.json"), { status: 200 });
    }) as typeof fetch;
    const replay = new ReplayFile(engine, fetchImpl);
    expect(await replay.loadUrl(" https://example.org/runs/My%20run.json ")).toBe(true);
    expect(asked).toEqual(["https://example.org/runs/My%20run.json"]);
    expect(replay.label).toBe("My run.json (test fixture)");
    expect(replay.fetching).toBe(false);
    expect(engine.runtimeOf("Qwen3-1.7B-q4f16_1-MLC")).toBe("replay");
  });

  it("says why an address gave no recording, and keeps the one in play", async () => {
    const engine = new EngineState();
    const responses: (() => Response)[] = [
      () => new Response("missing", { status: 404, statusText: "Not Found" }),
      () => {
        throw new TypeError("Failed to fetch");
      },
      () => new Response("{ not json", { status: 200 }),
    ];
    const replay = new ReplayFile(engine, (async () => responses.shift()!()) as typeof fetch);
    await replay.load(file("good.json", fixtureText("markdown-code.json")));
    const before = engine.recording;

    expect(await replay.loadUrl("file:///etc/passwd")).toBe(false);
    expect(replay.error).toMatchObject({ code: "invalid-request" });
    expect(await replay.loadUrl("not an address")).toBe(false);
    expect(replay.error?.message).toMatch(/not a recording's address/);

    expect(await replay.loadUrl("https://example.org/gone.json")).toBe(false);
    expect(replay.error).toMatchObject({ code: "network" });
    expect(replay.error?.message).toMatch(/\(404 Not Found\)/);
    expect(await replay.loadUrl("https://blocked.example/r.json")).toBe(false);
    expect(replay.error?.message).toMatch(/blocked\.example did not answer/);
    expect(replay.error?.advice).toMatch(/CORS/);
    expect(await replay.loadUrl("https://example.org/broken.json")).toBe(false);
    expect(replay.error?.code).toBe("malformed-input");

    expect(engine.recording).toBe(before);
    expect(replay.label).toBe("good.json (test fixture)");
    expect(replay.fetching).toBe(false);
  });
});
