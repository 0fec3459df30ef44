import { describe, expect, it } from "vitest";
import { planThreads } from "./threads";

describe("planThreads", () => {
  it("runs one thread without cross-origin isolation, whatever is asked", () => {
    const plan = planThreads({ crossOriginIsolated: false, hardwareConcurrency: 16, requested: 8 });
    expect(plan.threads).toBe(1);
    expect(plan.reason).toMatch(/not cross-origin isolated/);
  });

  it("takes half the logical cores when isolated", () => {
    expect(planThreads({ crossOriginIsolated: true, hardwareConcurrency: 8 }).threads).toBe(4);
    expect(planThreads({ crossOriginIsolated: true, hardwareConcurrency: 12 }).reason).toMatch(
      /6 threads: half of the 12 logical cores/,
    );
  });

  it("keeps one thread on two cores, and copes with a missing core count", () => {
    const two = planThreads({ crossOriginIsolated: true, hardwareConcurrency: 2 });
    expect(two.threads).toBe(1);
    expect(two.reason).toMatch(/2 logical cores/);
    expect(planThreads({ crossOriginIsolated: true, hardwareConcurrency: 0 }).threads).toBe(1);
  });

  it("honours an explicit count when isolated", () => {
    const plan = planThreads({ crossOriginIsolated: true, hardwareConcurrency: 2, requested: 2.7 });
    expect(plan).toEqual({ threads: 2, reason: "2 threads, as set." });
  });
});
