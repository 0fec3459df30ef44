import { describe, expect, it } from "vitest";
import { isPolymathError } from "../core/errors";
import { fixtureBytes } from "../core/scoring/importers/fixtures.test-helper";
import { nodeVmRunner } from "../core/scoring/node-vm-runner.test-helper";
import type { ScoringEvent, ScoringRequest } from "../core/scoring/protocol";
import { ScoringHost } from "../core/scoring/scoring-host";
import { codeSuite, instructionSuite } from "../core/scoring/suites/index";
import type { CodeRunner, RunOutcome } from "../core/scoring/types";
import { ScoringClient, type ScoringPortFactory } from "./scoring-client";

const later = (fn: () => void) => setTimeout(fn, 0);

/** A port whose "worker" is a ScoringHost in this thread; messages are cloned like postMessage. */
function inMemoryPorts(log: ScoringRequest[] = []) {
  const hosts: { terminated: boolean; crash: (reason: string) => void }[] = [];
  const factory: ScoringPortFactory = ({ onEvent, onCrash }) => {
    const state = { terminated: false, crash: onCrash };
    hosts.push(state);
    const host = new ScoringHost((event: ScoringEvent) => {
      const copy = structuredClone(event);
      later(() => !state.terminated && onEvent(copy));
    });
    return {
      post: (request) => {
        log.push(request);
        const copy = structuredClone(request);
        later(() => !state.terminated && void host.handle(copy));
      },
      terminate: () => {
        state.terminated = true;
      },
    };
  };
  return { factory, hosts };
}

const enc = (text: string) => new TextEncoder().encode(text);

function setup(runner: CodeRunner = nodeVmRunner()) {
  const log: ScoringRequest[] = [];
  const ports = inMemoryPorts(log);
  const client = new ScoringClient({ runner: () => runner, createPort: ports.factory });
  return { client, log, ports, runner };
}

