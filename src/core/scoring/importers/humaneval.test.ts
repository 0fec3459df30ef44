import { describe, expect, it } from "vitest";
import { scoreCodeItem } from "../code";
import { nodeVmRunner } from "../node-vm-runner.test-helper";
import { lastDeclaredFunction, parseHumanEval } from "./humaneval";

describe("lastDeclaredFunction", () => {
  it.each([
    ["const poly = (xs, x) => {\n};\n/* doc */\nconst findRoot = (xs) => {\n", "findRoot"],
    ["//doc\nfunction has_two(xs){\n", "has_two"],
    ["let f = async function (x) {", "f"],
    ["/* no code */", null],
  ])("finds the function a prompt opens in %j", (prompt, name) => {
    expect(lastDeclaredFunction(prompt)).toBe(name);
  });
});

describe("parseHumanEval", () => {
  it("reads MultiPL-E JavaScript (name, tests, require('node:assert')) and runs it", async () => {
    // A fixture in MultiPL-E's shape, written for this test.
    const line = JSON.stringify({
      name: "Fixture_0_last_char",
      language: "js",
      prompt: "//Fixture: the last character of a non-empty string.\nfunction last_char(s){\n",
      tests:
        "const assert = require('node:assert');\n\n\nfunction test() {\n  let candidate = last_char;\n" +
        "  assert.deepEqual(candidate('abc'),'c');\n  assert.deepEqual(candidate('z'),'z');\n}\n\ntest();",
      stop_tokens: ["\nfunction "],
    });
    const [item] = parseHumanEval(`${line}\n`);
    expect(item).toMatchObject({ id: "Fixture_0_last_char", entryPoint: "last_char" });
    if (item === undefined) return;
    const runner = nodeVmRunner();
    expect((await scoreCodeItem(item, "  return s[s.length - 1];\n}\n", runner)).pass).toBe(true);
    expect((await scoreCodeItem(item, "  return s[0];\n}\n", runner)).reason).toBe(
      'assertion failed: expected "c", got "a"',
    );
  });
});
