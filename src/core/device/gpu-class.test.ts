import { describe, expect, it } from "vitest";
import { parseBrowser } from "./browser";
import { classifyGpu } from "./gpu-class";
import type { AdapterFacts, GpuClass } from "./types";

// Fixture adapters: vendor/architecture/description as Chromium reports them.
const GIB = 1024 ** 3;
const WIN = parseBrowser(
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36",
);
const MAC = parseBrowser(
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/131.0.0.0 Safari/537.36",
);
const IOS = parseBrowser(
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1",
);
const LINUX = parseBrowser("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36");

function adapter(vendor: string, architecture = "", description = "", big = true): AdapterFacts {
  return {
    vendor,
    architecture,
    description,
    device: "",
    isFallbackAdapter: false,
    features: [],
    limits: {
      maxBufferSize: big ? 4 * GIB : 256 * 1024 ** 2,
      maxStorageBufferBindingSize: big ? 2 * GIB : 128 * 1024 ** 2,
      maxComputeWorkgroupStorageSize: 32768,
    },
  };
}

describe("classifyGpu", () => {
  it.each([
    ["nvidia ampere", adapter("nvidia", "ampere"), WIN, "discrete"],
    ["AMD discrete (no description)", adapter("amd", "rdna-3"), WIN, "discrete"],
    ["AMD APU", adapter("amd", "rdna-3", "AMD Radeon(TM) Graphics"), WIN, "integrated"],
    ["Intel iGPU", adapter("intel", "xe-lpg"), WIN, "integrated"],
    [
      "Intel Arc A770",
      adapter("intel", "xe-hpg", "Intel(R) Arc(TM) A770 Graphics"),
      WIN,
      "discrete",
    ],
    ["Apple on a Mac", adapter("apple", "metal-3"), MAC, "integrated"],
    ["Apple on an iPhone", adapter("apple", "metal-3"), IOS, "mobile"],
    ["Mali on Linux", adapter("arm", "valhall"), LINUX, "mobile"],
    ["Adreno on a Windows laptop", adapter("qualcomm", "adreno-x1"), WIN, "integrated"],
    ["SwiftShader", adapter("google", "swiftshader"), LINUX, "software"],
    ["llvmpipe", adapter("mesa", "llvmpipe"), LINUX, "software"],
    ["WARP", adapter("microsoft", "", "Microsoft Basic Render Driver"), WIN, "software"],
    ["unnamed with small limits", adapter("", "", "", false), WIN, "mobile"],
    ["unnamed with big limits", adapter(""), WIN, "discrete"],
    ["unnamed vendor with a name", adapter("acme", "x"), WIN, "unknown"],
  ] as [string, AdapterFacts, ReturnType<typeof parseBrowser>, GpuClass][])(
    "%s → %s",
    (_label, facts, browser, expected) => {
      expect(classifyGpu(facts, browser)).toBe(expected);
    },
  );
});
