import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { buildDeviceProfile } from "../device/profile";
import type { AdapterFacts, GpuProbe } from "../device/types";
import { buildCatalog, entryFromRecord } from "./build-catalog";
import { assessFit } from "./fit";
import type { CatalogEntry, FitStatus } from "./types";

// Fixture devices, shaped like what src/platform/gpu-probe.ts reports.
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const WIN =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const HEADLESS =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36";

function gpu(adapter: Partial<AdapterFacts>, rest: Partial<GpuProbe> = {}): GpuProbe {
  return {
    webgpu: "available",
    crossOriginIsolated: false,
    userAgent: WIN,
    deviceMemoryGB: 8,
    adapter: {
      vendor: "",
      architecture: "",
      description: "",
      device: "",
      isFallbackAdapter: false,
      features: [],
      limits: {
        maxBufferSize: 4 * GIB,
        maxStorageBufferBindingSize: 2 * GIB,
        maxComputeWorkgroupStorageSize: 32768,
      },
      ...adapter,
    },
    ...rest,
  };
}

const devices = {
  f16Discrete: buildDeviceProfile(
    gpu({ vendor: "nvidia", architecture: "ampere", features: ["shader-f16"] }),
  ),
  f32Integrated: buildDeviceProfile(gpu({ vendor: "intel", architecture: "gen-9" })),
  mobile: buildDeviceProfile(
    gpu(
      {
        vendor: "qualcomm",
        features: ["shader-f16"],
        limits: {
          maxBufferSize: 256 * MIB,
          maxStorageBufferBindingSize: 128 * MIB,
          maxComputeWorkgroupStorageSize: 16384,
        },
      },
      { userAgent: ANDROID, deviceMemoryGB: 4 },
    ),
  ),
  swiftshader: buildDeviceProfile(
    gpu(
      {
        vendor: "google",
        architecture: "swiftshader",
        limits: {
          maxBufferSize: GIB,
          maxStorageBufferBindingSize: 128 * MIB,
          maxComputeWorkgroupStorageSize: 32768,
        },
      },
      { userAgent: HEADLESS },
    ),
  ),
  noWebgpu: buildDeviceProfile({ webgpu: "no-api", crossOriginIsolated: false, userAgent: WIN }),
  userBudget: buildDeviceProfile(gpu({ vendor: "nvidia", features: ["shader-f16"] }), {
    memoryBudgetMB: 1500,
  }),
};

const catalog = buildCatalog(prebuiltAppConfig.model_list);
const entry = (id: string): CatalogEntry => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

