/** Finding the final answer in a worked solution. */
import { NUMBER_TOKEN } from "./math-number";

export type MathAnswerSource = "hashes" | "boxed" | "marker" | "last-number";

export interface MathAnswer {
  /** The answer as written ("$1,234", "\frac{3}{4}", "45%"). */
  text: string;
  source: MathAnswerSource;
  /** The whole boxed content or marked line, for answers that are not numbers ("x+1"). */
  raw: string;
}

interface Found {
  text: string;
  at: number;
  source: MathAnswerSource;
}

/** Content of every `\boxed{…}` / `\fbox{…}`, with nested braces balanced. */
function boxedContents(text: string): Found[] {
  const found: Found[] = [];
  const start = /\\(?:boxed|fbox)\s*\{/g;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") depth--;
    }
    if (depth === 0) {
      found.push({ text: text.slice(m.index + m[0].length, i - 1), at: m.index, source: "boxed" });
    }
  }
  return found;
}

/** The last GSM8K-style `#### 42` line. */
function hashAnswers(text: string): Found[] {
  return [...text.matchAll(/####\s*([^\n]+)/g)].map((m) => ({
    text: m[1] ?? "",
    at: m.index,
    source: "hashes" as const,
  }));
}

/** Text after "The answer is", "Final answer:", "Answer =" or a line starting "A:". */
function markerAnswers(text: string): Found[] {
  const marker =
    /\b(?:final\s+answer|answer)\b\**\s*(?:is\b|was\b|=|:)\s*\**\s*:?\s*\**|^\s*\**A\s*:\**/gim;
  return [...text.matchAll(marker)].map((m) => {
    const from = m.index + m[0].length;
    const end = text.indexOf("\n", from);
    const rest = text.slice(from, end === -1 ? undefined : end);
    return { text: rest, at: m.index, source: "marker" as const };
  });
}

function firstNumber(text: string): string | null {
  const m = [...text.matchAll(NUMBER_TOKEN)][0];
  return m ? m[0].trim() : null;
}

function lastWithNumber(found: Found[]): MathAnswer | null {
  for (const f of [...found].reverse()) {
    const n = firstNumber(f.text);
    if (n !== null) return { text: n, source: f.source, raw: f.text.trim() };
  }
  return null;
}

/**
 * The final answer of a worked solution, by precedence:
 * 1. `#### N` or `\boxed{N}` (the last of either);
 * 2. an explicit marker ("the answer is N", "Answer: N", a line "A: N"), the last one;
 * 3. otherwise the last number in the text.
 * So an explicit marker beats a later bare number ("The answer is 5. Wait, actually 6" gives 5),
 * while a later explicit marker corrects an earlier one ("answer is 5… so the answer is 6" gives 6).
 */
export function extractMathAnswer(answer: string): MathAnswer | null {
  const strong = [...hashAnswers(answer), ...boxedContents(answer)].sort((a, b) => a.at - b.at);
  const found = lastWithNumber(strong) ?? lastWithNumber(markerAnswers(answer));
  if (found !== null) return found;
  const all = [...answer.matchAll(NUMBER_TOKEN)];
  const last = all[all.length - 1];
  if (!last) return null;
  return { text: last[0].trim(), source: "last-number", raw: last[0].trim() };
}
