/**
 * One file downloaded into storage so that a cut never costs what already arrived: the saved
 * bytes stay, the next try asks the host for the rest (`Range`), a host that ignores ranges
 * starts over, and the result is checked against the size (and SHA-256 where the host lists
 * one) before anyone may call it present. A copy that fails the hash is emptied, since resuming
 * it could never heal it. Storage is behind `SavedFile` (OPFS in a worker in the app, memory in
 * tests) and the network behind `fetch`, so every rule here is tested without either.
 */
import { PolymathError } from "../errors";
import { planResume, rangeHeader } from "./resume-plan";

/** Where a file's bytes go; it hashes what it is given. */
export interface SavedFile {
  /** Bytes saved so far (by this try or an earlier, cut one). */
  readonly size: number;
  append(chunk: Uint8Array): Promise<void>;
  /** Drop every saved byte (and the running hash). */
  truncate(): Promise<void>;
  /** Make what was appended durable. */
  flush(): Promise<void>;
  /** SHA-256 (hex) of everything saved. */
  digest(): Promise<string>;
}

export interface FileToFetch {
  url: string;
  /** Name shown in messages. */
  name: string;
  /** Bytes the host listed, when it did. */
  bytes?: number;
  /** SHA-256 the host listed (Hugging Face's `lfs.oid`), when it did. */
  sha256?: string;
}

export interface DownloadFileOptions {
  fetch: typeof globalThis.fetch;
  signal?: AbortSignal;
  /** Bytes saved so far of the expected total (0 when the host gives none). */
  onProgress?: (saved: number, total: number, resumedFrom: number) => void;
}

export interface DownloadedFile {
  bytes: number;
  sha256: string;
  /** Bytes that were already saved when this try began (0 for a fresh download). */
  resumedFrom: number;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function cancelled(file: FileToFetch, saved: number): PolymathError {
  return new PolymathError("download-cancelled", "The download was cancelled.", {
    advice:
      saved > 0
        ? `${mb(saved)} of ${file.name} are saved; Resume continues from there.`
        : "Download it again when you want it.",
    details: { url: file.url, saved },
  });
}

function cut(file: FileToFetch, saved: number, cause?: unknown): PolymathError {
  return new PolymathError("download-interrupted", `The download of ${file.name} was cut off.`, {
    advice:
      saved > 0
        ? `${mb(saved)} are saved; check the connection, then Resume to fetch only the rest.`
        : "Check the connection and that the host allows this site (CORS); then try again.",
    details: { url: file.url, saved },
    ...(cause === undefined ? {} : { cause }),
  });
}

function refused(file: FileToFetch, status: number): PolymathError {
  const gone = status === 404 || status === 410;
  return new PolymathError(
    gone ? "not-found" : "network",
    `The host answered ${status} for ${file.name}.`,
    {
      advice: gone
        ? "The file has moved or was removed; pick another model or add it again by its new address."
        : "The host refused the download for now; try again later.",
      details: { url: file.url, status },
    },
  );
}

function storageError(e: unknown, file: FileToFetch, saved: number): PolymathError {
  if (e instanceof PolymathError) return e;
  if (e instanceof Error && e.name === "QuotaExceededError") {
    return new PolymathError("storage-full", "The browser's storage for this site is full.", {
      advice: `Delete models you no longer use (Models view), then Resume: the ${mb(saved)} saved of ${file.name} are kept.`,
      details: { url: file.url, saved },
      cause: e,
    });
  }
  return new PolymathError("storage-unavailable", `Could not save ${file.name}.`, {
    advice: "The browser refused to write this site's storage; check its settings, then try again.",
    details: { url: file.url },
    cause: e,
  });
}

async function guard<T>(work: Promise<T>, file: FileToFetch, saved: number): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw storageError(e, file, saved);
  }
}

