/** Math word problems: extract the final answer, normalise it, compare numerically. */
import type { MathItem, Verdict } from "./types";
import { extractMathAnswer } from "./math-extract";
import { numbersMatch, parseMathNumber, showNumber } from "./math-number";

export const MATH_INSTRUCTION =
  'Solve the problem step by step. End with a last line of the form "Answer: N" where N is the final number.';

/** The prompt for a math question: the question, then how to state the final answer. */
export function formatMathPrompt(question: string): string {
  return `${question.trim()}\n\n${MATH_INSTRUCTION}`;
}

/** Text comparison for expected answers that are not numbers ("x+1"): case, spaces, $ ignored. */
function plain(s: string): string {
  return s
    .toLowerCase()
    .replace(/\\text\{([^{}]*)\}/g, "$1")
    .replace(/[\s$]|\\[,!]/g, "")
    .replace(/\.$/, "");
}

/** Score a free-text answer to a math item (relative tolerance 1e-6). */
export function scoreMathItem(item: MathItem, answer: string): Verdict {
  const base = { itemId: item.id };
  const found = extractMathAnswer(answer);
  if (found === null) {
    return { ...base, pass: false, score: 0, reason: "no final answer found" };
  }
  const expected = parseMathNumber(item.answer);
  const got = parseMathNumber(found.text);
  const extracted = found.text;
  const details = { source: found.source };
  if (expected === null) {
    const pass = plain(found.raw) === plain(item.answer);
    const reason = pass ? "correct" : `expected ${item.answer}, got ${found.raw}`;
    return { ...base, pass, score: pass ? 1 : 0, reason, extracted: found.raw, details };
  }
  if (got === null) {
    return { ...base, pass: false, score: 0, reason: `could not read "${found.text}"`, extracted };
  }
  const pass = numbersMatch(expected, got);
  const reason = pass ? "correct" : `expected ${showNumber(expected)}, got ${showNumber(got)}`;
  return { ...base, pass, score: pass ? 1 : 0, reason, extracted, details };
}
