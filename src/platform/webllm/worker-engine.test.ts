import { describe, expect, it } from "vitest";
import compareFixture from "../../../tests/fixtures/recordings/compare-two-models.json";
import type { EngineAppConfig, EngineModelInfo } from "../../core/engine/webllm/app-config";
import { EngineHost } from "../../core/engine/engine-host";
import { cachedAmong } from "../../core/engine/model-cache";
import { parseRecording } from "../../core/engine/replay/recording";
import { ReplayEngine, type ReplayOptions } from "../../core/engine/replay/replay-engine";
import type { ChatRequest, ChatResult, LoadProgress, StreamOptions } from "../../core/engine/types";
import { PolymathError } from "../../core/errors";
import { WorkerEngine, type EnginePort, type EnginePortHandlers } from "./worker-engine";

const QWEN3 = "Qwen3-1.7B-q4f16_1-MLC";
const CODER = "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC";
const recording = parseRecording(compareFixture);

/** A replay engine that loses its GPU on every chat, like web-llm after a device loss. */
class LosingEngine extends ReplayEngine {
  override async chat(_request: ChatRequest, _options: StreamOptions): Promise<ChatResult> {
    throw new PolymathError("device-lost", "The GPU was reset.");
  }
}

/** Cache and config calls recorded in memory. */
class FakeExtras {
  configs: EngineAppConfig[] = [];
  cached = new Set([QWEN3]);
  cachedModelIds(modelIds: string[]) {
    return cachedAmong(modelIds, async (id) => this.cached.has(id));
  }
  async deleteModel(modelId: string) {
    this.cached.delete(modelId);
  }
  setAppConfig(config: EngineAppConfig) {
    this.configs.push(config);
  }
  listModels(): EngineModelInfo[] {
    return [];
  }
}

/**
 * An in-memory "worker": messages are structured-cloned and delivered asynchronously, as
 * across a real worker boundary, to an EngineHost over a replay engine.
 */
class FakePort implements EnginePort {
  terminated = false;
  readonly extras = new FakeExtras();
  readonly host: EngineHost;
  constructor(
    readonly handlers: EnginePortHandlers,
    private readonly engine: ReplayEngine,
  ) {
    this.host = new EngineHost(
      engine,
      (e) => queueMicrotask(() => handlers.onEvent(structuredClone(e))),
      {
        cache: this.extras,
        configurable: this.extras,
        webllmVersion: "fake",
      },
    );
    queueMicrotask(() => handlers.onEvent(this.host.readyEvent()));
  }
  post(request: Parameters<EnginePort["post"]>[0]) {
    const copy = structuredClone(request);
    queueMicrotask(() => void this.host.handle(copy));
  }
  terminate() {
    this.terminated = true;
    void this.engine.interrupt(); // a terminated worker runs nothing more
  }
}

function setup(options: ReplayOptions = { speed: Infinity }, Engine = ReplayEngine) {
  const ports: FakePort[] = [];
  const client = new WorkerEngine({
    createPort: (handlers) => {
      const port = new FakePort(handlers, new Engine(recording, { loadStepMs: 0, ...options }));
      ports.push(port);
      return port;
    },
  });
  return { client, ports };
}

const entry = (i: number) => {
  const e = recording.entries[i];
  if (!e) throw new Error("fixture has entries");
  return e;
};

