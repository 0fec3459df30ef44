import { describe, expect, it } from "vitest";
import { buildBenchReport } from "../report/bench-report";
import type { BenchResult, BenchRun } from "../runs/bench/types";
import { nodeVmRunner } from "./node-vm-runner.test-helper";
import type { ScoringEvent } from "./protocol";
import { ScoringHost, type ScoringHostOptions } from "./scoring-host";
import { codeSuite, mathSuite } from "./suites/index";

/** A host whose `run` requests are answered by node:vm after `delayMs`, counting programs in flight. */
function harness(options: ScoringHostOptions = {}, delayMs = 2) {
  const events: ScoringEvent[] = [];
  const runner = nodeVmRunner();
  let inFlight = 0;
  let maxInFlight = 0;
  const host: ScoringHost = new ScoringHost((event) => {
    events.push(event);
    if (event.type !== "run") return;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      void runner.run(event.program, { timeoutMs: event.timeoutMs }).then((outcome) => {
        inFlight--;
        void host.handle({ type: "ran", runId: event.runId, outcome });
      });
    }, delayMs);
  }, options);
  return { host, events, maxInFlight: () => maxInFlight };
}

const enc = (text: string) => new TextEncoder().encode(text);
const answers = (items: { id: string }[], response: (i: number) => string) =>
  enc(items.map((item, i) => JSON.stringify({ id: item.id, response: response(i) })).join("\n"));

