import { describe, expect, it } from "vitest";
import { PolymathError } from "../errors";
import { Sha256, sha256Hex } from "../hash/sha256";
import { downloadFile, type SavedFile } from "./download-file";

/** A saved file in memory, hashing as the app's OPFS writer does. */
class MemoryFile implements SavedFile {
  bytes: number[] = [];
  flushes = 0;
  quotaAt = Infinity;
  constructor(initial: Uint8Array = new Uint8Array()) {
    this.bytes = [...initial];
  }
  get size() {
    return this.bytes.length;
  }
  async append(chunk: Uint8Array) {
    if (this.bytes.length + chunk.length > this.quotaAt) {
      throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
    }
    this.bytes.push(...chunk);
  }
  async truncate() {
    this.bytes = [];
  }
  async flush() {
    this.flushes++;
  }
  async digest() {
    return new Sha256().update(Uint8Array.from(this.bytes)).hex();
  }
}

const body = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) & 0xff);
const sha = sha256Hex(body);

interface HostOptions {
  ranges?: boolean;
  /** Cut the connection after this many bytes of a body. */
  cutAfter?: number;
  status?: number;
  serve?: Uint8Array;
}

/** A host serving `body` in 1 000-byte chunks, with ranges unless told not to. */
function host(options: HostOptions = {}) {
  const seen: (string | null)[] = [];
  const serve = options.serve ?? body;
  const fetch = (async (_url: string, init?: RequestInit) => {
    const range = (init?.headers as Record<string, string> | undefined)?.Range ?? null;
    seen.push(range);
    if (options.status) return new Response("no", { status: options.status });
    let start = 0;
    if (range && options.ranges !== false) {
      start = Number(/bytes=(\d+)-/.exec(range)?.[1]);
      if (start >= serve.length) {
        return new Response(null, {
          status: 416,
          headers: { "content-range": `bytes */${serve.length}` },
        });
      }
    }
    const part = serve.subarray(start);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (init?.signal?.aborted) {
          controller.error(new DOMException("aborted", "AbortError"));
          return;
        }
        if (options.cutAfter !== undefined && sent >= options.cutAfter) {
          controller.error(new TypeError("network error"));
          return;
        }
        const chunk = part.subarray(sent, sent + 1000);
        if (chunk.length === 0) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk.slice());
      },
    });
    const headers: Record<string, string> = { "content-length": String(part.length) };
    if (start > 0) headers["content-range"] = `bytes ${start}-${serve.length - 1}/${serve.length}`;
    return new Response(stream, { status: start > 0 ? 206 : 200, headers });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const file = { url: "https://host.test/m.gguf", name: "m.gguf", bytes: body.length, sha256: sha };

async function failure(work: Promise<unknown>): Promise<PolymathError> {
  try {
    await work;
  } catch (e) {
    expect(e).toBeInstanceOf(PolymathError);
    return e as PolymathError;
  }
  throw new Error("expected a failure");
}

