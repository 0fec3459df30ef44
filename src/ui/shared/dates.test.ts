import { describe, expect, it, vi } from "vitest";
import { formatDay, formatDayTime } from "./dates";

describe("dates", () => {
  it("writes the day, the month's name and the year, in the page's time zone", () => {
    const ms = new Date(2026, 11, 4, 18, 8).getTime();
    expect(formatDay(ms)).toBe("4 Dec 2026");
    expect(formatDayTime(ms)).toBe("4 Dec 2026, 18:08");
    expect(formatDayTime(new Date(2027, 0, 31, 0, 5).getTime())).toBe("31 Jan 2027, 00:05");
  });

  it("follows the local date across midnight UTC", () => {
    // 23:30 local on 31 December is the 31st here, whatever UTC says.
    const ms = new Date(2026, 11, 31, 23, 30).getTime();
    expect(formatDay(ms)).toBe("31 Dec 2026");
  });

  it("never asks Intl for a formatter (its locale data is a long task on first use)", () => {
    const spy = vi.spyOn(Intl, "DateTimeFormat");
    formatDay(0);
    formatDayTime(0);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
