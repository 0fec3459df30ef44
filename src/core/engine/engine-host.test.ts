import { describe, expect, it } from "vitest";
import { parseRecording } from "./replay/recording";
import compareFixture from "../../../tests/fixtures/recordings/compare-two-models.json";
import { PolymathError } from "../errors";
import { EngineHost } from "./engine-host";
import { cachedAmong } from "./model-cache";
import type { EngineEvent } from "./protocol";
import { ReplayEngine } from "./replay/replay-engine";

const QWEN3 = "Qwen3-1.7B-q4f16_1-MLC";

function setup(speed = Infinity) {
  const recording = parseRecording(compareFixture);
  const events: EngineEvent[] = [];
  const engine = new ReplayEngine(recording, { speed, loadStepMs: 0 });
  const host = new EngineHost(engine, (e) => events.push(structuredClone(e)), {
    webllmVersion: "test",
  });
  return { recording, events, host };
}

describe("EngineHost", () => {
  it("announces itself with the engine kind", () => {
    expect(setup().host.readyEvent()).toEqual({
      type: "ready",
      id: 0,
      kind: "replay",
      webllmVersion: "test",
    });
  });

  it("answers a load with progress events, then the loaded models", async () => {
    const { host, events } = setup();
    await host.handle({ id: 1, type: "load", modelIds: [QWEN3] });
    expect(events.map((e) => e.type)).toEqual(["progress", "progress", "progress", "result"]);
    expect(events.at(-1)).toEqual({ type: "result", id: 1, value: [QWEN3] });
  });

  it("streams a chat in batches, all before the result", async () => {
    const { host, events, recording } = setup();
    await host.handle({ id: 1, type: "load", modelIds: [QWEN3] });
    events.length = 0;
    const entry = recording.entries[0];
    if (!entry) throw new Error("fixture has entries");
    await host.handle({ id: 2, type: "chat", request: entry.request });
    const chunkEvents = events.filter((e) => e.type === "chunks");
    const deltas = chunkEvents.flatMap((e) =>
      e.type === "chunks" ? e.chunks.map((c) => c.delta) : [],
    );
    expect(deltas).toEqual(entry.chunks.map((c) => c.delta));
    // 93 chunks arrive at once with speed Infinity: batches of at most 32
    expect(chunkEvents.length).toBe(Math.ceil(entry.chunks.length / 32));
    expect(events.at(-1)).toMatchObject({
      type: "result",
      id: 2,
      value: { text: entry.result.text },
    });
  });

  it("cancel aborts the chat it names", async () => {
    const { host, events, recording } = setup(1);
    await host.handle({ id: 1, type: "load", modelIds: [QWEN3] });
    const entry = recording.entries[0];
    if (!entry) throw new Error("fixture has entries");
    const chat = host.handle({ id: 2, type: "chat", request: entry.request });
    await host.handle({ id: 3, type: "cancel", target: 2 });
    await chat;
    expect(events.find((e) => e.id === 2 && e.type === "result")).toMatchObject({
      value: { finishReason: "abort", text: "" },
    });
  });

  it("sends failures as serialised PolymathErrors", async () => {
    const { host, events } = setup();
    await host.handle({ id: 4, type: "load", modelIds: ["nope"] });
    await host.handle({ id: 5, type: "cachedModelIds", modelIds: [QWEN3] });
    await host.handle({ id: 6, type: "bogus" });
    await host.handle("not a request");
    expect(events).toEqual([
      { type: "error", id: 4, error: expect.objectContaining({ code: "model-not-found" }) },
      { type: "error", id: 5, error: expect.objectContaining({ code: "invalid-request" }) },
      { type: "error", id: 6, error: expect.objectContaining({ code: "invalid-request" }) },
    ]);
  });

  it("answers which models are cached, counting a failed check as not cached", async () => {
    const events: EngineEvent[] = [];
    const engine = new ReplayEngine(parseRecording(compareFixture), { loadStepMs: 0 });
    let brokenCache = false;
    const host = new EngineHost(engine, (e) => events.push(e), {
      cache: {
        cachedModelIds: (ids) =>
          cachedAmong(ids, async (id) => {
            if (brokenCache || id === "flaky")
              throw new PolymathError("storage-unavailable", "No.");
            return id.startsWith("cached");
          }),
        deleteModel: async () => {},
      },
    });
    const ids = [
      "cached-a",
      "other",
      "flaky",
      "cached-b",
      ...Array.from({ length: 9 }, (_, i) => `x${i}`),
    ];
    await host.handle({ id: 1, type: "cachedModelIds", modelIds: ids });
    expect(events.at(-1)).toEqual({ type: "result", id: 1, value: ["cached-a", "cached-b"] });
    brokenCache = true;
    await host.handle({ id: 2, type: "cachedModelIds", modelIds: ["cached-a", "b"] });
    expect(events.at(-1)).toMatchObject({
      type: "error",
      id: 2,
      error: { code: "storage-unavailable" },
    });
    await host.handle({ id: 3, type: "cachedModelIds", modelIds: [] });
    expect(events.at(-1)).toEqual({ type: "result", id: 3, value: [] });
  });
});
