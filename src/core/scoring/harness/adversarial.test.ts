// Answers that try to pass without being right (tests/fixtures/adversarial/code-answers.json),
// each scored against an assert-style, a console.assert-style and an async suite item through
// the real harness in node:vm. tests/sandbox.browser.test.mjs scores the same file in the real
// sandbox.
import { describe, expect, it } from "vitest";
import fixture from "../../../../tests/fixtures/adversarial/code-answers.json";
import { scoreCodeItem } from "../code";
import { parseHumanEval } from "../importers/humaneval";
import { nodeVmRunner } from "../node-vm-runner.test-helper";
import type { CodeItem } from "../types";

interface Case {
  name: string;
  answer: string[];
  expect: string | Record<string, string>;
  reason?: string | Record<string, string>;
}

const items = parseHumanEval(fixture.items.map((i) => JSON.stringify(i)).join("\n"));
const cases = fixture.cases as Case[];

/** The verdict a case expects on `item`, or undefined when the case skips that item. */
function expected(c: Case, item: CodeItem): string | undefined {
  if (typeof c.expect === "string") return c.expect;
  return c.expect[item.id] ?? c.expect["*"];
}

const runs = cases.flatMap((c) =>
  items.flatMap((item) => {
    const want = expected(c, item);
    return want === undefined ? [] : [[c.name, item.id, c, item, want] as const];
  }),
);

const runner = nodeVmRunner();

describe("adversarial code answers", () => {
  it("cover every kind the harness defends against, on all three items", () => {
    expect(items.map((i) => i.id)).toEqual([
      "adversarial/assert",
      "adversarial/console-assert",
      "adversarial/async",
    ]);
    const kinds = new Set(runs.map((r) => r[4]));
    expect([...kinds].sort()).toEqual(
      ["assertion", "exception", "incomplete", "pass", "syntax", "tampered", "timeout"].sort(),
    );
    expect(runs.length).toBeGreaterThan(140);
  });

  it.each(runs)("%s on %s", async (_name, _id, c, item, want) => {
    const v = await scoreCodeItem(item, c.answer.join("\n"), runner, { timeoutMs: 1000 });
    if (want === "pass") {
      expect(v).toMatchObject({ pass: true, reason: "all tests passed" });
      return;
    }
    expect(v.pass, v.reason).toBe(false);
    expect(v.details?.["failure"], v.reason).toBe(want);
    expect(v.reason.length).toBeGreaterThan(0);
    const reason = typeof c.reason === "object" ? c.reason[item.id] : c.reason;
    if (reason !== undefined) expect(v.reason).toMatch(new RegExp(reason));
  });
});
