import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../core/catalog/build-catalog";
import { contextLabel, factsLine, paramsLabel, progressLine } from "./labels";

const MB = 1024 * 1024;

describe("labels", () => {
  it("writes parameter counts and context sizes with units", () => {
    expect(paramsLabel(0.5)).toBe("0.5B params");
    expect(paramsLabel(0.135)).toBe("135M params");
    expect(paramsLabel(1.5)).toBe("1.5B params");
    expect(paramsLabel(8)).toBe("8B params");
    expect(paramsLabel(null)).toBeNull();
    expect(contextLabel(4096)).toBe("4k context");
    expect(contextLabel(512)).toBe("512 context");
  });

  it("lists a model's facts", () => {
    const [entry] = buildCatalog([
      {
        model: "https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
        model_id: "Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
        model_lib: "https://example.org/v0_2_86/Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm",
        vram_required_MB: 1060.2,
      },
    ]);
    if (!entry) throw new Error("fixture");
    expect(factsLine(entry)).toMatch(/^0\.5B params · q4f32_1 · (.* · )?1\.04 GB GPU memory$/);
  });

  it("describes download progress, leaving out what is unknown", () => {
    expect(
      progressLine({
        loadedBytes: 120 * MB,
        totalBytes: 1024 * MB,
        fraction: 0.117,
        bytesPerSecond: 5 * MB,
        etaMs: 130_000,
      }),
    ).toBe("120 MB of 1.00 GB · 11% · 5.00 MB/s · 2 min 10 s left");
    expect(
      progressLine({
        loadedBytes: 0,
        totalBytes: undefined,
        fraction: 0,
        bytesPerSecond: null,
        etaMs: null,
      }),
    ).toBe("0 B · 0%");
  });
});
