import { describe, expect, it } from "vitest";
import { harness } from "../code-program";
import { nodeVmRunner } from "../node-vm-runner.test-helper";

const runner = nodeVmRunner();
const run = (body: string) => runner.run(harness("", body), { timeoutMs: 1000 });

describe("assert shim", () => {
  it.each([
    "assert(1 === 1)",
    "assert.ok(true)",
    "assert.equal(1, '1')",
    "assert.strictEqual(NaN, NaN)",
    "assert.notEqual(1, 2)",
    "assert.deepEqual([1, { a: '2' }], [1, { a: 2 }])",
    "assert.deepStrictEqual({ a: [1, 2], b: new Map([[1, new Set([2])]]) }, { b: new Map([[1, new Set([2])]]), a: [1, 2] })",
    "assert.notDeepStrictEqual([1], ['1'])",
    "assert.throws(() => { throw new TypeError('x') }, TypeError)",
    "assert.throws(() => { throw new Error('bad input') }, /bad/)",
    "assert.doesNotThrow(() => 1)",
    "const a = require('assert'); a.strictEqual(2, 2)",
    "const assert = require('node:assert/strict'); assert.deepStrictEqual([1], [1])",
    "console.assert(true); console.log('printing is fine')",
    "module.exports = { f: 1 }; exports.g = 2",
  ])("passes %s", async (body) => {
    expect(await run(body)).toMatchObject({ status: "ok" });
  });

  it.each([
    ["assert(0)", "expected a truthy value, got 0"],
    ["assert.equal(1, 2)", "expected 2, got 1"],
    ["assert.strictEqual(1, '1')", 'expected "1", got 1'],
    ["assert.deepEqual([1, 2], [1, 3])", "expected [1,3], got [1,2]"],
    ["assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 })", 'expected {"a":1,"b":2}, got {"a":1}'],
    ["assert.deepStrictEqual([0], [-0])", "expected [0], got [0]"],
    ["assert.notDeepEqual([1], [1])", "expected a value other than [1]"],
    ["assert.throws(() => 1)", "missing expected exception"],
    ["assert.throws(() => { throw new Error('x') }, TypeError)", "the error was not a TypeError"],
    ["console.assert(1 === 2)", "console.assert failed"],
    ["console.assert(false, 'sum of', 2)", "sum of 2"],
    ["assert.strictEqual(1, 2, 'custom')", "custom"],
  ])("fails %s with an AssertionError", async (body, message) => {
    expect(await run(body)).toMatchObject({
      status: "error",
      errorName: "AssertionError",
      message,
    });
  });

  it("does not leak console.assert changes to the caller's console", async () => {
    await run("console.assert(true)");
    expect(() => console.assert(true)).not.toThrow();
  });

  it("refuses other modules", async () => {
    expect(await run("require('fs')")).toMatchObject({
      status: "error",
      errorName: "ModuleNotFoundError",
    });
  });
});
