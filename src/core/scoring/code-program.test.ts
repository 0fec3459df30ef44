import { describe, expect, it } from "vitest";
import type { CodeItem } from "./types";
import { buildCodeProgram, declarationIndex, ensureTestCalled, extractCode } from "./code-program";

const item: CodeItem = {
  id: "fixture/add",
  kind: "code",
  domain: "code",
  language: "javascript",
  prompt: "/* Add two numbers.\n  >>> add(2, 3)\n  5\n  */\nconst add = (a, b) => {\n",
  test: "const testAdd = () => {\n  console.assert(add(2, 3) === 5)\n}\n\ntestAdd()\n",
  entryPoint: "add",
};

describe("declarationIndex", () => {
  it.each([
    ["function add(a, b) {}", 0],
    ["const add = (a, b) => a + b", 0],
    ["x;\nlet add = function () {}", 3],
    ["export default async function add() {}", 0],
    ["const adder = 1; add(1, 2); obj.add = 3", -1],
    ["  let add = 1;\n  return add;\n}", -1],
  ])("finds the declaration in %j", (code, at) => {
    expect(declarationIndex(code, "add")).toBe(at);
  });
});

describe("extractCode", () => {
  it("takes the block declaring the entry point", () => {
    const answer =
      "Usage:\n```js\nadd(1, 2)\n```\nCode:\n```javascript\nfunction add(a, b) {}\n```";
    expect(extractCode(answer, "add")).toBe("function add(a, b) {}");
  });

  it("takes the first JavaScript block when none declares it", () => {
    const answer = "```python\nx = 1\n```\n```\n  return a + b;\n}\n```";
    expect(extractCode(answer, "add")).toBe("  return a + b;\n}");
  });

  it("takes a raw completion whole, even one that closes a fence", () => {
    expect(extractCode("  return a + b;\n}\n", "add")).toBe("  return a + b;\n}\n");
    expect(extractCode("  return a + b;\n}\n```\nThis adds.", "add")).toBe("  return a + b;\n}\n");
  });

  it("finds no code in an empty answer or an empty block", () => {
    expect(extractCode("  \n", "add")).toBeNull();
    expect(extractCode("```js\n```", "add")).toBeNull();
  });
});

describe("ensureTestCalled", () => {
  it("leaves tests that call their function alone", () => {
    expect(ensureTestCalled(item.test, "add")).toBe(item.test);
    const called = "function check(candidate) {}\ncheck(add)";
    expect(ensureTestCalled(called, "add")).toBe(called);
  });

  it("calls a check or test function that is never called", () => {
    expect(ensureTestCalled("function check(candidate) {\n}", "add")).toBe(
      "function check(candidate) {\n}\ncheck(add);",
    );
    expect(ensureTestCalled("const testAdd = () => {}", "add")).toBe(
      "const testAdd = () => {}\ntestAdd(add);",
    );
  });

  it("does not call test data", () => {
    const test = "const testCases = [[1, 2]];\nfor (const c of testCases) console.assert(c)";
    expect(ensureTestCalled(test, "add")).toBe(test);
  });
});

describe("buildCodeProgram", () => {
  it("appends a completion to the prompt, then the test (HumanEval-X)", () => {
    const built = buildCodeProgram(item, "  return a + b;\n}\n");
    expect(built?.mode).toBe("completion");
    expect(built?.program).toContain(`${item.prompt}  return a + b;\n}\n\n${item.test}`);
  });

  it("drops the prompt when the answer redefines the function", () => {
    const built = buildCodeProgram(
      item,
      "```js\nexport function add(a, b) {\n  return a + b;\n}\n```",
    );
    expect(built?.mode).toBe("solution");
    expect(built?.code).toBe("function add(a, b) {\n  return a + b;\n}");
    expect(built?.program).not.toContain("const add = (a, b) => {\n");
    expect(built?.program).toContain("/* Add two numbers.");
  });

  it("rewrites an assert import to require", () => {
    const built = buildCodeProgram({ ...item, test: "import assert from 'node:assert';" }, "}");
    expect(built?.program).toContain("const assert = require('node:assert');");
  });

  it("gives null without code", () => {
    expect(buildCodeProgram(item, "I cannot help with that.\n```\n```")).toBeNull();
  });
});
