/**
 * Download speed and time left from a stream of (bytes so far, time) samples. Speed is measured
 * over a sliding window, so a burst (web-llm counts shards already in the cache as fetched the
 * moment it skips them) fades after a few seconds instead of distorting the whole estimate.
 */

export interface DownloadMeter {
  /** Record the bytes downloaded so far at time `atMs`. Smaller byte counts restart the meter. */
  sample(loadedBytes: number, atMs: number): void;
  /** Bytes per second over the window; null until two samples a moment apart. */
  bytesPerSecond(): number | null;
  /** Milliseconds left to reach `totalBytes` at the current speed; null when unknown. */
  etaMs(totalBytes: number | undefined): number | null;
}

interface Sample {
  bytes: number;
  at: number;
}

/** A meter averaging over the last `windowMs` (8 s by default). */
export function createDownloadMeter(windowMs = 8000): DownloadMeter {
  let samples: Sample[] = [];
  const latest = (): Sample | undefined => samples[samples.length - 1];
  const speed = (): number | null => {
    const first = samples[0];
    const last = latest();
    if (!first || !last || last.at - first.at < 250) return null;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  };
  return {
    sample(bytes, at) {
      const last = latest();
      if (last && bytes < last.bytes) samples = [];
      samples.push({ bytes, at });
      // Keep one sample older than the window so the span never shrinks below it.
      while (samples.length > 2 && (samples[1]?.at ?? at) <= at - windowMs) samples.shift();
    },
    bytesPerSecond: speed,
    etaMs(totalBytes) {
      const rate = speed();
      const last = latest();
      if (totalBytes === undefined || !last || rate === null || rate <= 0) return null;
      return (Math.max(0, totalBytes - last.bytes) / rate) * 1000;
    },
  };
}

/** Total bytes implied by bytes so far and the fraction done; undefined when it cannot tell. */
export function totalFromFraction(loadedBytes: number, fraction: number): number | undefined {
  return fraction > 0.01 && loadedBytes > 0 ? loadedBytes / fraction : undefined;
}
