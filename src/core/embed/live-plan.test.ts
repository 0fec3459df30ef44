import { describe, expect, it } from "vitest";
import { modelList } from "virtual:webllm-model-list";
import { buildCatalog } from "../catalog/build-catalog";
import { buildDeviceProfile } from "../device/profile";
import { planLive } from "./live-plan";

const catalog = buildCatalog(modelList);
// Fixture devices, shaped like what src/platform/gpu-probe.ts reports.
const GIB = 1024 ** 3;
const withGpu = buildDeviceProfile({
  webgpu: "available",
  crossOriginIsolated: false,
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0",
  deviceMemoryGB: 16,
  adapter: {
    vendor: "nvidia",
    architecture: "ampere",
    description: "",
    device: "",
    isFallbackAdapter: false,
    features: ["shader-f16"],
    limits: {
      maxBufferSize: 4 * GIB,
      maxStorageBufferBindingSize: 2 * GIB,
      maxComputeWorkgroupStorageSize: 32768,
    },
  },
});
const noGpu = buildDeviceProfile({
  webgpu: "no-api",
  crossOriginIsolated: false,
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0",
  deviceMemoryGB: 16,
});
const size = () => 100;

describe("planLive", () => {
  it("runs a model key on WebGPU where the device has it", () => {
    const plan = planLive(["Qwen2.5-0.5B-Instruct"], catalog, withGpu, size);
    expect(plan.refused).toEqual([]);
    expect(plan.models).toHaveLength(1);
    expect(plan.models[0]?.runtime).toBe("webllm");
    expect(plan.processor).toBe("GPU");
    expect(plan.totalMB).toBe(100);
  });

  it("falls back from an MLC id to its CPU build without WebGPU", () => {
    const id = catalog.find((e) => e.key === "Qwen2.5-0.5B-Instruct" && e.runtime === "webllm")?.id;
    expect(id).toBeDefined();
    const plan = planLive([id!, id!], catalog, noGpu, () => null);
    expect(plan.models.map((m) => m.runtime)).toEqual(["wllama"]);
    expect(plan.models[0]?.requested).toBe(id);
    expect(plan.processor).toBe("CPU");
    expect(plan.unknownSizes).toBe(1);
  });

  it("refuses a name the catalog does not know, with why", () => {
    const plan = planLive(["no-such-model"], catalog, withGpu, size);
    expect(plan.models).toEqual([]);
    expect(plan.refused).toEqual([
      { requested: "no-such-model", reason: "no-such-model is not a model Polymath knows." },
    ]);
  });
});
