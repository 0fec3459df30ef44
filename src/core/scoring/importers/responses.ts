/** Responses files: model answers produced elsewhere, scored here without a GPU. */
import type { Suite, SuiteItem } from "../types";
import { Fields, malformed, parseJsonLines } from "./lines";
import { ResponseIndex } from "./response-index";

export const UNNAMED_MODEL = "unnamed model";

export interface ResponseLine {
  line: number;
  /** The item's id (`id`, `task_id` or `key`), when the line names one. */
  id?: string;
  /** The item's whole prompt, when the line gives it (`prompt`). */
  prompt?: string;
  /** The item's question text, when the line gives it (`question`). */
  question?: string;
  /** The item's options (`options` or `choices`), telling apart questions asked twice. */
  options?: string[];
  response: string;
  model: string;
}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");

/**
 * Lines of a responses JSONL file: an item reference (id, or prompt and/or question with
 * optional options), `response` or `completion`, optional `model`.
 */
export function parseResponses(text: string): ResponseLine[] {
  return parseJsonLines(text).map(({ value, line }) => {
    const f = new Fields(value, line);
    const idKey = ["id", "task_id", "key"].find((k) => f.has(k));
    if (idKey === undefined && !f.has("prompt") && !f.has("question")) {
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
    const prompt = f.optionalString("prompt");
    if (prompt !== undefined) out.prompt = prompt;
    const question = f.optionalString("question");
    if (question !== undefined) out.question = question;
    const options = ["options", "choices"].map((k) => value[k]).find(isStringList);
    if (options !== undefined) out.options = options;
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

/**
 * Pairs responses with items one line at a time (by id, else through a `ResponseIndex` of the
 * suite's texts), so a caller can match a long file in slices and stop between them.
 */
export class ResponseMatcher {
  readonly pairs: ResponseMatch[] = [];
  readonly unmatched: UnmatchedResponse[] = [];
  readonly #suite: Suite;
  readonly #byId: Map<string, SuiteItem>;
  #index: ResponseIndex | null = null;
  /** `[model, item id]` → the line scored for it. */
  readonly #taken = new Map<string, number>();

  constructor(suite: Suite) {
    this.#suite = suite;
    this.#byId = new Map(suite.items.map((item) => [item.id, item]));
  }

  /** Match one line: it joins `pairs`, or `unmatched` with the reason. */
  add(response: ResponseLine): void {
    const key = (item: SuiteItem) => JSON.stringify([response.model, item.id]);
    let item = response.id !== undefined ? this.#byId.get(response.id) : undefined;
    if (item === undefined && (response.prompt !== undefined || response.question !== undefined)) {
      // Built on the first line that names its item by text: files keyed by id never pay for it.
      this.#index ??= new ResponseIndex(this.#suite);
      const found = this.#index.lookup(response);
      if (found.found === "one") item = found.item;
      else if (found.found === "same") {
        // The same question asked twice: each response answers the next one not yet answered.
        item = found.items.find((i) => !this.#taken.has(key(i))) ?? found.items[0];
      } else if (found.found === "ambiguous") {
        this.unmatched.push({
          line: response.line,
          reason:
            `${found.count} items of "${this.#suite.name}" ask this question with different ` +
            `options; give the item's id, its whole "prompt" or its "options"`,
        });
        return;
      }
    }
    if (item === undefined) {
      const what = response.id !== undefined ? `id "${response.id}"` : "prompt";
      this.unmatched.push({
        line: response.line,
        reason: `no item in "${this.#suite.name}" matches this ${what}`,
      });
      return;
    }
    const first = this.#taken.get(key(item));
    if (first !== undefined) {
      this.unmatched.push({
        line: response.line,
        reason: `a second response from ${response.model} to item "${item.id}" (line ${first} is scored)`,
      });
      return;
    }
    this.#taken.set(key(item), response.line);
    this.pairs.push({ item, response });
  }
}

/** Pair each response with its item (by id, else text); report lines that match none or repeat one. */
export function matchResponses(
  suite: Suite,
  responses: ResponseLine[],
): { pairs: ResponseMatch[]; unmatched: UnmatchedResponse[] } {
  const matcher = new ResponseMatcher(suite);
  for (const response of responses) matcher.add(response);
  return { pairs: matcher.pairs, unmatched: matcher.unmatched };
}
