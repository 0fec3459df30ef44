/** Download sizes: an estimate from the id, and the exact sum from a model's tensor-cache.json. */
import { PolymathError } from "../errors";
import { formatMB } from "../format";
import type { CatalogEntry } from "./types";

export interface DownloadEstimate {
  mb: number;
  /** "≈ 1.04 GB (estimate)": always says it is an estimate. */
  label: string;
}

/**
 * Effective bits per weight: MLC's q4/q3 group quantization stores one scale per 32 weights,
 * f16 scales add 0.5 bit, f32 scales 1 bit; unquantized q0 stores the dtype itself.
 */
function effectiveBits(weightBits: number, dtype: "f16" | "f32"): number {
  if (weightBits >= 16) return weightBits;
  return weightBits + (dtype === "f16" ? 0.5 : 1);
}

/** Estimate the download from parameters × bits; null when the id gives neither. */
export function estimateDownloadMB(entry: CatalogEntry): DownloadEstimate | null {
  if (entry.paramsB === null || entry.quant === null) return null;
  const bytes =
    (entry.paramsB * 1e9 * effectiveBits(entry.quant.weightBits, entry.quant.dtype)) / 8;
  const mb = Math.round(bytes / (1024 * 1024));
  return { mb, label: `≈ ${formatMB(mb)} (estimate)` };
}

/**
 * Exact download size in bytes from web-llm's `tensor-cache.json` (formerly `ndarray-cache.json`):
 * `{ metadata, records: [{ dataPath, nbytes, format, records: [tensor…] }] }`. Each top-level
 * record is one shard file and its `nbytes` is the shard's size, which web-llm sums the same way.
 */
export function sumManifestBytes(manifestJson: unknown): number {
  const records =
    typeof manifestJson === "object" && manifestJson !== null
      ? (manifestJson as { records?: unknown }).records
      : undefined;
  if (!Array.isArray(records)) {
    throw malformed("It has no records list.");
  }
  let total = 0;
  records.forEach((shard: unknown, index) => {
    const nbytes =
      typeof shard === "object" && shard !== null
        ? (shard as { nbytes?: unknown }).nbytes
        : undefined;
    if (typeof nbytes !== "number" || !Number.isSafeInteger(nbytes) || nbytes < 0) {
      throw malformed(`Shard ${index} has no valid nbytes.`);
    }
    total += nbytes;
  });
  return total;
}

function malformed(why: string): PolymathError {
  return new PolymathError("malformed-input", `This is not a tensor-cache.json manifest. ${why}`, {
    advice: "Check that the model URL points at an MLC model folder.",
  });
}
