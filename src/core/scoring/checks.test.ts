import { describe, expect, it } from "vitest";
import type { Check, ChecksItem } from "./types";
import { evaluatePureCheck, findJson, scoreChecksItem } from "./checks";
import { nodeVmRunner } from "./node-vm-runner.test-helper";

const runner = nodeVmRunner();
const item = (...checks: Check[]): ChecksItem => ({
  id: "c1",
  kind: "checks",
  domain: "chat",
  prompt: "fixture",
  checks,
});
const pure = (check: Check, answer: string) => evaluatePureCheck(check, answer)?.pass;

describe("pure checks", () => {
  it("equals trims and ignores case unless asked", () => {
    expect(pure({ type: "equals", value: "Paris" }, "  paris\n")).toBe(true);
    expect(pure({ type: "equals", value: "Paris", caseSensitive: true }, "paris")).toBe(false);
    expect(pure({ type: "equals", value: "Paris" }, "Paris, France")).toBe(false);
  });

  it("contains any or all", () => {
    const any: Check = { type: "contains", values: ["red", "blue"], mode: "any" };
    const all: Check = { ...any, mode: "all" };
    expect(pure(any, "A BLUE sky")).toBe(true);
    expect(pure(all, "A BLUE sky")).toBe(false);
    expect(evaluatePureCheck(all, "blue")?.reason).toBe('missing "red"');
    expect(pure(all, "red and blue")).toBe(true);
    expect(pure({ ...any, caseSensitive: true }, "BLUE")).toBe(false);
    expect(pure(any, "green")).toBe(false);
  });

  it("regex, with flags and a bad pattern", () => {
    expect(pure({ type: "regex", pattern: "^\\d{3}-\\d{4}$" }, "555-1234")).toBe(true);
    expect(pure({ type: "regex", pattern: "^hello", flags: "i" }, "Hello there")).toBe(true);
    expect(pure({ type: "regex", pattern: "^hello" }, "Hello there")).toBe(false);
    expect(evaluatePureCheck({ type: "regex", pattern: "(" }, "x")?.reason).toMatch(
      /^invalid pattern/,
    );
  });

  it("json, plain or in a fence, against a schema", () => {
    const schema = {
      type: "object",
      required: ["name", "age"],
      properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 } },
    };
    expect(pure({ type: "json" }, '{"a": 1}')).toBe(true);
    expect(pure({ type: "json" }, "not json")).toBe(false);
    expect(pure({ type: "json", schema }, 'Sure:\n```json\n{"name": "Ada", "age": 36}\n```')).toBe(
      true,
    );
    expect(pure({ type: "json", schema }, 'Here it is: {"name": "Ada", "age": 36}. Done.')).toBe(
      true,
    );
    expect(evaluatePureCheck({ type: "json", schema }, '{"name": "Ada", "age": -1}')?.reason).toBe(
      "does not match the schema at #/age: -1 is less than 0.",
    );
    expect(pure({ type: "json", schema }, '{"name": "Ada"}')).toBe(false);
  });

  it("findJson reports nothing for text without JSON", () => {
    expect(findJson("{ not: json }")).toEqual({ ok: false });
    expect(findJson("[1, 2]")).toEqual({ ok: true, value: [1, 2] });
  });
});

describe("scoreChecksItem", () => {
  it("runs predicates through the runner", async () => {
    const check: Check = { type: "predicate", code: "return answer.split(' ').length === 3;" };
    expect((await scoreChecksItem(item(check), "one two three", runner)).pass).toBe(true);
    const v = await scoreChecksItem(item(check), "one two", runner);
    expect(v).toMatchObject({ pass: false, reason: "predicate: the predicate returned false" });
  });

  it("passes the answer verbatim, quotes and all", async () => {
    const check: Check = {
      type: "predicate",
      code: 'return answer === "say \\"hi\\"\\n</script>";',
    };
    expect((await scoreChecksItem(item(check), 'say "hi"\n</script>', runner)).pass).toBe(true);
  });

  it("fails predicates that throw or run forever", async () => {
    const threw = await scoreChecksItem(
      item({ type: "predicate", code: "return answer.x.y;" }),
      "a",
      runner,
    );
    expect(threw.reason).toMatch(/^predicate: the predicate threw TypeError/);
    const slow = await scoreChecksItem(
      item({ type: "predicate", code: "for (;;) {}" }),
      "a",
      runner,
      {
        timeoutMs: 100,
      },
    );
    expect(slow.reason).toBe("predicate: the predicate timed out");
  });

  it("needs every check to pass and names the first failure", async () => {
    const checks: Check[] = [
      { type: "contains", values: ["paris"], mode: "all" },
      { type: "regex", pattern: "\\.$" },
      { type: "predicate", code: "return answer.length < 40;" },
    ];
    expect(await scoreChecksItem(item(...checks), "It is Paris.", runner)).toMatchObject({
      pass: true,
      score: 1,
      reason: "all 3 checks passed",
    });
    const v = await scoreChecksItem(item(...checks), "It is Paris", runner);
    expect(v).toMatchObject({ pass: false, score: 0, reason: "regex: does not match /\\.$/" });
    expect((v.details?.["checks"] as unknown[]).length).toBe(3);
  });
});
