import { describe, expect, it } from "vitest";
import { estimateMemoryBudgetMB } from "./budget";
import type { GpuLimits } from "./types";

const GIB = 1024 ** 3;
const limits = (maxBufferSize: number): GpuLimits => ({
  maxBufferSize,
  maxStorageBufferBindingSize: 128 * 1024 ** 2,
  maxComputeWorkgroupStorageSize: 16384,
});

describe("estimateMemoryBudgetMB", () => {
  it.each([
    ["discrete", undefined, 4 * GIB, 6144],
    ["discrete", 2, 4 * GIB, 6144],
    ["integrated", 8, 2 * GIB, 4096],
    ["integrated", 4, 2 * GIB, 2048],
    ["integrated", 1, 2 * GIB, 1024],
    ["integrated", undefined, 2 * GIB, 3072],
    ["mobile", 4, GIB / 4, 1024],
    ["mobile", 8, GIB / 4, 2048],
    ["mobile", undefined, GIB / 4, 1536],
    ["software", 8, GIB, 3072],
    ["software", 8, GIB / 4, 768],
    ["software", 4, GIB, 2048],
    ["unknown", undefined, GIB, 2048],
    ["unknown", 8, GIB, 4096],
  ] as const)("%s with %s GB RAM and %d-byte buffers → %d MB", (gpuClass, ram, buffer, mb) => {
    expect(estimateMemoryBudgetMB({ gpuClass, deviceMemoryGB: ram, limits: limits(buffer) })).toBe(
      mb,
    );
  });

  it("is zero without WebGPU limits", () => {
    expect(estimateMemoryBudgetMB({ gpuClass: "discrete", limits: null })).toBe(0);
  });
});
