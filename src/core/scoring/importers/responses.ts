/** Responses files: model answers produced elsewhere, scored here without a GPU. */
import type { Suite, SuiteItem } from "../types";
import { Fields, malformed, parseJsonLines } from "./lines";

export const UNNAMED_MODEL = "unnamed model";

export interface ResponseLine {
  line: number;
  /** The item's id (`id`, `task_id` or `key`), when the line names one. */
  id?: string;
  /** The item's exact prompt or question, when the line names it that way. */
  prompt?: string;
  response: string;
  model: string;
}

/** Lines of a responses JSONL file: an item reference, `response` or `completion`, optional `model`. */
export function parseResponses(text: string): ResponseLine[] {
  return parseJsonLines(text).map(({ value, line }) => {
    const f = new Fields(value, line);
    const idKey = ["id", "task_id", "key"].find((k) => f.has(k));
    const promptKey = ["prompt", "question"].find((k) => f.has(k));
    if (idKey === undefined && promptKey === undefined) {
      throw malformed(line, 'missing field "id" (or "task_id", "key", "prompt", "question")');
    }
    const responseKey = f.has("response")
      ? "response"
      : f.has("completion")
        ? "completion"
        : undefined;
    if (responseKey === undefined)
      throw malformed(line, 'missing field "response" (or "completion")');
    const out: ResponseLine = { line, response: f.string(responseKey), model: UNNAMED_MODEL };
    if (idKey !== undefined) out.id = f.id(idKey);
    if (promptKey !== undefined) out.prompt = f.string(promptKey);
    const model = f.optionalString("model")?.trim();
    if (model) out.model = model;
    return out;
  });
}

export interface ResponseMatch {
  item: SuiteItem;
  response: ResponseLine;
}

export interface UnmatchedResponse {
  line: number;
  reason: string;
}

/** True when `text` is the item's prompt, its question, or the question its prompt starts with. */
function asksThis(item: SuiteItem, text: string): boolean {
  const t = text.trim();
  const prompt = item.prompt.trim();
  if (prompt === t || (item.kind === "choice" && item.question.trim() === t)) return true;
  // Imported questions gain an answer-format instruction after a blank line.
  return t !== "" && prompt.startsWith(`${t}\n`);
}

/** Pair each response with its item (by id, else prompt); report lines that match none or repeat one. */
export function matchResponses(
  suite: Suite,
  responses: ResponseLine[],
): { pairs: ResponseMatch[]; unmatched: UnmatchedResponse[] } {
  const byId = new Map(suite.items.map((item) => [item.id, item]));
  const pairs: ResponseMatch[] = [];
  const unmatched: UnmatchedResponse[] = [];
  const taken = new Map<string, number>();
  for (const response of responses) {
    const item =
      (response.id !== undefined ? byId.get(response.id) : undefined) ??
      (response.prompt !== undefined
        ? suite.items.find((i) => asksThis(i, response.prompt ?? ""))
        : undefined);
    if (item === undefined) {
      const what = response.id !== undefined ? `id "${response.id}"` : "prompt";
      unmatched.push({
        line: response.line,
        reason: `no item in "${suite.name}" matches this ${what}`,
      });
      continue;
    }
    const key = JSON.stringify([response.model, item.id]);
    const first = taken.get(key);
    if (first !== undefined) {
      unmatched.push({
        line: response.line,
        reason: `a second response from ${response.model} to item "${item.id}" (line ${first} is scored)`,
      });
      continue;
    }
    taken.set(key, response.line);
    pairs.push({ item, response });
  }
  return { pairs, unmatched };
}
