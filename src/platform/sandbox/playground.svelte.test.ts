import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import type { CodeRunner, RunOutcome } from "../../core/scoring/types";
import { EXAMPLE_PROGRAM, PlaygroundState } from "./playground.svelte";

function fakeRunner(answer: (program: string) => Promise<RunOutcome>) {
  const calls: { program: string; timeoutMs: number }[] = [];
  const runner: CodeRunner = {
    run: (program, { timeoutMs }) => {
      calls.push({ program, timeoutMs });
      return answer(program);
    },
  };
  return { runner, calls };
}

describe("PlaygroundState", () => {
  it("runs the program with the chosen limit and keeps the outcome", async () => {
    const { runner, calls } = fakeRunner(async () => ({
      status: "ok",
      value: "42",
      durationMs: 3,
    }));
    const pg = new PlaygroundState(() => runner);
    expect(pg.program).toBe(EXAMPLE_PROGRAM);
    pg.program = "6 * 7";
    pg.limitMs = 1500;
    const done = pg.run();
    expect(pg.running).toBe(true);
    await done;
    expect(pg.running).toBe(false);
    expect(calls).toEqual([{ program: "6 * 7", timeoutMs: 1500 }]);
    expect(pg.outcome).toEqual({ status: "ok", value: "42", durationMs: 3 });
  });

  it("does not run with a limit outside 100 ms to 60 s, or twice at once", async () => {
    let release: (o: RunOutcome) => void = () => {};
    const { runner, calls } = fakeRunner(() => new Promise((resolve) => (release = resolve)));
    const pg = new PlaygroundState(() => runner);
    for (const bad of [50, 120_000, Number.NaN]) {
      pg.limitMs = bad;
      expect(pg.limitValid).toBe(false);
      await pg.run();
    }
    expect(calls).toHaveLength(0);
    pg.limitMs = 2000;
    const first = pg.run();
    await pg.run();
    expect(calls).toHaveLength(1);
    release({ status: "timeout", durationMs: 2000 });
    await first;
    expect(pg.outcome?.status).toBe("timeout");
  });

  it("shows a sandbox failure with its advice instead of an outcome", async () => {
    const { runner } = fakeRunner(() =>
      Promise.reject(new PolymathError("sandbox-unavailable", "The code sandbox did not start.")),
    );
    const pg = new PlaygroundState(() => runner);
    await pg.run();
    expect(pg.outcome).toBeNull();
    expect(pg.failure).toBe(
      "The code sandbox did not start. Reload the page; the code sandbox could not start.",
    );
  });
});
