/** One entry point for scoring any suite item. */
import type { CodeRunner, SuiteItem, Verdict } from "./types";
import { scoreChecksItem } from "./checks";
import { scoreChoiceItem } from "./choice";
import { scoreCodeItem } from "./code";
import { scoreInstructionItem } from "./ifeval/index";
import { scoreMathItem } from "./math";
import { stripThinking } from "./text";

export interface ScoreOptions {
  /** Time limit for running code or a predicate. */
  timeoutMs?: number;
}

/**
 * Score `answer` on `item`. Reasoning traces (`<think>…</think>`) are dropped first: only the
 * visible answer counts. Code and predicates run through `runner`; a runner that cannot run
 * at all rejects rather than failing the item.
 */
export async function scoreItem(
  item: SuiteItem,
  answer: string,
  runner: CodeRunner,
  options: ScoreOptions = {},
): Promise<Verdict> {
  const visible = stripThinking(answer);
  switch (item.kind) {
    case "math":
      return scoreMathItem(item, visible);
    case "choice":
      return scoreChoiceItem(item, visible);
    case "code":
      return scoreCodeItem(item, visible, runner, options);
    case "instruction":
      return scoreInstructionItem(item, visible);
    case "checks":
      return scoreChecksItem(item, visible, runner, options);
  }
}
