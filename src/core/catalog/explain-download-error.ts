/**
 * Download failures re-worded with what the Models view knows: how much space a model needs
 * against what is free, and what to do after the GPU gave up.
 */
import { PolymathError } from "../errors";
import { formatBytes } from "../format";

export interface DownloadFacts {
  modelId: string;
  /** Bytes the model needs; `exact` when read from its manifest. */
  need: { bytes: number; exact: boolean } | null;
  /** Free bytes under the site's quota, when the browser says. */
  freeBytes: number | undefined;
}

/** The error to show for a failed download (unchanged unless there is more to say). */
export function explainDownloadError(error: PolymathError, facts: DownloadFacts): PolymathError {
  const { modelId, need, freeBytes } = facts;
  if (error.code === "storage-full") {
    const needText = need
      ? ` it needs ${need.exact ? "" : "about "}${formatBytes(need.bytes)}`
      : "";
    const freeText = freeBytes === undefined ? "" : `, and ${formatBytes(freeBytes)} is free`;
    return new PolymathError(
      "storage-full",
      `Not enough storage for ${modelId}:${needText || " the browser refused to save it"}${freeText}.`,
      {
        advice:
          "Delete cached models under Storage, or ask the browser to keep more storage, then retry.",
        details: {
          ...error.details,
          ...(need ? { neededBytes: need.bytes } : {}),
          ...(freeBytes === undefined ? {} : { freeBytes }),
        },
      },
    );
  }
  if (error.code === "device-lost" || error.code === "out-of-memory") {
    return new PolymathError(error.code, error.message, {
      advice:
        "Pick a smaller model (filter: fits) or a q4 variant. The engine restarts by itself; no page reload needed.",
      details: error.details,
    });
  }
  return error;
}
