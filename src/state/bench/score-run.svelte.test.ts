import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import type { ScoreReport, SelfTestReport } from "../../core/scoring/protocol";
import { codeSuite, mathSuite } from "../../core/scoring/suites/index";
import type { Suite } from "../../core/scoring/types";
import type { CallOptions } from "../../platform/scoring-client";
import { ScoreRun, type ResponseScorer } from "./score-run.svelte";
import { SelfTest } from "./self-test.svelte";
import { VerdictView } from "./verdict-view.svelte";

const file = (name: string, text = "{}") => ({
  name,
  arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
});

const report = (suite: Suite): ScoreReport => ({
  suiteId: suite.id,
  suiteName: suite.name,
  lines: 30,
  scored: 30,
  unmatched: [],
  models: [
    {
      model: "m",
      items: suite.items.length,
      answered: 30,
      passed: 10,
      score: 10 / suite.items.length,
      missing: [],
      verdicts: suite.items.slice(0, 30).map((i, n) => ({
        itemId: i.id,
        pass: n % 3 === 0,
        score: n % 3 === 0 ? 1 : 0,
        reason: "",
      })),
    },
  ],
});

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("ScoreRun", () => {
  it("sends the chosen suite and file to the scorer, shows progress and the time it took", async () => {
    const c = clock();
    const calls: { suite: string; file: string; bytes: number }[] = [];
    const seen: string[] = [];
    const scorer: ResponseScorer = {
      score: async (suite, fileName, bytes, options?: CallOptions) => {
        calls.push({ suite: suite.id, file: fileName, bytes: bytes.length });
        options?.onProgress?.(0, 0, "read");
        seen.push(`${run.progress.phase} ${run.progress.done}`);
        options?.onProgress?.(3, 9, "match");
        seen.push(`${run.progress.phase} ${run.progress.done}`);
        options?.onProgress?.(1, 2);
        seen.push(`${run.progress.phase} ${run.progress.done}`);
        c.advance(8420);
        return report(suite);
      },
    };
    const suites = new Map([[mathSuite.id, mathSuite]]);
    const run = new ScoreRun(
      () => scorer,
      async (id) => suites.get(id),
      c.now,
    );
    run.suiteId = mathSuite.id;
    expect(await run.scoreFile(file("answers.jsonl", "abc"))).toBe(true);
    expect(calls).toEqual([{ suite: mathSuite.id, file: "answers.jsonl", bytes: 3 }]);
    // Reading, then matching lines, then scoring (a call without phases only scores).
    expect(seen).toEqual(["read 0", "match 3", "score 1"]);
    expect(run.durationMs).toBe(8420);
    expect(run.report?.models[0]?.passed).toBe(10);
    expect(run.fileName).toBe("answers.jsonl");
    expect(run.running).toBe(false);
  });

  it("shows the scorer's error and keeps no report", async () => {
    const scorer: ResponseScorer = {
      score: async () => {
        throw new PolymathError("malformed-input", 'line 2: missing field "response"');
      },
    };
    const run = new ScoreRun(
      () => scorer,
      async () => mathSuite,
    );
    expect(await run.scoreFile(file("r.jsonl"))).toBe(false);
    expect(run.error?.message).toBe('line 2: missing field "response"');
    expect(run.report).toBeNull();
    expect(run.durationMs).toBeNull();
  });

  it("stops a run through its abort signal", async () => {
    const scorer: ResponseScorer = {
      score: (_s, _f, _b, options) =>
        new Promise((_, reject) =>
          options?.signal?.addEventListener("abort", () =>
            reject(new PolymathError("aborted", "Scoring stopped.")),
          ),
        ),
    };
    const run = new ScoreRun(
      () => scorer,
      async () => mathSuite,
    );
    const pending = run.scoreFile(file("r.jsonl"));
    await new Promise((r) => setTimeout(r, 0));
    expect(run.running).toBe(true);
    run.stop();
    expect(await pending).toBe(false);
    expect(run.error?.code).toBe("aborted");
  });

  it("asks for a suite when none is chosen", async () => {
    const run = new ScoreRun(
      () => ({ score: async (s) => report(s) }),
      async () => undefined,
    );
    expect(await run.scoreFile(file("r.jsonl"))).toBe(false);
    expect(run.error?.code).toBe("not-found");
  });
});

describe("VerdictView", () => {
  it("filters failures and pages through them", async () => {
    const run = new ScoreRun(
      () => ({ score: async (s) => report(s) }),
      async () => codeSuite,
    );
    const view = new VerdictView(() => run.report);
    expect(view.rows).toEqual([]);
    await run.scoreFile(file("r.jsonl"));
    expect(view.current).toMatchObject({ total: 29, pages: 2, from: 1, to: 25 });
    view.failuresOnly = true;
    expect(view.rows.every((r) => !r.pass)).toBe(true);
    expect(view.rows.length).toBe(19);
    view.page = 1;
    expect(view.current.page).toBe(0); // one page of failures: clamped
  });
});

describe("SelfTest", () => {
  it("keeps a report per suite and the time it took", async () => {
    const c = clock();
    const result: SelfTestReport = {
      suiteId: codeSuite.id,
      references: { total: 29, passed: 29, misses: [] },
      wrongs: { total: 29, failed: 29, misses: [] },
    };
    const test = new SelfTest(
      () => ({
        selfTest: async (_suite, options) => {
          options?.onProgress?.(58, 58);
          c.advance(1500);
          return result;
        },
      }),
      c.now,
    );
    await test.run(codeSuite);
    expect(test.reports[codeSuite.id]).toEqual({ report: result, durationMs: 1500 });
    expect(test.progress).toEqual({ done: 58, total: 58 });
    expect(test.running).toBeNull();
  });

  it("keeps the error per suite", async () => {
    const test = new SelfTest(() => ({
      selfTest: async () => {
        throw new PolymathError("sandbox-unavailable", "The code sandbox did not start in time.");
      },
    }));
    await test.run(codeSuite);
    expect(test.errors[codeSuite.id]?.code).toBe("sandbox-unavailable");
  });
});
