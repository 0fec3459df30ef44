/** Scores per model: a model's verdicts over a suite and its totals. */
import type { Suite, Verdict } from "../types";

export interface ModelScore {
  model: string;
  /** One verdict per answered item, in suite order. */
  verdicts: Verdict[];
  /** Items in the suite. */
  items: number;
  answered: number;
  passed: number;
  /** Mean score over all suite items; unanswered items count as 0. */
  score: number;
  /** Ids of suite items this model has no response for. */
  missing: string[];
}

/** One scored answer: whose it is and its verdict. */
export interface ScoredAnswer {
  model: string;
  verdict: Verdict;
}

/** Verdicts grouped by model (first-seen order), each in suite order, with its totals. */
export function modelScores(suite: Suite, scored: readonly ScoredAnswer[]): ModelScore[] {
  const order = new Map(suite.items.map((item, i) => [item.id, i]));
  const groups = new Map<string, Verdict[]>();
  for (const { model, verdict } of scored) {
    const list = groups.get(model);
    if (list) list.push(verdict);
    else groups.set(model, [verdict]);
  }
  return [...groups].map(([model, list]): ModelScore => {
    list.sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
    const answered = new Set(list.map((v) => v.itemId));
    const total = list.reduce((s, v) => s + v.score, 0);
    return {
      model,
      verdicts: list,
      items: suite.items.length,
      answered: list.length,
      passed: list.filter((v) => v.pass).length,
      score: suite.items.length === 0 ? 0 : total / suite.items.length,
      missing: suite.items.filter((i) => !answered.has(i.id)).map((i) => i.id),
    };
  });
}
