import { describe, expect, it } from "vitest";
import type { ScoreReport } from "../scoring/protocol";
import { describeSelfTest, fileStem, modelsCsv, resultsJson, verdictsCsv } from "./results-export";

const report: ScoreReport = {
  suiteId: "s",
  suiteName: "Suite",
  lines: 4,
  scored: 3,
  unmatched: [{ line: 4, reason: "no item matches" }],
  models: [
    {
      model: "a",
      items: 2,
      answered: 2,
      passed: 1,
      score: 0.5,
      missing: [],
      verdicts: [
        { itemId: "q1", pass: true, score: 1, reason: "ok", extracted: "42" },
        { itemId: "q2", pass: false, score: 0, reason: 'expected 7, got "8, or 9"' },
      ],
    },
    {
      model: "b",
      items: 2,
      answered: 1,
      passed: 0,
      score: 1 / 3,
      missing: ["q2"],
      instruction: {
        prompts: 1,
        instructions: 3,
        promptStrict: 0,
        instStrict: 1 / 3,
        promptLoose: 1,
        instLoose: 1,
        byInstruction: {},
      },
      verdicts: [{ itemId: "q1", pass: false, score: 1 / 3, reason: "missed" }],
    },
  ],
};

describe("results export", () => {
  it("writes every verdict as a CSV row, quoting what needs it", () => {
    const lines = verdictsCsv(report).split("\r\n");
    expect(lines[0]).toBe("model,item_id,pass,score,reason,extracted");
    expect(lines[1]).toBe("a,q1,true,1,ok,42");
    expect(lines[2]).toBe('a,q2,false,0,"expected 7, got ""8, or 9""",');
    expect(lines[3]).toBe("b,q1,false,0.3333,missed,");
    expect(lines).toHaveLength(5); // header, 3 rows, trailing empty
  });

  it("writes one CSV row per model with IFEval figures where there are some", () => {
    const lines = modelsCsv(report).trim().split("\r\n");
    expect(lines[1]).toBe("a,0.5,1,2,2,0,,,,");
    expect(lines[2]).toBe("b,0.3333,0,1,2,1,0,0.3333,1,1");
  });

  it("keeps everything in the JSON, with what was scored and how long it took", () => {
    const doc = JSON.parse(
      resultsJson(report, {
        fileName: "r.jsonl",
        scoredAt: "2025-01-01T00:00:00.000Z",
        durationMs: 8421.4,
      }),
    );
    expect(doc.suite).toEqual({ id: "s", name: "Suite" });
    expect(doc.responses).toEqual({ file: "r.jsonl", lines: 4, scored: 3 });
    expect(doc.durationMs).toBe(8421);
    expect(doc.models[1].ifeval.instStrict).toBeCloseTo(1 / 3);
    expect(doc.models[0].ifeval).toBeUndefined();
    expect(doc.models[0].verdicts[0].extracted).toBe("42");
    expect(doc.unmatched).toEqual(report.unmatched);
  });
});

describe("describeSelfTest", () => {
  it("counts passing references and failing wrong solutions", () => {
    const ok = { total: 29, passed: 29, misses: [] };
    const text = describeSelfTest({
      suiteId: "s",
      references: ok,
      wrongs: { total: 29, failed: 29, misses: [] },
    });
    expect(text).toBe("references passed 29/29 (100%), wrong solutions failed 29/29 (100%)");
    const partial = describeSelfTest({
      suiteId: "s",
      references: { total: 3, passed: 2, misses: [{ itemId: "x", reason: "boom" }] },
      wrongs: { total: 0, failed: 0, misses: [] },
    });
    expect(partial).toBe("references passed 2/3 (66.7%)");
  });
});

describe("fileStem", () => {
  it("makes a safe file name from a suite or file name", () => {
    expect(fileStem("Code (JavaScript)")).toBe("code-javascript");
    expect(fileStem("humaneval_js.jsonl.gz")).toBe("humaneval-js");
    expect(fileStem("!!!")).toBe("suite");
  });
});
