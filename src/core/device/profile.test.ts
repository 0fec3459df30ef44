import { describe, expect, it } from "vitest";
import { buildDeviceProfile } from "./profile";
import type { AdapterFacts, GpuProbe } from "./types";

// Fixture probes shaped like what src/platform/gpu-probe.ts gathers on real devices.
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const CHROME_WIN =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const HEADLESS_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36";
const ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const FIREFOX_WIN_141 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0";
const FIREFOX_WIN_128 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const SAFARI_18 =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15";
const SAFARI_26 =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15";

type AdapterOverrides = Partial<Omit<AdapterFacts, "limits">> & {
  limits?: Partial<AdapterFacts["limits"]>;
};

function adapter(over: AdapterOverrides): AdapterFacts {
  return {
    vendor: "",
    architecture: "",
    description: "",
    device: "",
    isFallbackAdapter: false,
    features: [],
    ...over,
    limits: {
      maxBufferSize: 4 * GIB,
      maxStorageBufferBindingSize: 2 * GIB - 4,
      maxComputeWorkgroupStorageSize: 32768,
      ...over.limits,
    },
  };
}

function probe(over: Partial<GpuProbe>): GpuProbe {
  return { webgpu: "available", crossOriginIsolated: false, userAgent: CHROME_WIN, ...over };
}

const discreteF16 = probe({
  adapter: adapter({
    vendor: "nvidia",
    architecture: "ampere",
    features: ["shader-f16", "timestamp-query"],
  }),
  deviceMemoryGB: 8,
});
const integratedNoF16 = probe({
  adapter: adapter({ vendor: "intel", architecture: "gen-9", limits: { maxBufferSize: 2 * GIB } }),
  deviceMemoryGB: 8,
});
const mobileLimits = probe({
  adapter: adapter({
    vendor: "",
    features: ["shader-f16"],
    limits: { maxBufferSize: 256 * MIB, maxStorageBufferBindingSize: 128 * MIB },
  }),
  userAgent: CHROME_LINUX,
});
const fallback = probe({
  adapter: adapter({
    isFallbackAdapter: true,
    limits: { maxBufferSize: 256 * MIB, maxStorageBufferBindingSize: 128 * MIB },
  }),
});
/** What the headless Chromium used in the browser tests reports. */
const swiftshader = probe({
  adapter: adapter({
    vendor: "google",
    architecture: "swiftshader",
    features: ["float32-filterable", "timestamp-query"],
    limits: { maxBufferSize: GIB, maxStorageBufferBindingSize: 128 * MIB },
  }),
  deviceMemoryGB: 8,
  userAgent: HEADLESS_LINUX,
});

describe("buildDeviceProfile verdicts", () => {
  it("f16 discrete GPU runs f16 models with a 6 GB budget", () => {
    const p = buildDeviceProfile(discreteF16);
    expect(p.verdict).toBe("f16");
    expect(p.headline).toBe("Runs f16 models");
    expect(p.shaderF16).toBe(true);
    expect(p.gpuClass).toBe("discrete");
    expect(p.memoryBudgetMB).toBe(6144);
    expect(p.budgetSource).toBe("estimate");
    expect(p.notes.join("\n")).toMatch(/nvidia · ampere/);
    expect(p.notes.join("\n")).toMatch(/shader-f16: available/);
    expect(p.notes.join("\n")).toMatch(/Largest buffer: 4\.00 GB/);
  });

  it("integrated GPU without shader-f16 is f32-only with half of device memory", () => {
    const p = buildDeviceProfile(integratedNoF16);
    expect(p.verdict).toBe("f32-only");
    expect(p.headline).toBe("f32 models only (no shader-f16)");
    expect(p.gpuClass).toBe("integrated");
    expect(p.memoryBudgetMB).toBe(4096);
    expect(p.advice.join("\n")).toMatch(/q4f32/);
  });

  it("128 MiB storage binding limit makes a mobile-class device with a small budget", () => {
    const p = buildDeviceProfile(mobileLimits);
    expect(p.verdict).toBe("f16");
    expect(p.gpuClass).toBe("mobile");
    expect(p.memoryBudgetMB).toBeLessThanOrEqual(2048);
    expect(p.limits?.maxStorageBufferBindingSize).toBe(128 * MIB);
  });

  it("an Android user agent or an Adreno GPU is mobile too", () => {
    const android = probe({ adapter: adapter({ vendor: "google" }), userAgent: ANDROID });
    expect(buildDeviceProfile(android).gpuClass).toBe("mobile");
    const adreno = probe({
      adapter: adapter({ vendor: "qualcomm", architecture: "adreno-7xx" }),
      userAgent: CHROME_LINUX,
    });
    expect(buildDeviceProfile(adreno).gpuClass).toBe("mobile");
  });

  it("a fallback adapter is a slow software renderer", () => {
    const p = buildDeviceProfile(fallback);
    expect(p.verdict).toBe("f32-only");
    expect(p.gpuClass).toBe("software");
    expect(p.isFallbackAdapter).toBe(true);
    expect(p.advice.join("\n")).toMatch(/fallback adapter is a software renderer.*very slow/);
    expect(p.notes.join("\n")).toMatch(/fallback/);
  });

  it("headless Chromium's SwiftShader is software, f32-only, with room for small q4f32 models but not 7B", () => {
    const p = buildDeviceProfile(swiftshader);
    expect(p.verdict).toBe("f32-only");
    expect(p.gpuClass).toBe("software");
    // Qwen2.5-1.5B-Instruct-q4f32_1 needs 1888.97 MB; Qwen2.5-7B-Instruct-q4f32_1 5900.09 MB.
    expect(p.memoryBudgetMB).toBeGreaterThanOrEqual(1889);
    expect(p.memoryBudgetMB).toBeLessThan(5106);
  });

  it("software budget shrinks with a small deviceMemory", () => {
    const small = buildDeviceProfile({ ...swiftshader, deviceMemoryGB: 2 });
    expect(small.memoryBudgetMB).toBe(1024);
  });

  it("no adapter: no WebGPU, zero budget, says what still works", () => {
    const p = buildDeviceProfile(probe({ webgpu: "no-adapter" }));
    expect(p.verdict).toBe("no-webgpu");
    expect(p.headline).toBe("No WebGPU: models run on the CPU");
    expect(p.notes[0]).toMatch(
      /^Models run on the CPU .*One thread: this page is not cross-origin isolated/,
    );
    expect(p.cpu).toMatchObject({ threads: 1, memoryBudgetMB: 2048 });
    expect(p.memoryBudgetMB).toBe(0);
    expect(p.limits).toBeNull();
    expect(p.adapter).toBeNull();
    expect(p.notes.join("\n")).toMatch(/requestAdapter\(\) returned no adapter/);
    expect(p.advice.join("\n")).toMatch(/no usable GPU/);
    expect(p.advice.join("\n")).toMatch(/replay and score imported answers/);
  });

  it("no API at all: no WebGPU", () => {
    const p = buildDeviceProfile(probe({ webgpu: "no-api" }));
    expect(p.verdict).toBe("no-webgpu");
    expect(p.notes.join("\n")).toMatch(/navigator\.gpu is missing/);
    expect(p.advice.join("\n")).not.toMatch(/no usable GPU/);
  });

  it("a probe error is reported in the notes", () => {
    const p = buildDeviceProfile(probe({ webgpu: "error", error: "GPU process crashed" }));
    expect(p.verdict).toBe("no-webgpu");
    expect(p.notes.join("\n")).toMatch(/GPU process crashed/);
  });
});