describe("WorkerEngine over a fake worker", () => {
  it("loads with progress, streams a chat and resolves with the answer", async () => {
    const { client } = setup();
    const progress: LoadProgress[] = [];
    await client.load([QWEN3, CODER], { onProgress: (p) => progress.push(p) });
    expect(client.loaded()).toEqual([QWEN3, CODER]);
    expect(progress.filter((p) => p.phase === "ready").map((p) => p.modelId)).toEqual([
      QWEN3,
      CODER,
    ]);
    const deltas: string[] = [];
    const result = await client.chat(entry(1).request, { onChunk: (c) => deltas.push(c.delta) });
    expect(deltas.join("")).toBe(entry(1).result.text);
    expect(result).toEqual(entry(1).result);
    expect(client.webllmVersion).toBe("fake");
  });

  it("rebuilds PolymathErrors from error events", async () => {
    const { client } = setup();
    const failure = client.chat(entry(0).request, { onChunk: () => {} });
    await expect(failure).rejects.toBeInstanceOf(PolymathError);
    await expect(failure).rejects.toMatchObject({
      code: "model-not-loaded",
      advice: "Load the model first.",
    });
  });

  it("an aborted signal cancels the chat in the worker", async () => {
    const { client } = setup({ tokensPerSecond: 200 });
    await client.load([QWEN3]);
    const controller = new AbortController();
    let got = "";
    const result = await client.chat(entry(0).request, {
      signal: controller.signal,
      onChunk: (c) => {
        got += c.delta;
        controller.abort();
      },
    });
    expect(result.finishReason).toBe("abort");
    expect(result.text).toBe(got);
    expect(result.text.length).toBeLessThan(entry(0).result.text.length);
  });

  it("interrupt() stops the running chat", async () => {
    const { client } = setup({ tokensPerSecond: 200 });
    await client.load([QWEN3]);
    const running = client.chat(entry(0).request, { onChunk: () => void client.interrupt() });
    expect((await running).finishReason).toBe("abort");
  });

  it("forwards cache calls and unload", async () => {
    const { client } = setup();
    expect(await client.hasModel(QWEN3)).toBe(true);
    expect(await client.cachedModelIds([CODER, QWEN3])).toEqual([QWEN3]);
    await client.deleteModel(QWEN3);
    expect(await client.cachedModelIds([CODER, QWEN3])).toEqual([]);
    expect(await client.hasModel(QWEN3)).toBe(false);
    await client.load([QWEN3, CODER]);
    await client.unload([QWEN3]);
    expect(client.loaded()).toEqual([CODER]);
  });

  it("after a worker crash, fails pending calls and starts a new worker on the next call", async () => {
    const { client, ports } = setup({ tokensPerSecond: 50 });
    await client.setAppConfig({ cacheBackend: "opfs" });
    await client.load([QWEN3]);
    const running = client.chat(entry(0).request, {
      onChunk: () => ports[0]?.handlers.onCrash("boom"),
    });
    await expect(running).rejects.toMatchObject({ code: "engine-crashed" });
    expect(ports[0]?.terminated).toBe(true);
    expect(client.loaded()).toEqual([]);
    await client.load([QWEN3]);
    expect(ports).toHaveLength(2);
    // the new worker got the app config again before anything else
    expect(ports[1]?.extras.configs).toEqual([{ cacheBackend: "opfs" }]);
    const first = entry(0).chunks[0]?.delta ?? "";
    const result = await client.chat(entry(0).request, { onChunk: () => void client.interrupt() });
    expect(result.text.startsWith(first)).toBe(true); // the new worker streams
  });

  it("after a device loss, replaces the worker on the next call", async () => {
    const { client, ports } = setup({ speed: Infinity }, LosingEngine);
    await client.load([QWEN3]);
    await expect(client.chat(entry(0).request, { onChunk: () => {} })).rejects.toMatchObject({
      code: "device-lost",
    });
    expect(ports[0]?.terminated).toBe(true);
    expect(client.loaded()).toEqual([]);
    await client.load([QWEN3]);
    expect(ports).toHaveLength(2);
    expect(client.loaded()).toEqual([QWEN3]);
  });

  it("dispose() stops the worker and rejects what was pending", async () => {
    const { client, ports } = setup({ tokensPerSecond: 10 });
    await client.load([QWEN3]);
    const running = client.chat(entry(0).request, { onChunk: () => {} });
    client.dispose();
    await expect(running).rejects.toMatchObject({ code: "aborted" });
    expect(ports[0]?.terminated).toBe(true);
  });
});
