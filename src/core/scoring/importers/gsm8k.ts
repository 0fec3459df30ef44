/** GSM8K JSONL: `question`, and `answer` holding a worked solution that ends "#### N". */
import { formatMathPrompt } from "../math";
import type { MathItem } from "../types";
import { Fields, parseJsonLines } from "./lines";

/** Math items from GSM8K JSONL; the id is the line number ("gsm8k-7"). */
export function parseGsm8k(text: string): MathItem[] {
  return parseJsonLines(text).map(({ value, line }) => {
    const f = new Fields(value, line);
    const question = f.string("question");
    const worked = f.string("answer");
    const at = worked.lastIndexOf("####");
    if (at === -1) throw f.fail('field "answer" has no final "#### N" line');
    const final = worked
      .slice(at + 4)
      .trim()
      .replace(/,/g, "");
    if (final === "") throw f.fail('field "answer" has nothing after "####"');
    const item: MathItem = {
      id: `gsm8k-${line}`,
      kind: "math",
      domain: "math",
      prompt: formatMathPrompt(question),
      answer: final,
    };
    const solution = worked.slice(0, at).trim();
    if (solution !== "") item.solution = solution;
    return item;
  });
}
