import { describe, expect, it } from "vitest";
import { nodeVmRunner } from "../node-vm-runner.test-helper";
import { fixtureText, thrown } from "./fixtures.test-helper";
import { importSuite } from "./import-suite";
import { matchResponses, parseResponses, UNNAMED_MODEL } from "./responses";
import { scoreItem } from "../score-item";
import { modelScores } from "./score-responses";

const suite = importSuite("gsm8k.jsonl", fixtureText("gsm8k.jsonl"));
const responses = parseResponses(fixtureText("responses-gsm8k.jsonl"));

describe("parseResponses", () => {
  it("reads ids, questions, response or completion, and models", () => {
    expect(responses).toHaveLength(7);
    expect(responses[1]).toMatchObject({
      line: 2,
      model: "fixture-model-a",
      question: expect.stringMatching(/^Fixture: A tank/),
    });
    expect(responses[3]).toMatchObject({
      id: "gsm8k-1",
      model: "fixture-model-b",
      response: expect.stringMatching(/#### 9$/),
    });
  });

  it("names the line of a response without an answer or an item", () => {
    const e = thrown(() => parseResponses(fixtureText("responses-missing-response.jsonl")));
    expect(e).toMatchObject({
      code: "malformed-input",
      message: 'line 2: missing field "response" (or "completion")',
    });
    expect(() => parseResponses('{"response": "x"}')).toThrow(/^line 1: missing field "id"/);
  });

  it("defaults the model name", () => {
    expect(parseResponses('{"key": 3, "response": "x"}')[0]).toMatchObject({
      id: "3",
      model: UNNAMED_MODEL,
    });
  });
});

describe("matchResponses", () => {
  it("pairs by id or question and reports the rest", () => {
    const { pairs, unmatched } = matchResponses(suite, responses);
    expect(pairs.map((p) => `${p.response.model}:${p.item.id}`)).toEqual([
      "fixture-model-a:gsm8k-1",
      "fixture-model-a:gsm8k-2",
      "fixture-model-a:gsm8k-3",
      "fixture-model-b:gsm8k-1",
      "fixture-model-b:gsm8k-3",
    ]);
    expect(unmatched).toEqual([
      { line: 6, reason: 'no item in "gsm8k.jsonl" matches this id "gsm8k-99"' },
      {
        line: 7,
        reason: 'a second response from fixture-model-a to item "gsm8k-1" (line 1 is scored)',
      },
    ]);
  });
});

describe("modelScores", () => {
  it("gives verdicts and totals per model", async () => {
    const { pairs, unmatched } = matchResponses(suite, responses);
    const runner = nodeVmRunner();
    const scored = [];
    for (const { item, response } of pairs) {
      scored.push({
        model: response.model,
        verdict: await scoreItem(item, response.response, runner),
      });
    }
    expect(scored).toHaveLength(5);
    expect(unmatched).toHaveLength(2);
    const [a, b] = modelScores(suite, scored);
    expect(a).toMatchObject({
      model: "fixture-model-a",
      items: 3,
      answered: 3,
      passed: 3,
      score: 1,
      missing: [],
    });
    expect(b).toMatchObject({
      model: "fixture-model-b",
      items: 3,
      answered: 2,
      passed: 1,
      missing: ["gsm8k-2"],
    });
    expect(b?.score).toBeCloseTo(1 / 3);
    expect(b?.verdicts.map((v) => [v.itemId, v.pass, v.reason])).toEqual([
      ["gsm8k-1", false, "expected 14, got 9"],
      ["gsm8k-3", true, "correct"],
    ]);
  });
});
