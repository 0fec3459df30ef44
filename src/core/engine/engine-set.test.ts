import { describe, expect, it } from "vitest";
import compareFixture from "../../../tests/fixtures/recordings/compare-two-models.json";
import { PolymathError } from "../errors";
import { EngineSet, PartialLoadError } from "./engine-set";
import { parseRecording } from "./replay/recording";
import { ReplayEngine } from "./replay/replay-engine";
import type { RuntimeId } from "./runtime";
import type { ChatRequest, ChatResult, Engine, LoadOptions, StreamOptions } from "./types";

const recording = parseRecording(compareFixture);
const [QWEN3, CODER] = recording.models.map((m) => m.id) as [string, string];
const LIVE = "live-model";

/** A stand-in for a device runtime: loads replace its set, like web-llm's reload. */
class DeviceRuntime implements Engine {
  readonly kind = "webllm" as const;
  resident: string[] = [];
  loads: string[][] = [];
  unloads = 0;
  fail: PolymathError | null = null;
  async load(ids: string[], _options?: LoadOptions) {
    this.loads.push([...ids]);
    if (this.fail) throw this.fail;
    this.resident = [...ids];
  }
  loaded() {
    return [...this.resident];
  }
  async chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    options.onChunk({ delta: `live:${request.modelId}` });
    return {
      text: `live:${request.modelId}`,
      reasoning: "",
      finishReason: "stop",
      usage: {
        promptTokens: 1,
        completionTokens: 1,
        ttftMs: 1,
        prefillTokensPerS: 1,
        decodeTokensPerS: 1,
        totalMs: 1,
      },
    };
  }
  async interrupt() {}
  async unload() {
    this.unloads++;
    this.resident = [];
  }
}

function setup() {
  const device = new DeviceRuntime();
  const replay = new ReplayEngine(recording, { speed: Infinity });
  const starts: RuntimeId[] = [];
  const set = new EngineSet({
    runtimeOf: (id) => (recording.models.some((m) => m.id === id) ? "replay" : "webllm"),
    start: async (runtime) => {
      starts.push(runtime);
      if (runtime === "webllm") return device;
      throw new PolymathError("invalid-request", `no ${runtime}`);
    },
  });
  set.replace("replay", replay);
  return { set, device, replay, starts };
}

const request = (modelId: string): ChatRequest => {
  const entry = recording.entries.find((e) => e.modelId === modelId);
  return entry ? { ...entry.request } : { modelId, messages: [], params: {} };
};

describe("EngineSet", () => {
  it("sends each model to its runtime and starts a runtime only when a model needs it", async () => {
    const { set, device, starts } = setup();
    await set.load([QWEN3]);
    expect(starts).toEqual([]);
    expect(set.loaded()).toEqual([QWEN3]);
    await set.load([QWEN3, LIVE]);
    expect(starts).toEqual(["webllm"]);
    expect(device.loads).toEqual([[LIVE]]);
    expect(set.loaded().sort()).toEqual([LIVE, QWEN3].sort());
    const replayed = await set.chat(request(QWEN3), { onChunk: () => {} });
    expect(replayed.text).toBe(recording.entries.find((e) => e.modelId === QWEN3)?.result.text);
    const live = await set.chat(request(LIVE), { onChunk: () => {} });
    expect(live.text).toBe(`live:${LIVE}`);
  });

  it("does not reload a runtime whose set is already loaded", async () => {
    const { set, device } = setup();
    await set.load([LIVE, CODER]);
    await set.load([LIVE, CODER]);
    expect(device.loads).toEqual([[LIVE]]);
  });

  it("frees device memory for a new device set, but replayed loads touch nothing else", async () => {
    const { set, device } = setup();
    await set.load([LIVE]);
    await set.load([QWEN3]);
    expect(device.unloads).toBe(0);
    expect(set.loaded().sort()).toEqual([LIVE, QWEN3].sort());
  });

  it("keeps the models that loaded when another runtime fails, naming only the failed ones", async () => {
    const { set, device } = setup();
    device.fail = new PolymathError("network", "Could not download the model files.");
    const failure = await set.load([QWEN3, LIVE]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PartialLoadError);
    const partial = failure as PartialLoadError;
    expect(Object.keys(partial.byModel)).toEqual([LIVE]);
    expect(partial.code).toBe("network");
    expect(set.loaded()).toEqual([QWEN3]);
  });

  it("passes a single runtime's failure through as it is", async () => {
    const { set, device } = setup();
    device.fail = new PolymathError("out-of-memory", "Too big.");
    const failure = await set.load([LIVE]).catch((e: unknown) => e);
    expect(failure).toBe(device.fail);
    expect(failure).not.toBeInstanceOf(PartialLoadError);
  });

  it("reports a runtime this device lacks as a typed error", async () => {
    const set = new EngineSet({
      runtimeOf: () => "remote",
      start: async () => {
        throw new Error("no endpoint");
      },
    });
    await expect(set.load(["x"])).rejects.toMatchObject({ code: "engine-crashed" });
  });
});

describe("EngineSet.engine", () => {
  it("starts a runtime once for concurrent callers, and again after a failed start", async () => {
    let starts = 0;
    let failNext = true;
    const set = new EngineSet({
      runtimeOf: () => "wllama",
      start: async () => {
        starts++;
        if (failNext) {
          failNext = false;
          throw new Error("no worker");
        }
        return new DeviceRuntime();
      },
    });
    await expect(set.engine("wllama")).rejects.toMatchObject({ code: "engine-crashed" });
    const [a, b] = await Promise.all([set.engine("wllama"), set.engine("wllama")]);
    expect(a).toBe(b);
    expect(starts).toBe(2);
    expect(set.started().get("wllama")).toBe(a);
  });
});