describe("ScoringHost", () => {
  it("ignores messages that are not requests", async () => {
    const { host, events } = harness();
    await host.handle({ type: "score" });
    await host.handle("hello");
    await host.handle({ type: "ran", runId: 99, outcome: { status: "ok", durationMs: 0 } });
    expect(events).toEqual([]);
  });

  it("computes a bench run's report on request, as the main thread would", async () => {
    const { host, events } = harness();
    const run: BenchRun = {
      id: "r",
      title: "t",
      createdAt: 0,
      status: "done",
      loads: {},
      provenance: { app: { name: "polymath", version: "test" } },
      config: {
        suites: [{ id: "s", name: "s", hash: "h", itemIds: ["a", "b"], totalItems: 2 }],
        models: [
          { id: "g", name: "G", role: "generalist", domains: [], source: "replay", memoryMB: 1 },
        ],
        params: {},
        maxTokens: { code: 1, math: 1, choice: 1, instruction: 1, checks: 1 },
        itemTimeoutMs: 1,
      },
    };
    // Fixture verdicts, not model output.
    const results: BenchResult[] = ["a", "b"].map((itemId, i) => ({
      runId: "r",
      modelId: "g",
      suiteId: "s",
      itemId,
      domain: "math",
      kind: "math",
      answer: "",
      finishReason: "stop",
      verdict: { itemId, pass: i === 0, score: i === 0 ? 1 : 0, reason: "fixture" },
      at: 0,
    }));
    await host.handle({ id: 3, type: "benchReport", run, results });
    expect(events).toEqual([{ type: "result", id: 3, value: buildBenchReport(run, results) }]);
  });

  it("keeps several programs in flight so the sandbox never idles, and scores them all", async () => {
    const { host, events, maxInFlight } = harness({ concurrency: 4 });
    const bytes = answers(
      codeSuite.items,
      (i) => (codeSuite.items[i] as { reference: string }).reference,
    );
    await host.handle({ id: 1, type: "score", suite: codeSuite, fileName: "r.jsonl", bytes });
    const result = events.find((e) => e.type === "result");
    if (result?.type !== "result" || result.value === null || !("models" in result.value)) {
      throw new Error(`no report: ${JSON.stringify(events.at(-1))}`);
    }
    expect(result.value.models[0]?.passed).toBe(codeSuite.items.length);
    expect(maxInFlight()).toBe(4);
  });

  it("sends progress at most every progressEveryMs, and always the last", async () => {
    const { host, events } = harness({ progressEveryMs: 60_000 });
    const bytes = answers(mathSuite.items, () => "Answer: 1");
    await host.handle({ id: 7, type: "score", suite: mathSuite, fileName: "r.jsonl", bytes });
    const progress = events.filter((e) => e.type === "progress");
    const n = mathSuite.items.length;
    expect(progress).toEqual([
      { type: "progress", id: 7, done: 0, total: 0, phase: "read" },
      { type: "progress", id: 7, done: 0, total: n, phase: "match" },
      { type: "progress", id: 7, done: n, total: n, phase: "match" },
      { type: "progress", id: 7, done: 0, total: n, phase: "score" },
      { type: "progress", id: 7, done: n, total: n, phase: "score" },
    ]);
  });

  it("reports progress while matching a text-keyed file, in order, before any scoring", async () => {
    const { host, events } = harness({ sliceMs: 0, progressEveryMs: 0 });
    const bytes = enc(
      mathSuite.items.map((i) => JSON.stringify({ prompt: i.prompt, response: "1" })).join("\n"),
    );
    await host.handle({ id: 3, type: "score", suite: mathSuite, fileName: "r.jsonl", bytes });
    const seen = events
      .filter((e) => e.type === "progress" || e.type === "result")
      .map((e) => (e.type === "progress" ? `${e.phase}:${e.done}/${e.total}` : e.type));
    const n = mathSuite.items.length;
    expect(seen[0]).toBe("read:0/0");
    expect(seen[1]).toBe(`match:0/${n}`);
    const firstScore = seen.indexOf(`score:0/${n}`);
    // Every line matched reports, in order, before scoring starts.
    expect(seen.slice(1, firstScore)).toEqual(
      Array.from({ length: n + 1 }, (_, i) => `match:${i}/${n}`),
    );
    expect(seen.at(-1)).toBe("result");
  });

  it("stops while matching: a cancel between slices ends the call before any scoring", async () => {
    const events: ScoringEvent[] = [];
    let cancelled = false;
    const host: ScoringHost = new ScoringHost(
      (event) => {
        events.push(event);
        // Cancel as soon as the first slice of matching reports.
        if (!cancelled && event.type === "progress" && event.phase === "match" && event.done > 0) {
          cancelled = true;
          void host.handle({ id: 9, type: "cancel", target: 4 });
        }
      },
      { sliceMs: 0, progressEveryMs: 0 },
    );
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ question: `Question ${i}?`, response: "1" }),
    );
    const bytes = enc(lines.join("\n"));
    await host.handle({ id: 4, type: "score", suite: mathSuite, fileName: "r.jsonl", bytes });
    expect(events.find((e) => e.type === "error")).toMatchObject({
      id: 4,
      error: { code: "aborted" },
    });
    expect(events.find((e) => e.type === "result" && e.id === 9)).toBeDefined();
    const match = events.filter((e) => e.type === "progress" && e.phase === "match");
    expect(match.at(-1)).toMatchObject({ done: 1, total: 5000 });
    expect(events.some((e) => e.type === "progress" && e.phase === "score")).toBe(false);
  });

  it("stops a call on cancel with `aborted`, and answers the cancel itself", async () => {
    const { host, events } = harness({}, 200);
    const pending = host.handle({ id: 1, type: "selfTest", suite: codeSuite });
    await new Promise((r) => setTimeout(r, 20));
    await host.handle({ id: 2, type: "cancel", target: 1 });
    await pending;
    expect(events.find((e) => e.type === "result" && e.id === 2)).toBeDefined();
    const error = events.find((e) => e.type === "error");
    expect(error).toMatchObject({ id: 1, error: { code: "aborted" } });
    const runs = events.filter((e) => e.type === "run").length;
    expect(runs).toBeLessThan(2 * codeSuite.items.length);
  });

  it("reports a responses file named as a suite, and a malformed one, as errors", async () => {
    const { host, events } = harness();
    const responses = enc('{"id": "x", "response": "1"}');
    await host.handle({ id: 1, type: "import", fileName: "r.jsonl", bytes: responses });
    await host.handle({
      id: 2,
      type: "score",
      suite: mathSuite,
      fileName: "r.jsonl",
      bytes: enc('{"id": "x"}'),
    });
    expect(events.filter((e) => e.type !== "progress")).toEqual([
      expect.objectContaining({
        type: "error",
        id: 1,
        error: expect.objectContaining({ code: "unsupported-format" }),
      }),
      expect.objectContaining({
        type: "error",
        id: 2,
        error: expect.objectContaining({
          message: 'line 1: missing field "response" (or "completion")',
        }),
      }),
    ]);
  });
});
