import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import { DeviceState } from "./device.svelte";

describe("DeviceState budget override", () => {
  it("applies a budget that cannot be kept, and says it will not survive a reload", async () => {
    let full = true;
    const saved: (number | undefined)[] = [];
    const device = new DeviceState({
      load: async () => undefined,
      save: async (mb) => {
        if (full) throw new PolymathError("storage-full", "The browser's storage is full.");
        saved.push(mb);
      },
    });
    await device.setBudgetOverride(3072);
    expect(device.budgetOverrideMB).toBe(3072);
    expect(device.saveError?.code).toBe("storage-full");
    expect(saved).toEqual([]);
    full = false;
    await device.setBudgetOverride(2048);
    expect(device.saveError).toBeNull();
    expect(saved).toEqual([2048]);
  });
});
