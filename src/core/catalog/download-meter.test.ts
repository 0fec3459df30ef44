import { describe, expect, it } from "vitest";
import { createDownloadMeter, totalFromFraction } from "./download-meter";

const MB = 1024 * 1024;

describe("download meter", () => {
  it("has no speed or ETA before two samples some time apart", () => {
    const meter = createDownloadMeter();
    expect(meter.bytesPerSecond()).toBeNull();
    meter.sample(0, 0);
    meter.sample(MB, 100);
    expect(meter.bytesPerSecond()).toBeNull();
    expect(meter.etaMs(10 * MB)).toBeNull();
  });

  it("measures a steady download and the time left", () => {
    const meter = createDownloadMeter();
    for (let s = 0; s <= 4; s++) meter.sample(s * 2 * MB, s * 1000);
    expect(meter.bytesPerSecond()).toBeCloseTo(2 * MB);
    // 8 MB of 20 MB done at 2 MB/s: 6 s left
    expect(meter.etaMs(20 * MB)).toBeCloseTo(6000);
    expect(meter.etaMs(undefined)).toBeNull();
  });

  it("forgets a burst of cached shards once it leaves the window", () => {
    const meter = createDownloadMeter(4000);
    meter.sample(0, 0);
    meter.sample(500 * MB, 300); // cached shards counted at once
    expect(meter.bytesPerSecond()).toBeGreaterThan(1000 * MB);
    for (let s = 1; s <= 10; s++) meter.sample(500 * MB + s * MB, 300 + s * 1000);
    expect(meter.bytesPerSecond()).toBeCloseTo(MB, -3);
  });

  it("restarts when the byte count goes back (a new phase or a retry)", () => {
    const meter = createDownloadMeter();
    meter.sample(0, 0);
    meter.sample(10 * MB, 1000);
    meter.sample(MB, 2000);
    expect(meter.bytesPerSecond()).toBeNull();
    meter.sample(3 * MB, 3000);
    expect(meter.bytesPerSecond()).toBeCloseTo(2 * MB);
  });

  it("infers the total from the fraction done", () => {
    expect(totalFromFraction(50 * MB, 0.25)).toBe(200 * MB);
    expect(totalFromFraction(0, 0)).toBeUndefined();
  });
});
