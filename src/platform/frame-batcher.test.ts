import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameBatcher, MIN_DRAIN_INTERVAL_MS } from "./frame-batcher";

describe("FrameBatcher", () => {
  let callbacks: FrameRequestCallback[] = [];
  beforeEach(() => {
    callbacks = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => {
      callbacks.push(cb);
      return callbacks.length;
    });
    vi.stubGlobal("cancelAnimationFrame", (id: number) => {
      callbacks[id - 1] = () => {};
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  // Frame times go on across tests (the batchers share one clock of hand-overs).
  let clock = 10_000;
  /** One frame, `ms` after the last (a 60 Hz frame by default; long enough for a hand-over). */
  const frame = (ms = MIN_DRAIN_INTERVAL_MS + 5) => {
    clock += ms;
    const now = callbacks;
    callbacks = [];
    for (const cb of now) cb(clock);
  };

  it("hands over what arrived in a frame as one piece, once per frame", () => {
    const got: string[] = [];
    const b = new FrameBatcher((t) => got.push(t));
    b.push("a");
    b.push("b");
    expect(got).toEqual([]);
    frame();
    expect(got).toEqual(["ab"]);
    frame();
    expect(got).toEqual(["ab"]);
  });

  it("asks one frame for every batcher, and drains them all in it, in order", () => {
    const got: string[] = [];
    const columns = [1, 2, 3, 4].map((n) => new FrameBatcher((t) => got.push(`${n}:${t}`)));
    for (const c of columns) c.push("x");
    columns[0]?.push("y");
    expect(callbacks).toHaveLength(1);
    frame();
    expect(got).toEqual(["1:xy", "2:x", "3:x", "4:x"]);
  });

  it("drains at once on demand, and a drained batcher is not flushed again by the frame", () => {
    const got: string[] = [];
    const a = new FrameBatcher((t) => got.push(`a:${t}`));
    const b = new FrameBatcher((t) => got.push(`b:${t}`));
    a.push("1");
    b.push("2");
    a.drain();
    expect(got).toEqual(["a:1"]);
    frame();
    expect(got).toEqual(["a:1", "b:2"]);
    b.drain();
    expect(got).toEqual(["a:1", "b:2"]);
  });

  it("hands over at most every 30 ms: a frame too soon after the last waits for the next", () => {
    const got: string[] = [];
    const b = new FrameBatcher((t) => got.push(t));
    b.push("a");
    frame();
    expect(got).toEqual(["a"]);
    b.push("b");
    frame(16.7);
    expect(got).toEqual(["a"]);
    b.push("c");
    frame(16.7);
    expect(got).toEqual(["a", "bc"]);
  });
});