/** Check the saved copy against what the host listed; a wrong hash empties it. */
async function verify(
  file: FileToFetch,
  saved: SavedFile,
  expected: number | null,
  resumedFrom: number,
): Promise<DownloadedFile> {
  if (expected !== null && saved.size !== expected) {
    throw cut(file, saved.size);
  }
  const sha256 = await guard(saved.digest(), file, saved.size);
  if (file.sha256 && sha256 !== file.sha256.toLowerCase()) {
    const had = saved.size;
    await guard(saved.truncate(), file, 0);
    throw new PolymathError(
      "download-interrupted",
      `The downloaded ${file.name} is not the file the host lists (its SHA-256 differs).`,
      {
        advice:
          "The broken copy was deleted. Download it again; if this repeats, the host is serving a different file than it lists.",
        details: { url: file.url, bytes: had, expected: file.sha256, got: sha256 },
      },
    );
  }
  return { bytes: saved.size, sha256, resumedFrom };
}

/** Download `file` into `saved`, continuing from what it holds. */
export async function downloadFile(
  file: FileToFetch,
  saved: SavedFile,
  options: DownloadFileOptions,
): Promise<DownloadedFile> {
  const { signal } = options;
  const listed = file.bytes ?? null;
  if (listed !== null && saved.size > listed) await guard(saved.truncate(), file, 0);
  if (listed !== null && saved.size === listed && listed > 0) {
    return verify(file, saved, listed, saved.size);
  }
  if (signal?.aborted) throw cancelled(file, saved.size);
  let resumedFrom = saved.size;
  const range = rangeHeader(resumedFrom);
  let response: Response;
  try {
    response = await options.fetch(file.url, {
      ...(range ? { headers: { Range: range } } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (signal?.aborted) throw cancelled(file, saved.size);
    throw cut(file, saved.size, e);
  }
  const plan = planResume(resumedFrom, {
    status: response.status,
    contentRange: response.headers.get("content-range"),
    contentLength: response.headers.get("content-length"),
  });
  if (!plan) {
    await response.body?.cancel().catch(() => {});
    if (response.ok || response.status === 416) {
      // A range we cannot use: start over from nothing on the next try.
      await guard(saved.truncate(), file, 0);
      throw cut(file, 0);
    }
    throw refused(file, response.status);
  }
  if (plan.kind === "complete") return verify(file, saved, listed ?? saved.size, resumedFrom);
  if (plan.kind === "restart") {
    if (saved.size > 0) await guard(saved.truncate(), file, 0);
    resumedFrom = 0;
  }
  const announced = plan.total;
  if (listed !== null && announced !== null && announced !== listed) {
    await response.body?.cancel().catch(() => {});
    await guard(saved.truncate(), file, 0);
    throw new PolymathError(
      "download-interrupted",
      `The host now serves ${file.name} at ${announced} bytes, not the ${listed} it lists.`,
      {
        advice: "The file changed on the host; check the model's source, then download it again.",
        details: { url: file.url, announced, listed },
      },
    );
  }
  const expected = listed ?? announced;
  const total = expected ?? 0;
  options.onProgress?.(saved.size, total, resumedFrom);
  const reader = response.body?.getReader();
  if (!reader) throw cut(file, saved.size);
  let finished = false;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        await guard(saved.flush(), file, saved.size);
        if (signal?.aborted) throw cancelled(file, saved.size);
        throw cut(file, saved.size, e);
      }
      if (step.done) {
        finished = true;
        break;
      }
      if (expected !== null && saved.size + step.value.length > expected) {
        await guard(saved.truncate(), file, 0);
        throw new PolymathError(
          "download-interrupted",
          `The host sent more of ${file.name} than the ${expected} bytes it announced.`,
          {
            advice: "The copy was deleted; download it again.",
            details: { url: file.url, expected },
          },
        );
      }
      await guard(saved.append(step.value), file, saved.size);
      options.onProgress?.(saved.size, total, resumedFrom);
      if (signal?.aborted) {
        await guard(saved.flush(), file, saved.size);
        throw cancelled(file, saved.size);
      }
    }
  } finally {
    if (!finished) void reader.cancel().catch(() => {});
  }
  await guard(saved.flush(), file, saved.size);
  if (signal?.aborted) throw cancelled(file, saved.size);
  return verify(file, saved, expected ?? saved.size, resumedFrom);
}
