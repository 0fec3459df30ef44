import { describe, expect, it } from "vitest";
import { fixtureText } from "./fixtures.test-helper";
import { parsePolymathSuite, serializePolymathSuite } from "./polymath-suite";

describe("Polymath suite format", () => {
  it("round-trips a suite through its JSONL", () => {
    const suite = parsePolymathSuite(fixtureText("polymath-suite.jsonl"), "fixture");
    const text = serializePolymathSuite(suite);
    expect(text.split("\n")[0]).toBe(
      '{"polymath_suite":1,"id":"fixture-suite","name":"Fixture suite","description":"One item of each kind, for the importer tests."}',
    );
    expect(parsePolymathSuite(text, "fixture")).toEqual(suite);
  });

  it("fills defaults: domain by kind, choice prompt, kwargs, id from the name", () => {
    const text = [
      '{"polymath_suite": 1, "name": "My Checks!"}',
      '{"id": "a", "kind": "choice", "question": "Pick one", "options": ["x", "y"], "answer": "b"}',
      '{"id": 2, "kind": "instruction", "prompt": "p", "instructionIds": ["punctuation:no_comma"]}',
      '{"id": "c", "kind": "math", "prompt": "1+1?", "answer": 2}',
    ].join("\n");
    const suite = parsePolymathSuite(text, "typed");
    expect(suite).toMatchObject({ id: "my-checks", description: "", source: "typed" });
    expect(suite.items).toMatchObject([
      { id: "a", domain: "reasoning", answer: "B", prompt: expect.stringContaining("A. x\nB. y") },
      { id: "2", domain: "instruction", kwargs: [{}] },
      { id: "c", domain: "math", answer: "2" },
    ]);
  });

  it("rejects an unknown domain and a suite without items", () => {
    const header = '{"polymath_suite": 1, "name": "S"}';
    expect(() =>
      parsePolymathSuite(
        `${header}\n{"id":"a","kind":"math","domain":"art","prompt":"p","answer":"1"}`,
        "s",
      ),
    ).toThrow(/^line 2: unknown domain "art"/);
    expect(() => parsePolymathSuite(header, "s")).toThrow("line 1: the suite has no items");
  });
});