describe("buildDeviceProfile advice without WebGPU", () => {
  const adviceFor = (userAgent: string) =>
    buildDeviceProfile(probe({ webgpu: "no-api", userAgent })).advice.join("\n");

  it("Chrome on Linux: the unsafe-webgpu flag and Vulkan", () => {
    const advice = adviceFor(CHROME_LINUX);
    expect(advice).toMatch(/--enable-unsafe-webgpu --enable-features=Vulkan/);
    expect(advice).toMatch(/chrome:\/\/flags\/#enable-unsafe-webgpu/);
  });

  it("Chrome on Windows: check chrome://gpu, drivers and hardware acceleration", () => {
    const advice = adviceFor(CHROME_WIN);
    expect(advice).toMatch(/chrome:\/\/gpu/);
    expect(advice).toMatch(/drivers/);
    expect(advice).toMatch(/graphics acceleration/);
    expect(advice).not.toMatch(/enable-unsafe-webgpu/);
  });

  it("Android Chrome: version 121", () => {
    expect(adviceFor(ANDROID)).toMatch(/since version 121/);
    expect(adviceFor(ANDROID.replace("Chrome/131", "Chrome/118"))).toMatch(
      /Update Chrome to version 121/,
    );
  });

  it("Firefox: ships on Windows from 141, about:config elsewhere", () => {
    expect(adviceFor(FIREFOX_WIN_141)).toMatch(/Firefox 141 ships WebGPU on Windows/);
    expect(adviceFor(FIREFOX_WIN_128)).toMatch(/Update Firefox to version 141/);
    expect(adviceFor(FIREFOX_LINUX)).toMatch(/dom\.webgpu\.enabled/);
  });

  it("Safari: feature flag before 26, ships from 26", () => {
    expect(adviceFor(SAFARI_18)).toMatch(/Develop › Feature Flags › WebGPU/);
    expect(adviceFor(SAFARI_18)).toMatch(/update to Safari 26/);
    expect(adviceFor(SAFARI_26)).toMatch(/Safari 26 and later ship WebGPU/);
  });

  it("every browser hears that replay and scoring still work", () => {
    for (const ua of [CHROME_LINUX, FIREFOX_LINUX, SAFARI_18, "unknown"]) {
      expect(adviceFor(ua)).toMatch(/replay and score imported answers/);
    }
  });
});

describe("memory budget override", () => {
  it("a user budget wins over the estimate", () => {
    const p = buildDeviceProfile(discreteF16, { memoryBudgetMB: 1500 });
    expect(p.memoryBudgetMB).toBe(1500);
    expect(p.budgetSource).toBe("user");
    expect(p.notes.join("\n")).toMatch(/set by you/);
  });

  it("an unusable override is ignored", () => {
    for (const memoryBudgetMB of [0, -5, Number.NaN]) {
      const p = buildDeviceProfile(discreteF16, { memoryBudgetMB });
      expect(p.budgetSource).toBe("estimate");
      expect(p.memoryBudgetMB).toBe(6144);
    }
  });

  it("an override cannot make a device without WebGPU run models", () => {
    const p = buildDeviceProfile(probe({ webgpu: "no-api" }), { memoryBudgetMB: 4000 });
    expect(p.memoryBudgetMB).toBe(0);
    expect(p.budgetSource).toBe("estimate");
  });
});
