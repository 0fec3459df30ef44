import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatMB, formatPercent, formatRate } from "./format";

describe("format", () => {
  it("formats bytes with fitting precision", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1024 ** 3)).toBe("1.00 GB");
    expect(formatBytes(1.62 * 1024 ** 3)).toBe("1.62 GB");
    expect(formatBytes(256 * 1024 ** 2)).toBe("256 MB");
    expect(formatMB(1888.97)).toBe("1.84 GB");
    expect(formatBytes(-1)).toBe("–");
  });

  it("formats rates, durations and percentages", () => {
    expect(formatRate(38.44)).toBe("38.4 tok/s");
    expect(formatRate(0)).toBe("–");
    expect(formatDuration(85)).toBe("85 ms");
    expect(formatDuration(410)).toBe("410 ms");
    expect(formatDuration(4100)).toBe("4.10 s");
    expect(formatDuration(65_000)).toBe("1 min 5 s");
    expect(formatPercent(0.975)).toBe("97.5%");
  });
});
