import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { buildDeviceProfile } from "../device/profile";
import type { GpuProbe } from "../device/types";
import { buildCatalog } from "./build-catalog";
import { keysForBase, pickVariant } from "./pick-variant";

// Fixture devices: what src/platform/gpu-probe.ts would report.
const GIB = 1024 ** 3;
function device(vendor: string, features: string[], over: Partial<GpuProbe> = {}, budget?: number) {
  const probe: GpuProbe = {
    webgpu: "available",
    crossOriginIsolated: false,
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36",
    deviceMemoryGB: 8,
    adapter: {
      vendor,
      architecture: vendor === "google" ? "swiftshader" : "",
      description: "",
      device: "",
      isFallbackAdapter: false,
      features,
      limits: {
        maxBufferSize: vendor === "google" ? GIB : 4 * GIB,
        maxStorageBufferBindingSize:
          vendor === "qualcomm" || vendor === "google" ? 128 * 1024 ** 2 : 2 * GIB,
        maxComputeWorkgroupStorageSize: 32768,
      },
    },
    ...over,
  };
  return buildDeviceProfile(probe, { memoryBudgetMB: budget });
}

const devices = {
  f16Discrete: device("nvidia", ["shader-f16"]),
  f32Integrated: device("intel", []),
  mobile: device("qualcomm", ["shader-f16"], {
    deviceMemoryGB: 4,
    userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/131.0.0.0 Mobile Safari/537.36",
  }),
  swiftshader: device("google", []),
};
const withBudget = (mb: number) => device("nvidia", ["shader-f16"], {}, mb);
const catalog = buildCatalog(prebuiltAppConfig.model_list);

describe("pickVariant", () => {
  it("takes q4f16 where f16 works and q4f32 where it does not", () => {
    expect(pickVariant(catalog, "Qwen2.5-1.5B-Instruct", devices.f16Discrete)?.entry.id).toBe(
      "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
    );
    expect(pickVariant(catalog, "Qwen2.5-1.5B-Instruct", devices.f32Integrated)?.entry.id).toBe(
      "Qwen2.5-1.5B-Instruct-q4f32_1-MLC",
    );
    expect(pickVariant(catalog, "Qwen3-0.6B", devices.f32Integrated)?.entry.id).toBe(
      "Qwen3-0.6B-q4f32_1-MLC",
    );
  });

  it("prefers full context over -1k while it runs, even tight", () => {
    const key = "Phi-3.5-mini-instruct"; // q4f16: 3672 MB full, 2520 MB at 1k
    expect(pickVariant(catalog, key, withBudget(6000))?.entry.id).toBe(
      "Phi-3.5-mini-instruct-q4f16_1-MLC",
    );
    const tight = pickVariant(catalog, key, withBudget(4000));
    expect(tight?.entry.id).toBe("Phi-3.5-mini-instruct-q4f16_1-MLC");
    expect(tight?.fit.status).toBe("tight");
    expect(pickVariant(catalog, key, withBudget(3000))?.entry.id).toBe(
      "Phi-3.5-mini-instruct-q4f16_1-MLC-1k",
    );
  });

  it("prefers q4 over unquantized q0 variants", () => {
    // SmolLM2-360M has q0 and q4 variants; q4 wins on both kinds of device.
    expect(pickVariant(catalog, "SmolLM2-360M-Instruct", devices.mobile)?.entry.id).toBe(
      "SmolLM2-360M-Instruct-q4f16_1-MLC",
    );
    expect(pickVariant(catalog, "SmolLM2-360M-Instruct", devices.swiftshader)?.entry.id).toBe(
      "SmolLM2-360M-Instruct-q4f32_1-MLC",
    );
  });

  it("returns the best non-running variant with reasons when none runs, null for unknown keys", () => {
    const pick = pickVariant(catalog, "Llama-3.1-70B-Instruct", devices.f16Discrete);
    expect(pick?.fit.status).toBe("wont-run");
    expect(pick?.fit.reasons.join("\n")).toMatch(/budget/);
    expect(pickVariant(catalog, "No-Such-Model", devices.f16Discrete)).toBeNull();
  });
});

describe("keysForBase", () => {
  it("lists the siblings fine-tuned from one base", () => {
    expect(keysForBase(catalog, "Qwen2.5-1.5B").sort()).toEqual([
      "Qwen2.5-1.5B-Instruct",
      "Qwen2.5-Coder-1.5B-Instruct",
      "Qwen2.5-Math-1.5B-Instruct",
    ]);
    expect(keysForBase(catalog, "Ministral-3-3B")).toHaveLength(3);
  });
});
