import { describe, expect, it } from "vitest";
import { modelList } from "virtual:webllm-model-list";
import { buildCatalog } from "./build-catalog";
import { assessFit } from "./fit";
import { buildDeviceProfile } from "../device/profile";
import { catalogOptions, fitWords, recordingOptions } from "./model-options";

const catalog = buildCatalog(modelList);
// A fixture device without shader-f16, as src/platform/gpu-probe.ts would report it.
const f32Only = buildDeviceProfile({
  webgpu: "available",
  crossOriginIsolated: false,
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36",
  deviceMemoryGB: 8,
  adapter: {
    vendor: "intel",
    architecture: "",
    description: "",
    device: "",
    isFallbackAdapter: false,
    features: [],
    limits: {
      maxBufferSize: 4 * 1024 ** 3,
      maxStorageBufferBindingSize: 2 * 1024 ** 3,
      maxComputeWorkgroupStorageSize: 32768,
    },
  },
});

describe("catalogOptions", () => {
  it("groups chat models by role and disables the ones that won't run, with the reason", () => {
    const fit = new Map(catalog.map((e) => [e.id, assessFit(e, f32Only)]));
    const groups = catalogOptions(catalog, fit);
    expect(groups.map((g) => g.label)).toEqual(
      expect.arrayContaining(["Generalists", "Specialists"]),
    );
    const all = groups.flatMap((g) => g.options);
    expect(all.some((o) => o.id.startsWith("snowflake-arctic-embed"))).toBe(false);
    const f16 = all.find((o) => o.id === "Qwen3-1.7B-q4f16_1-MLC");
    expect(f16?.disabled).toBe(true);
    expect(f16?.text).toMatch(/won't run: Needs shader-f16/);
    const f32 = all.find((o) => o.id === "Qwen3-1.7B-q4f32_1-MLC");
    expect(f32?.disabled).toBe(false);
    const coder = groups.find((g) => g.label === "Specialists")?.options ?? [];
    expect(coder.some((o) => o.id.startsWith("Qwen2.5-Coder-1.5B"))).toBe(true);
  });

  it("leaves options enabled while the device is unknown", () => {
    const all = catalogOptions(catalog, new Map()).flatMap((g) => g.options);
    expect(all.every((o) => !o.disabled && o.status === null)).toBe(true);
  });

  it("lists a recording's models with their annotations", () => {
    expect(
      recordingOptions([
        { id: "a", label: "Model A", role: "specialist", domain: "code" },
        { id: "b" },
      ]),
    ).toEqual([
      {
        label: "In the recording",
        options: [
          {
            id: "a",
            text: "Model A · specialist · code",
            disabled: false,
            status: null,
            reasons: [],
          },
          { id: "b", text: "b", disabled: false, status: null, reasons: [] },
        ],
      },
    ]);
  });
});

describe("fitWords", () => {
  it("names each fit status", () => {
    expect(fitWords("fits")).toBe("Fits this device");
    expect(fitWords("tight")).toBe("Tight fit");
    expect(fitWords("wont-run")).toBe("Won't run here");
  });
});