describe("assessFit over (model, device) cases", () => {
  const cases: [string, keyof typeof devices, FitStatus, RegExp][] = [
    [
      "Qwen3-1.7B-q4f16_1-MLC",
      "f16Discrete",
      "fits",
      /Needs 1\.99 GB of GPU memory; budget 6\.00 GB/,
    ],
    ["Qwen3-1.7B-q4f16_1-MLC", "f32Integrated", "wont-run", /shader-f16/],
    ["Qwen3-1.7B-q4f32_1-MLC", "f32Integrated", "fits", /budget 4\.00 GB/],
    ["Qwen2.5-7B-Instruct-q4f16_1-MLC", "f16Discrete", "tight", /83% of the 6\.00 GB budget/],
    [
      "gemma-2-9b-it-q4f16_1-MLC",
      "f16Discrete",
      "wont-run",
      /Needs 6\.27 GB of GPU memory; budget 6\.00 GB/,
    ],
    [
      "gemma-2b-it-q4f32_1-MLC",
      "mobile",
      "wont-run",
      /storage buffers of 250 MB; this GPU allows 128 MB/,
    ],
    ["SmolLM2-360M-Instruct-q4f16_1-MLC", "mobile", "fits", /376 MB/],
    ["Qwen2.5-0.5B-Instruct-q4f16_1-MLC", "mobile", "tight", /92% of the 1\.00 GB budget/],
    ["Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC", "mobile", "wont-run", /budget 1\.00 GB/],
    ["Qwen2.5-0.5B-Instruct-q4f32_1-MLC", "noWebgpu", "wont-run", /no WebGPU/],
    [
      "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
      "userBudget",
      "wont-run",
      /^Needs 1\.59 GB of GPU memory; budget 1\.46 GB\.$/,
    ],
    ["Qwen2.5-0.5B-Instruct-q4f16_1-MLC", "userBudget", "fits", /945 MB/],
    ["Mistral-7B-Instruct-v0.3-q4f16_1-MLC", "f32Integrated", "wont-run", /shader-f16/],
  ];

  it.each(cases)("%s on %s → %s", (id, device, status, reason) => {
    const fit = assessFit(entry(id), devices[device]);
    expect(fit.status).toBe(status);
    expect(fit.reasons.some((r) => reason.test(r))).toBe(true);
  });

  it("collects every blocker, not just the first", () => {
    // gemma-2b q4f16: f16 shaders and 250 MB buffers, on an f32-only GPU with 128 MB bindings.
    const fit = assessFit(entry("gemma-2b-it-q4f16_1-MLC"), devices.swiftshader);
    expect(fit.status).toBe("wont-run");
    expect(fit.reasons[0]).toMatch(/shader-f16/);
    expect(fit.reasons[1]).toMatch(/storage buffers of 250 MB/);
  });

  it("a mobile-class device makes models not marked low-resource tight", () => {
    const small = entryFromRecord({
      model: "https://example.org/m/",
      model_id: "Foo-0.3B-q4f16_1-MLC",
      model_lib: "https://example.org/foo.wasm",
      vram_required_MB: 300,
      low_resource_required: false,
    });
    const fit = assessFit(small, devices.mobile);
    expect(fit.status).toBe("tight");
    expect(fit.reasons.join("\n")).toMatch(/low-resource/);
    expect(assessFit({ ...small, lowResource: true }, devices.mobile).status).toBe("fits");
    expect(assessFit(small, devices.f16Discrete).status).toBe("fits");
  });

  it("an unknown memory need is tight", () => {
    const fit = assessFit(
      { ...entry("Qwen3-0.6B-q4f32_1-MLC"), vramMB: null },
      devices.f16Discrete,
    );
    expect(fit.status).toBe("tight");
    expect(fit.reasons.join("\n")).toMatch(/unknown/);
  });

  it("embeddings fit but are not chat-capable", () => {
    const fit = assessFit(entry("snowflake-arctic-embed-s-q0f32-MLC-b4"), devices.f16Discrete);
    expect(fit.status).toBe("fits");
    expect(fit.chatCapable).toBe(false);
    expect(fit.reasons.join("\n")).toMatch(/cannot chat/);
  });

  it("no WebGPU: no web-llm model runs, the GGUF builds run on the CPU", () => {
    const gpu = catalog.filter((e) => e.runtime === "webllm");
    const cpu = catalog.filter((e) => e.runtime === "wllama");
    expect(gpu.every((e) => assessFit(e, devices.noWebgpu).status === "wont-run")).toBe(true);
    expect(cpu.length).toBeGreaterThanOrEqual(6);
    for (const e of cpu) {
      const fit = assessFit(e, devices.noWebgpu);
      expect(fit.status, e.id).not.toBe("wont-run");
      expect(fit.reasons.join(" ")).toMatch(/Runs on the CPU .*1 thread/);
      expect(fit.reasons.join(" ")).toMatch(/Expect roughly [\d.]+–[\d.]+ tokens\/s/);
    }
  });

  it("an f32-only device runs no f16 model, whatever web-llm's required_features says", () => {
    const f16 = catalog.filter((e) => e.quant?.dtype === "f16");
    expect(f16.length).toBeGreaterThan(50);
    for (const e of f16) expect(assessFit(e, devices.f32Integrated).status).toBe("wont-run");
  });
});

describe("headless Chromium (SwiftShader) device", () => {
  const fit = (id: string) => assessFit(entry(id), devices.swiftshader);

  it("runs small q4f32 models, at least tight", () => {
    for (const id of [
      "Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
      "Qwen2.5-1.5B-Instruct-q4f32_1-MLC",
      "Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC",
      "Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC",
    ]) {
      expect(fit(id).status, id).not.toBe("wont-run");
    }
    expect(fit("Qwen2.5-0.5B-Instruct-q4f32_1-MLC").reasons.join("\n")).toMatch(
      /software renderer/,
    );
  });

  it("won't run 7B+ models or any f16 model", () => {
    const big = catalog.filter((e) => (e.paramsB ?? 0) >= 7);
    expect(big.length).toBeGreaterThan(10);
    for (const e of big) expect(fit(e.id).status, e.id).toBe("wont-run");
    expect(fit("Qwen2.5-0.5B-Instruct-q4f16_1-MLC").status).toBe("wont-run");
  });
});
