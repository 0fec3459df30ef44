import { describe, expect, it } from "vitest";
import { modelList } from "virtual:webllm-model-list";
import { buildCatalog } from "../../catalog/build-catalog";
import { assessFit } from "../../catalog/fit";
import { buildDeviceProfile } from "../../device/profile";
import type { GpuProbe } from "../../device/types";
import { parseRecording } from "../../engine/replay/recording";
import {
  answeringModel,
  defaultChatModel,
  recordingModel,
  replayedFrom,
  smallerModel,
} from "./models";

// Fixture devices: what src/platform/gpu-probe.ts would report.
const GIB = 1024 ** 3;
function device(features: string[], budgetMB?: number, over: Partial<GpuProbe> = {}) {
  const probe: GpuProbe = {
    webgpu: "available",
    crossOriginIsolated: false,
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36",
    deviceMemoryGB: 8,
    adapter: {
      vendor: "nvidia",
      architecture: "",
      description: "",
      device: "",
      isFallbackAdapter: false,
      features,
      limits: {
        maxBufferSize: 4 * GIB,
        maxStorageBufferBindingSize: 2 * GIB,
        maxComputeWorkgroupStorageSize: 32768,
      },
    },
    ...over,
  };
  return buildDeviceProfile(probe, { memoryBudgetMB: budgetMB });
}

const catalog = buildCatalog(modelList);

describe("defaultChatModel", () => {
  it("takes the best Qwen3-1.7B variant for the device", () => {
    expect(defaultChatModel(catalog, device(["shader-f16"]))).toBe("Qwen3-1.7B-q4f16_1-MLC");
    expect(defaultChatModel(catalog, device([]))).toBe("Qwen3-1.7B-q4f32_1-MLC");
  });

  it("falls back to a smaller runnable generalist when Qwen3-1.7B does not fit", () => {
    const qwen3 = catalog.find((e) => e.id === "Qwen3-1.7B-q4f16_1-MLC");
    const qwen25 = catalog.find((e) => e.id === "Qwen2.5-1.5B-Instruct-q4f16_1-MLC");
    expect(qwen3?.vramMB).toBeGreaterThan(qwen25?.vramMB ?? Infinity);
    // A budget between the two: Qwen2.5-1.5B fits, Qwen3-1.7B does not.
    const budget = Math.floor(((qwen3?.vramMB ?? 0) + (qwen25?.vramMB ?? 0)) / 2);
    expect(defaultChatModel(catalog, device(["shader-f16"], budget))).toBe(
      "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
    );
    const tiny = defaultChatModel(catalog, device(["shader-f16"], 900));
    const entry = catalog.find((e) => e.id === tiny);
    expect(entry?.role).toBe("generalist");
    expect(entry?.vramMB).toBeLessThanOrEqual(900);
  });

  it("still names the preferred model when nothing runs (its fit explains why)", () => {
    const noGpu = buildDeviceProfile({
      webgpu: "no-api",
      crossOriginIsolated: false,
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
    });
    expect(defaultChatModel(catalog, noGpu)).toMatch(/^Qwen3-1\.7B-/);
    expect(defaultChatModel([], noGpu)).toBeNull();
  });
});

describe("smallerModel", () => {
  it("suggests the largest runnable model below the current one, same role first", () => {
    const profile = device(["shader-f16"]);
    const current = "Qwen3-1.7B-q4f16_1-MLC";
    const currentMB = catalog.find((e) => e.id === current)?.vramMB ?? 0;
    const smaller = smallerModel(catalog, profile, current);
    expect(smaller).not.toBeNull();
    expect(smaller?.vramMB).toBeLessThan(currentMB);
    expect(smaller?.role).toBe("generalist");
    expect(smaller?.chatCapable).toBe(true);
    // No runnable generalist lies between the suggestion and the current model.
    const between = catalog.filter(
      (e) =>
        e.role === "generalist" &&
        e.chatCapable &&
        (e.vramMB ?? 0) > (smaller?.vramMB ?? 0) &&
        (e.vramMB ?? Infinity) < currentMB &&
        assessFit(e, profile).status !== "wont-run",
    );
    expect(between).toEqual([]);
  });

  it("returns null when nothing smaller runs", () => {
    const smallest = [...catalog]
      .filter((e) => e.chatCapable && e.vramMB !== null)
      .sort((a, b) => (a.vramMB ?? 0) - (b.vramMB ?? 0))[0];
    expect(smallerModel(catalog, device(["shader-f16"]), smallest?.id ?? "")).toBeNull();
  });
});

// A fixture recording: two models, only "talker" answers.
const talkerRecording = parseRecording({
  format: "polymath-recording",
  version: 1,
  createdAt: "2025-01-01T00:00:00.000Z",
  app: { name: "test", version: "0" },
  fixture: true,
  engine: { kind: "replay" },
  models: [{ id: "silent" }, { id: "talker" }],
  entries: [
    {
      id: "e1",
      modelId: "talker",
      request: { modelId: "talker", messages: [{ role: "user", content: "hi" }], params: {} },
      chunks: [{ t: 1, delta: "yo" }],
      result: {
        text: "yo",
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
      },
    },
  ],
});

describe("recordingModel", () => {
  it("picks the first model that has answers", () => {
    const recording = talkerRecording;
    expect(recordingModel(recording)).toBe("talker");
  });
});

describe("answeringModel", () => {
  const live = { mode: "webllm", recording: null };
  const replay = { mode: "replay", recording: talkerRecording };

  it("uses the conversation's model, else the device default, when live", () => {
    expect(answeringModel("picked", live, () => "default")).toBe("picked");
    expect(answeringModel("", live, () => "default")).toBe("default");
    expect(answeringModel("", live, () => null)).toBe("");
    expect(answeringModel("", live)).toBe("");
  });

  it("keeps a recorded choice in replay and falls back to the recording's model", () => {
    expect(answeringModel("silent", replay, () => "default")).toBe("silent");
    expect(answeringModel("picked", replay, () => "default")).toBe("talker");
    expect(answeringModel("", replay)).toBe("talker");
  });

  it("live, replaces a choice that cannot run here with the default", () => {
    const runs = (id: string) => id !== "replayed-q4f16";
    expect(answeringModel("replayed-q4f16", live, () => "default", runs)).toBe("default");
    expect(answeringModel("picked", live, () => "default", runs)).toBe("picked");
    // In replay the recording's model is played, not run, so fit does not matter.
    expect(
      answeringModel(
        "silent",
        replay,
        () => "default",
        () => false,
      ),
    ).toBe("silent");
  });
});

describe("replayedFrom", () => {
  it("names the recording of the last replayed answer, or null for a live conversation", () => {
    const msg = (id: string, replayOf?: string) => ({
      id,
      role: "assistant" as const,
      content: "x",
      ...(replayOf ? { replayOf } : {}),
    });
    expect(replayedFrom([msg("a"), msg("b")])).toBeNull();
    expect(replayedFrom([msg("a", "one.json"), msg("b", "two.json"), msg("c")])).toBe("two.json");
  });
});
