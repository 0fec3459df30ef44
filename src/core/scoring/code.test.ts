import { describe, expect, it } from "vitest";
import type { CodeItem, CodeRunner } from "./types";
import { scoreCodeItem } from "./code";
import { nodeVmRunner } from "./node-vm-runner.test-helper";

// Fixture items in the HumanEval-X JavaScript shape, written for these tests.
const sumEven: CodeItem = {
  id: "fixture/sumEven",
  kind: "code",
  domain: "code",
  language: "javascript",
  prompt:
    "/* Sum of the even numbers in a list.\n  >>> sumEven([1, 2, 4])\n  6\n  */\nconst sumEven = (xs) => {\n",
  test:
    "const testSumEven = () => {\n  console.assert(sumEven([1, 2, 4]) === 6)\n" +
    "  console.assert(sumEven([]) === 0)\n  console.assert(sumEven([-2, 3]) === -2)\n}\n\ntestSumEven()\n",
  entryPoint: "sumEven",
};

const withHelper: CodeItem = {
  ...sumEven,
  id: "fixture/double",
  prompt:
    "const isEven = (n) => n % 2 === 0;\n\n/* Double every even number. */\nconst doubleEven = (xs) => {\n",
  test: "const assert = require('assert');\nfunction check(f) {\n  assert.deepStrictEqual(f([1, 2, 3, 4]), [1, 4, 3, 8]);\n}\n",
  entryPoint: "doubleEven",
};

const runner = nodeVmRunner();
const score = (item: CodeItem, answer: string) =>
  scoreCodeItem(item, answer, runner, { timeoutMs: 300 });

describe("scoreCodeItem", () => {
  it("passes a correct completion", async () => {
    const v = await score(
      sumEven,
      "  return xs.filter((x) => x % 2 === 0).reduce((a, b) => a + b, 0);\n}\n",
    );
    expect(v).toMatchObject({
      pass: true,
      score: 1,
      reason: "all tests passed",
      details: { mode: "completion" },
    });
  });

  it("fails a failed console.assert", async () => {
    const v = await score(sumEven, "  return xs.reduce((a, b) => a + b, 0);\n}\n");
    expect(v).toMatchObject({ pass: false, reason: "assertion failed: console.assert failed" });
    expect(v.details?.["failure"]).toBe("assertion");
  });

  it("passes a chat answer that redefines the function, keeping the prompt's helpers", async () => {
    const answer =
      "Here you go:\n\n```javascript\nconst isEven = (n) => Math.abs(n) % 2 === 0;\n" +
      "function doubleEven(xs) {\n  return xs.map((x) => (isEven(x) ? 2 * x : x));\n}\n```\nIt maps.";
    const v = await score(withHelper, answer);
    expect(v).toMatchObject({ pass: true, details: { mode: "solution" } });
  });

  it("uses the prompt's helper when the answer does not redefine it", async () => {
    const answer = "```js\nconst doubleEven = (xs) => xs.map((x) => (isEven(x) ? 2 * x : x));\n```";
    expect((await score(withHelper, answer)).pass).toBe(true);
  });

  it("calls a check function the test never calls, and fails its assert.deepStrictEqual", async () => {
    const v = await score(withHelper, "  return xs;\n}\n");
    expect(v).toMatchObject({
      pass: false,
      reason: "assertion failed: expected [1,4,3,8], got [1,2,3,4]",
    });
  });

  it("fails code that prints instead of returning", async () => {
    const v = await score(
      sumEven,
      "  console.log(xs.filter((x) => x % 2 === 0).reduce((a, b) => a + b, 0));\n}\n",
    );
    expect(v.pass).toBe(false);
    expect(v.reason).toMatch(/^assertion failed/);
  });

  it("reports a plain thrown Error as a failed assertion", async () => {
    const item = {
      ...sumEven,
      test: "if (sumEven([2]) !== 2) throw new Error('sumEven([2]) should be 2')",
    };
    const v = await score(item, "  return 0;\n}\n");
    expect(v.reason).toBe("assertion failed: sumEven([2]) should be 2");
  });

  it("reports exceptions, syntax errors and timeouts", async () => {
    const thrown = await score(sumEven, "  return xs.nope.length;\n}\n");
    expect(thrown).toMatchObject({ pass: false, details: { failure: "exception" } });
    expect(thrown.reason).toMatch(/^exception: TypeError: /);

    const syntax = await score(sumEven, "  return xs.filter(x => ;\n}\n");
    expect(syntax).toMatchObject({ pass: false, details: { failure: "syntax" } });
    expect(syntax.reason).toMatch(/^syntax error: /);

    const slow = await score(sumEven, "  while (true) {}\n}\n");
    expect(slow).toMatchObject({
      pass: false,
      reason: "timed out after 300 ms",
      details: { failure: "timeout" },
    });
  });

  it("fails an empty answer without running anything", async () => {
    const counting = nodeVmRunner();
    const v = await scoreCodeItem(sumEven, "   ", counting);
    expect(v).toMatchObject({ pass: false, reason: "no code found" });
    expect(counting.runs).toHaveLength(0);
  });

  it("lets a runner failure propagate instead of blaming the model", async () => {
    const broken: CodeRunner = { run: () => Promise.reject(new Error("sandbox gone")) };
    await expect(scoreCodeItem(sumEven, "  return 0;\n}\n", broken)).rejects.toThrow(
      "sandbox gone",
    );
  });
});
