import { describe, expect, it } from "vitest";
import type { ScoreReport } from "../scoring/protocol";
import { paginate, verdictRows } from "./verdict-rows";

const verdict = (itemId: string, pass: boolean) => ({
  itemId,
  pass,
  score: pass ? 1 : 0,
  reason: "",
});
const model = (name: string, passes: boolean[]) => ({
  model: name,
  items: passes.length,
  answered: passes.length,
  passed: passes.filter(Boolean).length,
  score: 0,
  missing: [],
  verdicts: passes.map((p, i) => verdict(`q${i + 1}`, p)),
});
const report: ScoreReport = {
  suiteId: "s",
  suiteName: "s",
  lines: 5,
  scored: 5,
  unmatched: [],
  models: [model("a", [true, false, true]), model("b", [false, false])],
};

describe("verdictRows", () => {
  it("lists every model's verdicts, or one model's, or only failures", () => {
    const all = verdictRows(report, { model: "", failuresOnly: false });
    expect(all.map((r) => `${r.model}/${r.itemId}`)).toEqual([
      "a/q1",
      "a/q2",
      "a/q3",
      "b/q1",
      "b/q2",
    ]);
    const failures = verdictRows(report, { model: "", failuresOnly: true });
    expect(failures.map((r) => `${r.model}/${r.itemId}`)).toEqual(["a/q2", "b/q1", "b/q2"]);
    const b = verdictRows(report, { model: "b", failuresOnly: false });
    expect(b.every((r) => r.model === "b" && r.extracted === "")).toBe(true);
  });
});

describe("paginate", () => {
  const list = Array.from({ length: 23 }, (_, i) => i);
  it("cuts pages and says which rows they show", () => {
    expect(paginate(list, 0, 10)).toMatchObject({ page: 0, pages: 3, from: 1, to: 10, total: 23 });
    const last = paginate(list, 2, 10);
    expect(last.rows).toEqual([20, 21, 22]);
    expect(last).toMatchObject({ from: 21, to: 23 });
  });
  it("clamps pages out of range and handles an empty list", () => {
    expect(paginate(list, 9, 10).page).toBe(2);
    expect(paginate(list, -1, 10).page).toBe(0);
    expect(paginate([], 0, 10)).toMatchObject({ rows: [], page: 0, pages: 1, from: 0, to: 0 });
  });
});
