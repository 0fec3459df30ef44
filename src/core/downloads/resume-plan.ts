/**
 * How a download continues from what an earlier, cut one saved: ask for the rest with
 * `Range: bytes=N-`, and read the host's answer. A 206 that starts where the saved bytes end is
 * appended; a 200 (the host ignores ranges) starts over; a 416 means the saved copy already
 * holds everything the host has (checked against the expected size by the caller). Pure, so the
 * rules are tested without a network.
 */

export type ResumePlan =
  /** Append the body at `from` (the saved bytes stay). */
  | { kind: "append"; from: number; total: number | null }
  /** Drop what was saved and write the body from the start. */
  | { kind: "restart"; total: number | null }
  /** Nothing more to fetch: the saved bytes are the whole file. */
  | { kind: "complete" };

export interface RangeAnswer {
  status: number;
  /** The `Content-Range` header, e.g. "bytes 100-999/1000". */
  contentRange: string | null;
  /** The `Content-Length` header, bytes of this body. */
  contentLength: string | null;
}

/** The `Range` header value asking for everything after `saved` bytes; none for a fresh start. */
export function rangeHeader(saved: number): string | undefined {
  return saved > 0 ? `bytes=${saved}-` : undefined;
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/i;

/**
 * What to do with `answer` when `saved` bytes are on disk. Null when the answer cannot be used
 * (an error status, or a range that does not start where the saved bytes end).
 */
export function planResume(saved: number, answer: RangeAnswer): ResumePlan | null {
  const length = answer.contentLength === null ? NaN : Number(answer.contentLength);
  if (answer.status === 200) {
    return { kind: "restart", total: Number.isFinite(length) ? length : null };
  }
  if (answer.status === 206) {
    if (answer.contentRange === null) {
      // A cross-origin host may not expose Content-Range; a 206 to "bytes=N-" is that range.
      if (saved === 0) return null;
      return {
        kind: "append",
        from: saved,
        total: Number.isFinite(length) ? saved + length : null,
      };
    }
    const match = CONTENT_RANGE.exec(answer.contentRange.trim());
    if (!match) return null;
    const start = Number(match[1]);
    if (start !== saved) return null;
    const total = match[3] === "*" ? null : Number(match[3]);
    return { kind: "append", from: start, total };
  }
  if (answer.status === 416 && saved > 0) {
    // "Range Not Satisfiable": nothing starts at `saved`; the copy is whole when the sizes agree.
    const match = /^bytes \*\/(\d+)$/i.exec((answer.contentRange ?? "").trim());
    if (match && Number(match[1]) === saved) return { kind: "complete" };
    return { kind: "restart", total: match ? Number(match[1]) : null };
  }
  return null;
}