describe("ScoringClient with an in-thread host", () => {
  it("imports a suite file, naming the detected format", async () => {
    const { client } = setup();
    const { suite, format } = await client.importSuite("gsm8k.jsonl", fixtureBytes("gsm8k.jsonl"));
    expect(format).toBe("gsm8k");
    expect(suite.items.map((i) => i.id)).toEqual(["gsm8k-1", "gsm8k-2", "gsm8k-3"]);
    const gz = await client.importSuite("x.jsonl.gz", fixtureBytes("humaneval-x-js.jsonl.gz"));
    expect(gz.format).toBe("humaneval");
    expect(gz.suite.items.length).toBe(3);
  });

  it("rejects a malformed file with a line-numbered error, and a responses file as a suite", async () => {
    const { client } = setup();
    const bad = await client
      .importSuite("bad.csv", fixtureBytes("mmlu-bad-letter.csv"))
      .catch((e: unknown) => e);
    expect(isPolymathError(bad, "malformed-input")).toBe(true);
    expect((bad as Error).message).toMatch(/^line \d+: /);
    const responses = await client
      .importSuite("r.jsonl", fixtureBytes("responses-gsm8k.jsonl"))
      .catch((e: unknown) => e);
    expect(isPolymathError(responses, "unsupported-format")).toBe(true);
  });

  it("scores a responses file per model and reports unmatched lines and progress", async () => {
    const { client } = setup();
    const { suite } = await client.importSuite("gsm8k.jsonl", fixtureBytes("gsm8k.jsonl"));
    const seen: [number, number][] = [];
    const report = await client.score(suite, "r.jsonl", fixtureBytes("responses-gsm8k.jsonl"), {
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(report).toMatchObject({ lines: 7, scored: 5 });
    const [a, b] = report.models;
    expect(a).toMatchObject({ model: "fixture-model-a", passed: 3, answered: 3, score: 1 });
    expect(b).toMatchObject({
      model: "fixture-model-b",
      passed: 1,
      answered: 2,
      missing: ["gsm8k-2"],
    });
    expect(b?.score).toBeCloseTo(1 / 3);
    expect(b?.verdicts.map((v) => v.pass)).toEqual([false, true]);
    expect(report.unmatched.map((u) => u.line)).toEqual([6, 7]);
    expect(seen.at(-1)).toEqual([5, 5]);
  });

  it("adds IFEval's prompt- and instruction-level figures for instruction items", async () => {
    const { client } = setup();
    const [first, second] = instructionSuite.items;
    const lines = [
      { id: first?.id, model: "m", response: "The lantern glowed through the fog all night." },
      { id: second?.id, model: "m", response: "Bread rises, because yeast eats sugar." },
    ];
    const text = lines.map((l) => JSON.stringify(l)).join("\n");
    const report = await client.score(instructionSuite, "r.jsonl", enc(text));
    const ifeval = report.models[0]?.instruction;
    // Item 1 follows its one instruction; item 2 has one yeast (needs 3) and a comma: 0 of 2.
    expect(ifeval).toMatchObject({ prompts: 2, instructions: 3, promptStrict: 0.5 });
    expect(ifeval?.instStrict).toBeCloseTo(1 / 3);
  });

  it("scores one answer to one item, running code in the sandbox", async () => {
    const { client } = setup();
    const item = codeSuite.items.find((i) => i.kind === "code" && i.reference !== undefined);
    if (!item || item.kind !== "code" || !item.reference) throw new Error("fixture suite");
    expect(await client.scoreAnswer(item, item.reference)).toMatchObject({ pass: true });
    expect((await client.scoreAnswer(item, item.wrong ?? "")).pass).toBe(false);
  });

  it("self-tests a suite: references through the runner pass, wrong solutions fail", async () => {
    const runner = nodeVmRunner();
    const { client } = setup(runner);
    const report = await client.selfTest(codeSuite);
    const n = codeSuite.items.length;
    expect(report.references).toEqual({ total: n, passed: n, misses: [] });
    expect(report.wrongs).toEqual({ total: n, failed: n, misses: [] });
    expect(runner.runs.length).toBe(2 * n);
  });

  it("names the reference that fails", async () => {
    const { client } = setup();
    const [item] = codeSuite.items;
    if (item?.kind !== "code") throw new Error("expected a code item");
    const broken = { ...codeSuite, items: [{ ...item, reference: item.wrong ?? "" }] };
    const report = await client.selfTest(broken);
    expect(report.references.passed).toBe(0);
    expect(report.references.misses[0]?.itemId).toBe(item.id);
    expect(report.references.misses[0]?.reason).toMatch(/assertion failed/);
  });

  it("stops a call when its signal aborts, even while programs are running", async () => {
    const stuck: CodeRunner = { run: () => new Promise<RunOutcome>(() => undefined) };
    const { client } = setup(stuck);
    const controller = new AbortController();
    const pending = client.selfTest(codeSuite, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toSatisfy((e) => isPolymathError(e, "aborted"));
  });

  it("fails the call, not the item, when the sandbox cannot run", async () => {
    const broken: CodeRunner = {
      run: () => Promise.reject(new Error("no frames")),
    };
    const { client } = setup(broken);
    await expect(client.selfTest(codeSuite)).rejects.toSatisfy((e) =>
      isPolymathError(e, "sandbox-unavailable"),
    );
  });

  it("fails pending calls when the worker crashes and starts a new one on the next call", async () => {
    const stuck: CodeRunner = { run: () => new Promise<RunOutcome>(() => undefined) };
    const { client, ports } = setup(stuck);
    const pending = client.selfTest(codeSuite);
    await new Promise((r) => setTimeout(r, 10));
    ports.hosts[0]?.crash("out of memory");
    await expect(pending).rejects.toThrow(/scoring worker stopped unexpectedly: out of memory/);
    const { suite } = await client.importSuite("gsm8k.jsonl", fixtureBytes("gsm8k.jsonl"));
    expect(suite.items.length).toBe(3);
    expect(ports.hosts.length).toBe(2);
  });
});
