// The test harness's own rules, run in node:vm: the value that means "passed", failures the
// answer catches, the host realm left alone, and the code carried exactly as written.
import { describe, expect, it } from "vitest";
import { scoreCodeItem } from "../code";
import { nodeVmRunner } from "../node-vm-runner.test-helper";
import type { CodeItem, CodeRunner } from "../types";
import { passValue, templateLiteral, testProgram } from "./program";

const runner = nodeVmRunner();
const run = (answer: string, test: string, token = "t0k3n") =>
  runner.run(testProgram({ prefix: "", answer, test }, token), { timeoutMs: 1000 });

const item: CodeItem = {
  id: "fixture/apply",
  kind: "code",
  domain: "code",
  language: "javascript",
  prompt: "/* Call f once and return 1. */\nconst once = (f) => {\n",
  test: "const assert = require('assert');\nassert.strictEqual(once(() => assert.fail('f ran')), 1);\n",
  entryPoint: "once",
};

describe("testProgram", () => {
  it("ends with the pass value for its token only when the tests ran and passed", async () => {
    expect(await run("const f = () => 1;", "console.assert(f() === 1)")).toMatchObject({
      status: "ok",
      value: passValue("t0k3n"),
    });
    expect(await run("const f = () => 2;", "console.assert(f() === 1)")).toMatchObject({
      status: "error",
      errorName: "AssertionError",
    });
  });

  it("fails an assertion the answer catches", async () => {
    const swallow = "  try {\n    f();\n  } catch (e) {}\n  return 1;\n};\n";
    const v = await scoreCodeItem(item, swallow, runner, { timeoutMs: 1000 });
    expect(v).toMatchObject({ pass: false, reason: "assertion failed: f ran" });
    const honest = await scoreCodeItem(item, "  return 1;\n};\n", runner);
    expect(honest.pass).toBe(true);
  });

  it("does not let the answer excuse a failure it caught by rethrowing it into assert.throws", async () => {
    const replay =
      "  let saved;\n  try {\n    f();\n  } catch (e) {\n    saved = e;\n  }\n" +
      "  assert.throws(() => {\n    throw saved;\n  });\n  return 1;\n};\n";
    const v = await scoreCodeItem(item, replay, runner, { timeoutMs: 1000 });
    expect(v).toMatchObject({ pass: false, reason: "assertion failed: f ran" });
  });

  it("lets assert.throws expect an assertion failure", async () => {
    const test = "assert.throws(() => assert.strictEqual(1, 2), assert.AssertionError);";
    expect(await run("", test)).toMatchObject({ status: "ok" });
  });

  it("awaits tests that end with a promise, and fails a rejected one", async () => {
    const test = "(async () => { await null; assert.strictEqual(f(), 1); })()";
    expect(await run("const f = () => 1;", test)).toMatchObject({ value: passValue("t0k3n") });
    expect(await run("const f = () => 2;", test)).toMatchObject({
      status: "error",
      errorName: "AssertionError",
      message: "expected 1, got 2",
    });
  });

  it("does not await a thenable the tests end with", async () => {
    const test = "({ then() { throw new Error('awaited'); } })";
    expect(await run("", test)).toMatchObject({ status: "ok", value: passValue("t0k3n") });
  });

  it("leaves the host's realm alone", async () => {
    await run("Array.prototype.extra = 1;", "");
    expect(Object.isExtensible(Function.prototype)).toBe(true);
    expect(Object.isExtensible(Object.prototype)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(Array.prototype, "map")).toHaveProperty("writable");
  });

  it("still lets the answer declare and assign globals of its own", async () => {
    const answer =
      "total = 0;\nglobalThis.seen = [];\nconst f = (x) => { total += x; seen.push(x); return total; };";
    expect(
      await run(answer, "f(2); console.assert(f(3) === 5 && seen.length === 2)"),
    ).toMatchObject({ value: passValue("t0k3n") });
  });

  it("scores an ok run without the pass value as incomplete", async () => {
    const silent: CodeRunner = {
      run: async () => ({ status: "ok", durationMs: 1, value: "true" }),
    };
    const v = await scoreCodeItem(item, "  return 1;\n};\n", silent);
    expect(v).toMatchObject({
      pass: false,
      reason: "the program ended before its tests finished",
      details: { failure: "incomplete" },
    });
  });
});

describe("templateLiteral", () => {
  it("carries code exactly, line breaks included", async () => {
    const code = "const s = `a ${1 + 1} \\` \\\\n`;\r\nconst t = '${x}' + \"\\u0041\";";
    const literal = templateLiteral(code);
    expect(literal).toContain("const t = ");
    expect(literal.split("\n")).toHaveLength(2);
    const outcome = await nodeVmRunner().run(`(${literal})`, { timeoutMs: 1000 });
    expect(outcome.value).toBe(JSON.stringify(code));
  });

  it("runs an answer with backticks, substitutions and backslashes as written", async () => {
    const answer = "const f = (n) => `${n}\\\\${'`'}`;";
    expect(await run(answer, "console.assert(f(1) === '1\\\\`')")).toMatchObject({
      value: passValue("t0k3n"),
    });
  });
});
