/** Scoring a responses file against a suite: verdicts and totals per model. */
import { scoreItem, type ScoreOptions } from "../score-item";
import type { CodeRunner, Suite, Verdict } from "../types";
import { matchResponses, type ResponseLine, type UnmatchedResponse } from "./responses";

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

export interface ResponsesReport {
  models: ModelScore[];
  unmatched: UnmatchedResponse[];
}

/** Score every matched response (one at a time: code runs in one sandbox), grouped by model. */
export async function scoreResponses(
  suite: Suite,
  responses: ResponseLine[],
  runner: CodeRunner,
  options: ScoreOptions & { onProgress?: (done: number, total: number) => void } = {},
): Promise<ResponsesReport> {
  const { pairs, unmatched } = matchResponses(suite, responses);
  const order = new Map(suite.items.map((item, i) => [item.id, i]));
  const byModel = new Map<string, { id: string; verdict: Verdict }[]>();
  let done = 0;
  for (const { item, response } of pairs) {
    const verdict = await scoreItem(item, response.response, runner, options);
    const list = byModel.get(response.model) ?? [];
    list.push({ id: item.id, verdict });
    byModel.set(response.model, list);
    options.onProgress?.(++done, pairs.length);
  }
  const models = [...byModel].map(([model, list]): ModelScore => {
    list.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const verdicts = list.map((l) => l.verdict);
    const answeredIds = new Set(list.map((l) => l.id));
    const total = verdicts.reduce((s, v) => s + v.score, 0);
    return {
      model,
      verdicts,
      items: suite.items.length,
      answered: verdicts.length,
      passed: verdicts.filter((v) => v.pass).length,
      score: suite.items.length === 0 ? 0 : total / suite.items.length,
      missing: suite.items.filter((i) => !answeredIds.has(i.id)).map((i) => i.id),
    };
  });
  return { models, unmatched };
}
