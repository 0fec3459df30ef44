import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { buildDeviceProfile } from "../device/profile";
import type { GpuProbe } from "../device/types";
import { buildCatalog } from "./build-catalog";
import { PRESETS, type Preset } from "./presets";
import { resolvePreset } from "./resolve-preset";

// Fixture devices: an f16 discrete GPU and the SwiftShader adapter of headless Chromium.
const GIB = 1024 ** 3;
function device(f16: boolean): ReturnType<typeof buildDeviceProfile> {
  const probe: GpuProbe = {
    webgpu: "available",
    crossOriginIsolated: false,
    userAgent: f16
      ? "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36"
      : "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/140.0.0.0 Safari/537.36",
    deviceMemoryGB: 8,
    adapter: {
      vendor: f16 ? "nvidia" : "google",
      architecture: f16 ? "ampere" : "swiftshader",
      description: "",
      device: "",
      isFallbackAdapter: false,
      features: f16 ? ["shader-f16"] : [],
      limits: {
        maxBufferSize: f16 ? 4 * GIB : GIB,
        maxStorageBufferBindingSize: f16 ? 2 * GIB : 128 * 1024 ** 2,
        maxComputeWorkgroupStorageSize: 32768,
      },
    },
  };
  return buildDeviceProfile(probe);
}

const catalog = buildCatalog(prebuiltAppConfig.model_list);
const f16Device = device(true);
const swiftshader = device(false);
const preset = (id: string): Preset => {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`missing preset ${id}`);
  return found;
};

describe("presets", () => {
  it("name only model keys that exist in web-llm's real list", () => {
    const keys = new Set(catalog.map((e) => e.key));
    for (const p of PRESETS) {
      for (const group of p.groups) for (const key of group.keys) expect(keys, key).toContain(key);
    }
  });

  it("compare models of one base where they say so", () => {
    const family = preset("qwen2.5-1.5b-family").groups.flatMap((g) => g.keys);
    const bases = family.map((k) => catalog.find((e) => e.key === k)?.base);
    expect(new Set(bases)).toEqual(new Set(["Qwen2.5-1.5B"]));
  });
});

describe("resolvePreset", () => {
  it("on an f16 GPU every preset runs, with q4f16 variants", () => {
    for (const p of PRESETS) {
      const resolved = resolvePreset(p, catalog, f16Device);
      expect(resolved.runnable, p.id).toBe(true);
      expect(resolved.wontRun).toEqual([]);
      for (const id of resolved.modelIds) expect(id).toMatch(/-q4f16_1-MLC$/);
    }
    expect(resolvePreset(preset("unified-vs-team"), catalog, f16Device).modelIds).toEqual([
      "Qwen3-1.7B-q4f16_1-MLC",
      "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC",
      "Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC",
    ]);
  });

  it("on SwiftShader the small presets run in q4f32 and Ministral 3B is reported as too big", () => {
    const small = resolvePreset(preset("small"), catalog, swiftshader);
    expect(small.runnable).toBe(true);
    expect(small.modelIds).toEqual([
      "Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
      "Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC",
    ]);
    const family = resolvePreset(preset("qwen2.5-1.5b-family"), catalog, swiftshader);
    expect(family.runnable).toBe(true);
    expect(family.modelIds.every((id) => id.endsWith("-q4f32_1-MLC"))).toBe(true);

    const ministral = resolvePreset(preset("ministral-3-3b"), catalog, swiftshader);
    expect(ministral.runnable).toBe(false);
    expect(ministral.modelIds).toEqual([]);
    expect(ministral.wontRun.map((w) => w.key)).toEqual([
      "Ministral-3-3B-Instruct-2512-BF16",
      "Ministral-3-3B-Reasoning-2512",
    ]);
    expect(ministral.wontRun[0]?.reasons.join("\n")).toMatch(/GPU memory; budget/);
  });

  it("reports a key missing from the catalog instead of failing", () => {
    const custom: Preset = {
      id: "x",
      title: "x",
      description: "",
      groups: [{ label: "a", keys: ["Qwen3-0.6B", "Gone-1B"] }],
    };
    const resolved = resolvePreset(custom, catalog, f16Device);
    expect(resolved.modelIds).toEqual(["Qwen3-0.6B-q4f16_1-MLC"]);
    expect(resolved.wontRun).toEqual([
      { key: "Gone-1B", modelId: null, reasons: ["Gone-1B is not in the model catalog."] },
    ]);
    expect(resolved.groups[0]?.members[1]).toEqual({ key: "Gone-1B", modelId: null, fit: null });
  });
});
