import { describe, expect, it } from "vitest";
import { SaveQueue } from "./save-queue";

/** A store whose writes finish only when the test says, in any order it likes. */
function slowStore() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  const write = (doc: string) =>
    new Promise<void>((resolve) =>
      pending.push(() => {
        written.push(doc);
        resolve();
      }),
    );
  const tick = () => new Promise((r) => setTimeout(r, 0));
  /** Finish writes one by one, as they start, until none is left. */
  const flush = async () => {
    for (await tick(); pending.length > 0; await tick()) pending.shift()?.();
  };
  return { written, write, flush, pending, tick };
}

describe("SaveQueue", () => {
  it("writes in the order asked, even when a later write would finish first", async () => {
    const store = slowStore();
    const queue = new SaveQueue(store.write);
    const a = queue.save("v1");
    const b = queue.save("v2");
    await store.tick();
    expect(store.pending).toHaveLength(1); // v2 waits for v1
    await store.flush();
    await Promise.all([a, b]);
    expect(store.written).toEqual(["v1", "v2"]);
  });

  it("coalesces waiting checkpoints and reads the work when the write starts", async () => {
    const store = slowStore();
    const queue = new SaveQueue(store.write);
    let work = "partial-1";
    const busy = queue.save("prompt");
    const c1 = queue.checkpoint(() => work);
    work = "partial-2";
    const c2 = queue.checkpoint(() => work);
    expect(c2).toBe(c1);
    work = "partial-3";
    await store.flush();
    await Promise.all([busy, c1]);
    expect(store.written).toEqual(["prompt", "partial-3"]);
  });

  it("writes nothing for a checkpoint with nothing to save, and goes on after a failure", async () => {
    const written: string[] = [];
    const queue = new SaveQueue<string>(async (doc) => {
      if (doc === "bad") throw new Error("disk full");
      written.push(doc);
    });
    await queue.checkpoint(() => null);
    await expect(queue.save("bad")).rejects.toThrow("disk full");
    await queue.save("good");
    await queue.settled();
    expect(written).toEqual(["good"]);
  });
});
