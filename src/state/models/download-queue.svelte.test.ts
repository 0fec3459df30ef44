import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import type { LoadProgress } from "../../core/engine/types";
import { DownloadQueue, type RunDownload } from "./download-queue.svelte";

const MB = 1024 * 1024;

interface Call {
  modelId: string;
  signal: AbortSignal;
  onProgress: (p: LoadProgress) => void;
  finish: () => void;
  fail: (e: unknown) => void;
}

/** A fake downloader whose calls the test finishes by hand. */
function fakeRun() {
  const calls: Call[] = [];
  const run: RunDownload = (modelId, { signal, onProgress }) =>
    new Promise<void>((resolve, reject) => {
      signal.addEventListener("abort", () =>
        reject(new PolymathError("download-cancelled", "Cancelled.")),
      );
      calls.push({ modelId, signal, onProgress, finish: resolve, fail: reject });
    });
  return { calls, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("DownloadQueue", () => {
  it("runs queued downloads one at a time, in order, and marks each done", async () => {
    const { calls, run } = fakeRun();
    const done: string[] = [];
    const queue = new DownloadQueue({ run, onDone: (id) => done.push(id) });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.enqueue("c");
    queue.enqueue("b"); // already queued: no second item
    await tick();
    expect(queue.items.map((i) => i.status)).toEqual(["active", "queued", "queued"]);
    expect(queue.pending).toHaveLength(3);
    for (const id of ["a", "b", "c"]) {
      expect(calls.at(-1)?.modelId).toBe(id);
      calls.at(-1)?.finish();
      await tick();
    }
    expect(calls).toHaveLength(3);
    expect(done).toEqual(["a", "b", "c"]);
    expect(queue.items.every((i) => i.status === "done")).toBe(true);
    expect(queue.active).toBeUndefined();
  });

  it("keeps going after a failure and resumes it when asked again", async () => {
    const { calls, run } = fakeRun();
    const queue = new DownloadQueue({
      run,
      explain: (_id, e) => new PolymathError(e.code, `${e.message} (explained)`),
    });
    queue.enqueue("a");
    queue.enqueue("b");
    await tick();
    calls[0]?.fail(new PolymathError("network", "Could not download."));
    await tick();
    expect(queue.item("a")).toMatchObject({ status: "failed", resumed: false });
    expect(queue.item("a")?.error?.message).toBe("Could not download. (explained)");
    expect(queue.item("b")?.status).toBe("active");
    queue.enqueue("a"); // Retry while b runs: waits its turn
    expect(queue.item("a")).toMatchObject({ status: "queued", resumed: true, error: null });
    calls[1]?.finish();
    await tick();
    expect(calls[2]?.modelId).toBe("a");
    calls[2]?.finish();
    await tick();
    expect(queue.item("a")?.status).toBe("done");
  });

  it("cancels the running download and drops a queued one", async () => {
    const { calls, run } = fakeRun();
    const queue = new DownloadQueue({ run });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.enqueue("c");
    await tick();
    queue.cancel("b");
    expect(queue.item("b")).toBeUndefined();
    queue.cancel("a");
    await tick();
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(queue.item("a")).toMatchObject({ status: "cancelled", error: null });
    expect(calls[1]?.modelId).toBe("c");
    calls[1]?.finish();
    await tick();
    queue.clearFinished();
    expect(queue.items).toEqual([]);
  });

  it("reports bytes, speed and time left while fetching", async () => {
    const { calls, run } = fakeRun();
    let now = 0;
    const queue = new DownloadQueue({ run, now: () => now, knownTotal: () => 100 * MB });
    queue.enqueue("a");
    await tick();
    const report = (loadedMB: number, at: number) => {
      now = at;
      calls[0]?.onProgress({
        modelId: "a",
        phase: "fetching",
        fraction: loadedMB / 100,
        loadedBytes: loadedMB * MB,
        text: "",
        elapsedMs: at,
      });
    };
    report(0, 0);
    report(10, 2000);
    report(20, 4000);
    const item = queue.item("a");
    expect(item).toMatchObject({ loadedBytes: 20 * MB, totalBytes: 100 * MB, fraction: 0.2 });
    expect(item?.bytesPerSecond).toBeCloseTo(5 * MB);
    expect(item?.etaMs).toBeCloseTo(16000);
    calls[0]?.onProgress({ modelId: "a", phase: "loading", fraction: 0.5, text: "", elapsedMs: 5 });
    expect(queue.item("a")).toMatchObject({ phase: "loading", bytesPerSecond: null, etaMs: null });
  });
});