describe("downloadFile", () => {
  it("downloads a whole file, checks size and hash, and reports progress to the total", async () => {
    const saved = new MemoryFile();
    const { fetch, seen } = host();
    const progress: number[] = [];
    const done = await downloadFile(file, saved, { fetch, onProgress: (n) => progress.push(n) });
    expect(done).toEqual({ bytes: body.length, sha256: sha, resumedFrom: 0 });
    expect(seen).toEqual([null]);
    expect(Uint8Array.from(saved.bytes)).toEqual(body);
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(body.length);
  });

  it("keeps what a cut connection saved, then asks only for the rest", async () => {
    const saved = new MemoryFile();
    const error = await failure(
      downloadFile(file, saved, { fetch: host({ cutAfter: 4000 }).fetch }),
    );
    expect(error.code).toBe("download-interrupted");
    expect(error.advice).toMatch(/MB are saved; .*Resume to fetch only the rest/);
    expect(saved.size).toBe(4000);
    expect(saved.flushes).toBeGreaterThan(0);

    const second = host();
    const done = await downloadFile(file, saved, { fetch: second.fetch });
    expect(second.seen).toEqual(["bytes=4000-"]);
    expect(done).toEqual({ bytes: body.length, sha256: sha, resumedFrom: 4000 });
    expect(Uint8Array.from(saved.bytes)).toEqual(body);
  });

  it("keeps the saved bytes on cancel, and says they are kept", async () => {
    const saved = new MemoryFile();
    const controller = new AbortController();
    const { fetch } = host();
    const error = await failure(
      downloadFile(file, saved, {
        fetch,
        signal: controller.signal,
        onProgress: (n) => {
          if (n >= 3000) controller.abort();
        },
      }),
    );
    expect(error.code).toBe("download-cancelled");
    expect(saved.size).toBeGreaterThanOrEqual(3000);
    expect(saved.size).toBeLessThan(body.length);
    expect(error.advice).toMatch(/Resume continues/);
  });

  it("starts over when the host ignores the range", async () => {
    const saved = new MemoryFile(body.subarray(0, 2500));
    const { fetch, seen } = host({ ranges: false });
    const done = await downloadFile(file, saved, { fetch });
    expect(seen).toEqual(["bytes=2500-"]);
    expect(done.resumedFrom).toBe(0);
    expect(Uint8Array.from(saved.bytes)).toEqual(body);
  });

  it("does not fetch a copy that is already whole, but still checks its hash", async () => {
    const saved = new MemoryFile(body);
    const { fetch, seen } = host();
    expect((await downloadFile(file, saved, { fetch })).sha256).toBe(sha);
    expect(seen).toEqual([]);
  });

  it("empties a copy whose hash is not the listed one, so a resume cannot keep it", async () => {
    const wrong = body.slice();
    wrong[5000] = (wrong[5000] ?? 0) ^ 0xff;
    const saved = new MemoryFile();
    const error = await failure(downloadFile(file, saved, { fetch: host({ serve: wrong }).fetch }));
    expect(error.code).toBe("download-interrupted");
    expect(error.message).toMatch(/SHA-256 differs/);
    expect(error.advice).toMatch(/deleted/);
    expect(saved.size).toBe(0);
  });

  it("without a listed hash or size, takes the announced length and accepts the body", async () => {
    const saved = new MemoryFile();
    const done = await downloadFile({ url: file.url, name: file.name }, saved, {
      fetch: host().fetch,
    });
    expect(done.bytes).toBe(body.length);
    expect(done.sha256).toBe(sha);
  });

  it("refuses a host whose size differs from the listed one, and keeps nothing", async () => {
    const saved = new MemoryFile();
    const error = await failure(
      downloadFile(file, saved, { fetch: host({ serve: body.subarray(0, 9000) }).fetch }),
    );
    expect(error.message).toMatch(/9000 bytes, not the 10000/);
    expect(saved.size).toBe(0);
  });

  it("names a missing file and a full disk, keeping what was saved on a full disk", async () => {
    const missing = await failure(
      downloadFile(file, new MemoryFile(), { fetch: host({ status: 404 }).fetch }),
    );
    expect(missing.code).toBe("not-found");

    const saved = new MemoryFile();
    saved.quotaAt = 6000;
    const full = await failure(downloadFile(file, saved, { fetch: host().fetch }));
    expect(full.code).toBe("storage-full");
    expect(full.advice).toMatch(/0\.0 MB saved of m\.gguf are kept/);
    expect(saved.size).toBe(6000);
  });

  it("treats a 416 for a whole saved copy as complete", async () => {
    // The saved copy is whole, but the listing gave no size, so the host is asked.
    const saved = new MemoryFile(body);
    const { fetch, seen } = host();
    const done = await downloadFile({ url: file.url, name: file.name, sha256: sha }, saved, {
      fetch,
    });
    expect(seen).toEqual([`bytes=${body.length}-`]);
    expect(done.bytes).toBe(body.length);
  });
});
