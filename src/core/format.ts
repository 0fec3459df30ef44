/** Number formatting with units and precision that fit what is shown. */

const KB = 1024;

/** Bytes as "512 B", "1.6 MB", "1.62 GB" (binary multiples, shown with the usual short units). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  if (bytes < KB) return `${Math.round(bytes)} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / KB;
  let unit = 0;
  while (value >= KB && unit < units.length - 1) {
    value /= KB;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${units[unit]}`;
}

/** Megabytes (as web-llm reports VRAM) as "879 MB" or "1.89 GB". */
export function formatMB(mb: number): string {
  return formatBytes(mb * KB * KB);
}

/** Tokens per second: "38.4 tok/s". */
export function formatRate(tokensPerS: number): string {
  if (!Number.isFinite(tokensPerS) || tokensPerS <= 0) return "–";
  return `${tokensPerS >= 100 ? tokensPerS.toFixed(0) : tokensPerS.toFixed(1)} tok/s`;
}

/** Milliseconds as "85 ms" or "0.41 s" or "1 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** A fraction as a percentage: "97.5%". */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return "–";
  return `${(fraction * 100).toFixed(digits)}%`;
}
