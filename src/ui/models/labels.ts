/** Short texts for model rows and downloads, with units. */
import { RUNTIME_TRAITS } from "../../core/engine/runtime";
import type { CatalogEntry, FitStatus } from "../../core/catalog/types";
import { formatBytes, formatDuration, formatMB } from "../../core/format";

export const FIT_LABELS: Record<FitStatus, string> = {
  fits: "fits",
  tight: "tight",
  "wont-run": "won't run",
};

/** "0.5B params", "1.5B params", "135M params"; null when unknown. */
export function paramsLabel(paramsB: number | null): string | null {
  if (paramsB === null) return null;
  const millions = Math.round(paramsB * 1000);
  // Round hundreds of millions read better as a fraction of a billion: "0.5B", not "500M".
  if (paramsB < 1 && millions % 100 !== 0) return `${millions}M params`;
  return `${Number(paramsB.toFixed(1))}B params`;
}

/** "4k context", "128k context", "512 context". */
export function contextLabel(tokens: number | null): string | null {
  if (tokens === null) return null;
  return tokens >= 1024 ? `${Math.round(tokens / 1024)}k context` : `${tokens} context`;
}

/** The facts line of a row: params · quantization · context · memory (GPU's or CPU's). */
export function factsLine(entry: CatalogEntry): string {
  const memory =
    RUNTIME_TRAITS[entry.runtime].memory === "cpu" ? "memory, on the CPU" : "GPU memory";
  return [
    paramsLabel(entry.paramsB),
    entry.quant?.code ?? null,
    contextLabel(entry.contextWindow),
    entry.vramMB === null ? `${memory} unknown` : `${formatMB(entry.vramMB)} ${memory}`,
  ]
    .filter((x): x is string => x !== null)
    .join(" · ");
}

/** "120 MB of 1.04 GB · 11.5% · 5.20 MB/s · 2 min 10 s left" (parts omitted when unknown). */
export function progressLine(p: {
  loadedBytes: number;
  totalBytes: number | undefined;
  fraction: number;
  bytesPerSecond: number | null;
  etaMs: number | null;
}): string {
  const parts = [
    p.totalBytes === undefined
      ? formatBytes(p.loadedBytes)
      : `${formatBytes(p.loadedBytes)} of ${formatBytes(p.totalBytes)}`,
    `${Math.floor(p.fraction * 100)}%`,
  ];
  if (p.bytesPerSecond !== null) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  if (p.etaMs !== null) parts.push(`${formatDuration(p.etaMs)} left`);
  return parts.join(" · ");
}
