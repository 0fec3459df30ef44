import { describe, expect, it } from "vitest";
import { isPolymathError } from "../../core/errors";
import type { RunOutcome } from "../../core/scoring/types";
import { defaultSlotCount, MAX_TIMEOUT_MS, SandboxHost, type Slot } from "./sandbox-host";

/** A fake slot whose runs finish when the test says so. */
class FakeSlot implements Slot {
  alive = true;
  calls: { program: string; timeoutMs: number; finish: (o: RunOutcome) => void }[] = [];
  running = 0;
  static maxRunning = 0;
  static live = 0;

  run(program: string, timeoutMs: number): Promise<RunOutcome> {
    this.running++;
    FakeSlot.live++;
    FakeSlot.maxRunning = Math.max(FakeSlot.maxRunning, FakeSlot.live);
    return new Promise((resolve) => {
      this.calls.push({
        program,
        timeoutMs,
        finish: (o) => {
          this.running--;
          FakeSlot.live--;
          if (o.status === "timeout") this.alive = false; // the real slot drops its frame
          resolve(o);
        },
      });
    });
  }

  destroy(): void {
    this.alive = false;
  }
}

function pool(size: number) {
  FakeSlot.maxRunning = 0;
  FakeSlot.live = 0;
  const slots: FakeSlot[] = [];
  const host = new SandboxHost({
    slots: size,
    createSlot: () => {
      const s = new FakeSlot();
      slots.push(s);
      return s;
    },
  });
  return { host, slots };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const ok = (value: string): RunOutcome => ({ status: "ok", value, durationMs: 1 });

describe("defaultSlotCount", () => {
  it("uses half the cores, between 2 and 4", () => {
    expect(defaultSlotCount(1)).toBe(2);
    expect(defaultSlotCount(2)).toBe(2);
    expect(defaultSlotCount(6)).toBe(3);
    expect(defaultSlotCount(16)).toBe(4);
    expect(defaultSlotCount(undefined)).toBe(2);
  });
});

describe("SandboxHost", () => {
  it("runs at most `slots` programs at once and queues the rest in order", async () => {
    const { host, slots } = pool(2);
    const results = ["a", "b", "c", "d", "e"].map((p) => host.run(p, { timeoutMs: 100 }));
    await tick();
    expect(slots).toHaveLength(2); // frames start only as needed
    const started = () => slots.flatMap((s) => s.calls.map((c) => c.program));
    expect(started()).toEqual(["a", "b"]);
    slots[1]?.calls[0]?.finish(ok("B"));
    await tick();
    expect(started().sort()).toEqual(["a", "b", "c"]);
    for (let i = 0; i < 10; i++) {
      for (const s of slots) s.calls.at(-1)?.finish(ok(s.calls.at(-1)?.program ?? ""));
      await tick();
    }
    const outcomes = await Promise.all(results);
    expect(outcomes[1]?.value).toBe("B");
    expect(outcomes.map((o) => o.status)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(FakeSlot.maxRunning).toBe(2);
  });

  it("replaces a slot that timed out with a fresh one and keeps going", async () => {
    const { host, slots } = pool(1);
    const first = host.run("while (true) {}", { timeoutMs: 50 });
    const second = host.run("1", { timeoutMs: 50 });
    await tick();
    slots[0]?.calls[0]?.finish({ status: "timeout", durationMs: 50 });
    expect((await first).status).toBe("timeout");
    await tick();
    expect(slots).toHaveLength(2);
    expect(slots[1]?.calls[0]?.program).toBe("1");
    slots[1]?.calls[0]?.finish(ok("1"));
    expect((await second).value).toBe("1");
  });

  it("clamps the time limit to something a timer can hold", async () => {
    const { host, slots } = pool(1);
    void host.run("a", { timeoutMs: Number.NaN });
    void host.run("b", { timeoutMs: -5 });
    await tick();
    expect(slots[0]?.calls[0]?.timeoutMs).toBe(MAX_TIMEOUT_MS);
    slots[0]?.calls[0]?.finish(ok(""));
    await tick();
    await tick();
    expect(slots[0]?.calls[1]?.timeoutMs).toBe(1);
  });

  it("rejects queued and later runs once disposed, and removes its frames", async () => {
    const { host, slots } = pool(1);
    void host.run("running", { timeoutMs: 100 }).catch(() => {});
    const queued = host.run("queued", { timeoutMs: 100 });
    await tick();
    host.dispose();
    await expect(queued).rejects.toSatisfy((e) => isPolymathError(e, "aborted"));
    await expect(host.run("late", { timeoutMs: 100 })).rejects.toSatisfy((e) =>
      isPolymathError(e, "sandbox-unavailable"),
    );
    expect(slots.every((s) => !s.alive)).toBe(true);
  });

  it("passes a sandbox failure to the caller and starts a new frame for the next run", async () => {
    let made = 0;
    const host = new SandboxHost({
      slots: 1,
      createSlot: () => {
        made++;
        const broken = made === 1;
        return {
          alive: !broken,
          run: () => (broken ? Promise.reject(new Error("no frame")) : Promise.resolve(ok("2"))),
          destroy: () => {},
        };
      },
    });
    await expect(host.run("1", { timeoutMs: 10 })).rejects.toThrow("no frame");
    expect((await host.run("2", { timeoutMs: 10 })).value).toBe("2");
  });
});
