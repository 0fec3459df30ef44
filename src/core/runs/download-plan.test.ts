import { describe, expect, it } from "vitest";
import { downloadLines, downloadPlan, downloadTotal } from "./download-plan";

const sizes: Record<string, number | null> = { a: 1000, b: 500, c: null, r: 10 };
const deps = {
  downloads: (id: string) => id !== "r",
  cached: ["b"],
  describe: (id: string) => ({ name: id.toUpperCase(), mb: sizes[id] ?? null }),
};

describe("downloadPlan", () => {
  it("keeps models that download and are not cached, once each, in order", () => {
    const plan = downloadPlan(["c", "a", "b", "r", "a"], deps);
    expect(plan.items.map((i) => i.id)).toEqual(["c", "a"]);
    expect(plan.totalMB).toBe(1000);
    expect(plan.unknown).toBe(1);
  });

  it("says what the total is, and when part of it is unknown", () => {
    expect(downloadTotal(downloadPlan(["a"], deps))).toBe("≈ 1000 MB in all (estimate)");
    expect(downloadTotal(downloadPlan(["a", "c"], deps))).toMatch(/plus 1 of unknown size$/);
    expect(downloadTotal(downloadPlan(["c"], deps))).toBe("size unknown");
    expect(downloadTotal(downloadPlan(["b", "r"], deps))).toBe("nothing to download");
    expect(downloadLines(downloadPlan(["a", "c"], deps))).toEqual([
      "A — ≈ 1000 MB",
      "C — size unknown",
    ]);
  });
});
