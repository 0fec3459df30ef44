// The worker prelude runs here in a node:vm context dressed as a worker global: the same file
// the sandbox frame starts in a Worker, with postMessage and events played by the test.
/// <reference types="node" />
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import prelude from "./worker-prelude.js?raw";

interface Posted {
  type: string;
  nonce?: string;
  outcome?: { status: string; errorName?: string; message?: string; value?: string };
}

function startWorker() {
  const posted: Posted[] = [];
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  let wake: () => void = () => {};
  const context = vm.createContext({
    console: { log() {}, assert() {} },
    performance: { now: () => performance.now() },
    setTimeout,
    postMessage: (message: Posted) => {
      posted.push(message);
      wake();
    },
    addEventListener: (type: string, fn: (event: unknown) => void) => {
      (listeners[type] ??= []).push(fn);
    },
  });
  vm.runInContext("globalThis.self = globalThis;", context);
  // A worker's own close(), which would end it before it reports.
  vm.runInContext("globalThis.close = () => { globalThis.closed = true; };", context);
  vm.runInContext(prelude, context);
  const send = (program: string, nonce = "run-nonce") => {
    for (const fn of listeners.message ?? []) fn({ data: { program, nonce } });
  };
  const result = async (program: string) => {
    const done = new Promise<void>((resolve) => (wake = resolve));
    send(program);
    await done;
    return posted.find((m) => m.type === "result")?.outcome;
  };
  return { posted, send, result, context };
}

const run = (program: string) => startWorker().result(program);

describe("worker prelude", () => {
  it("says ready before any program", () => {
    expect(startWorker().posted).toEqual([{ type: "ready" }]);
  });

  it("reports a script's completion value, JSON-encoded", async () => {
    expect(await run("1 + 2")).toMatchObject({ status: "ok", value: "3" });
    expect(await run("const s = 'a'; s + 'b'")).toMatchObject({ value: '"ab"' });
    expect(await run("Promise.resolve({ a: [1, null] })")).toMatchObject({
      value: '{"a":[1,null]}',
    });
    expect(await run("let x = 1;")).not.toHaveProperty("value");
  });

  it("runs a program with top-level return or await as an async function body", async () => {
    expect(await run("return 5")).toMatchObject({ status: "ok", value: "5" });
    const outcome = await run("const v = await Promise.resolve(8);\nreturn v * 2;");
    expect(outcome).toMatchObject({ status: "ok", value: "16" });
  });

  it("encodes values JSON cannot hold as their text", async () => {
    expect(await run("10n")).toMatchObject({ value: '"10"' });
    expect(await run("const o = {}; o.self = o; o")).toMatchObject({ value: '"[object Object]"' });
    const long = await run("'x'.repeat(20000)");
    expect(long?.value?.length).toBeLessThan(10_100);
    expect(JSON.parse(long?.value ?? "")).toMatch(/^x+…$/);
  });

  it("reports errors by name and message", async () => {
    expect(await run("null.x")).toMatchObject({ status: "error", errorName: "TypeError" });
    expect(await run("(")).toMatchObject({ status: "error", errorName: "SyntaxError" });
    expect(await run("throw 'boom'")).toMatchObject({
      errorName: "Error",
      message: "Uncaught boom",
    });
    expect(await run("await Promise.reject(new RangeError('too big'))")).toMatchObject({
      errorName: "RangeError",
      message: "too big",
    });
  });

  it("turns a failed console.assert into an AssertionError, caught or not", async () => {
    expect(await run("console.assert(1 === 2, 'one is', 2)")).toMatchObject({
      status: "error",
      errorName: "AssertionError",
      message: "Assertion failed: one is 2",
    });
    expect(await run("try { console.assert(false) } catch {}\n'fine'")).toMatchObject({
      status: "error",
      message: "Assertion failed",
    });
    expect(await run("console.assert(true, 'never shown'); 'fine'")).toMatchObject({
      status: "ok",
      value: '"fine"',
    });
  });

  it("lets a scorer's own assert run but never hide a failure", async () => {
    const custom = await run(
      "console.assert = (c, m) => { if (!c) throw new Error('custom: ' + m); };\nconsole.assert(false, 'x')",
    );
    expect(custom).toMatchObject({ status: "error", errorName: "Error", message: "custom: x" });
    const silenced = await run("console.assert = () => {};\nconsole.assert(false, 'hidden'); 1");
    expect(silenced).toMatchObject({ status: "error", errorName: "AssertionError" });
    const replaced = await run("console = { assert() {} };\nconsole.assert(false); 1");
    expect(replaced).toMatchObject({ status: "error", errorName: "AssertionError" });
  });

  it("cannot be made to post a forged verdict or to run twice", async () => {
    const worker = startWorker();
    const outcome = await worker.result(
      "postMessage({ type: 'result', outcome: { status: 'ok', value: 'true' } });\n1",
    );
    expect(outcome).toMatchObject({ status: "error", errorName: "ReferenceError" });
    worker.send("2");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(worker.posted.filter((m) => m.type === "result")).toHaveLength(1);
  });

  it("answers with the run's nonce", async () => {
    const worker = startWorker();
    await worker.result("1");
    expect(worker.posted.find((m) => m.type === "result")?.nonce).toBe("run-nonce");
  });

  it("fails a program that ends the worker with close(), even when it catches the error", async () => {
    for (const program of ["close(); 1", "try { self.close(); } catch {}\n1"]) {
      const worker = startWorker();
      expect(await worker.result(program)).toMatchObject({
        status: "error",
        errorName: "EarlyExit",
        message: "the program called close() to end the sandbox early",
      });
      expect(vm.runInContext("globalThis.closed", worker.context)).toBeUndefined();
    }
  });

  it("reports with builtins captured before the program could patch them", async () => {
    const outcome = await run(
      "JSON.stringify = () => '\"fake\"';\nFunction.prototype.bind = null;\n5",
    );
    expect(outcome).toMatchObject({ status: "ok", value: "5" });
  });
});

describe("worker prelude against a hostile program", () => {
  it("keeps the value even with a setter planted on Object.prototype", async () => {
    const outcome = await run(
      "Object.defineProperty(Object.prototype, 'value', { set() {}, configurable: true });\n'kept'",
    );
    expect(outcome).toMatchObject({ status: "ok", value: '"kept"' });
  });
});
