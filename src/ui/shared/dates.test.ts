import { describe, expect, it, vi } from "vitest";
import { formatDay, formatDayTime } from "./dates";

describe("dates", () => {
  const ms = Date.UTC(2026, 11, 4, 18, 18);

  it("writes a day as the locale's short date, and a day and time in the medium style", () => {
    expect(formatDay(ms)).toBe(new Date(ms).toLocaleDateString());
    expect(formatDayTime(ms)).toBe(
      new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    );
  });

  it("warms the formatter in a later task, not during the call", async () => {
    vi.resetModules();
    const fresh = await import("./dates");
    const Real = Intl.DateTimeFormat;
    const spy = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function (
      ...args: ConstructorParameters<typeof Intl.DateTimeFormat>
    ) {
      return new Real(...args);
    } as unknown as typeof Intl.DateTimeFormat);
    fresh.warmDates();
    expect(spy).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(spy).toHaveBeenCalledTimes(1);
    fresh.warmDates();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
