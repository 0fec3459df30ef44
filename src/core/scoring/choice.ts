/** Multiple choice: find the chosen option letter in free text and compare it. */
import type { ChoiceItem, Verdict } from "./types";

const LETTERS = "ABCDEFGHIJ";

/** The letters for `count` options: 4 gives ["A", "B", "C", "D"]. */
export function optionLetters(count: number): string[] {
  return LETTERS.slice(0, Math.max(0, Math.min(count, LETTERS.length))).split("");
}

/** The question, its lettered options and how to answer. */
export function formatChoicePrompt(question: string, options: readonly string[]): string {
  const letters = optionLetters(options.length);
  const lines = options.map((o, i) => `${letters[i]}. ${o.trim()}`);
  const list = `${letters.slice(0, -1).join(", ")} or ${letters[letters.length - 1]}`;
  return `${question.trim()}\n\n${lines.join("\n")}\n\nAnswer with the letter of the correct option (${list}).`;
}

/** Letters of all matches of `re` (group `letter`), kept when `keep` accepts the match. */
function matches(text: string, re: RegExp, allowed: string, keep: (m: RegExpExecArray) => boolean) {
  const found: string[] = [];
  for (const m of text.matchAll(re)) {
    const letter = m.groups?.["letter"]?.toUpperCase() ?? "";
    if (letter !== "" && allowed.includes(letter) && keep(m as RegExpExecArray)) found.push(letter);
  }
  return found;
}

const only = (letters: string[]): string | null =>
  new Set(letters).size === 1 ? letters[0]! : null;

const BARE = /^[\s*_([]*(?<letter>[A-Ja-j])[\s*_)\].:]*$/;
const MARKER =
  /\b(?:answer|option|choice)\b\**(?:\s+(?:is|would be|should be|=))?\s*[:=]?\s*\**\s*(?:option\s+|choice\s+)?(?<open>[*_([]*)(?<letter>[A-Ja-j])(?<close>[*_)\]]*)(?![\w'])/gi;
const LINE_START = /^[\s>]*(?:\*\*|__)?\(?(?<letter>[A-J])(?:\)|\.|:)(?!\w)/gm;
const PARENS = /\((?<letter>[A-Ja-j])\)/g;
const STANDALONE = /(?<![\w'’])(?<letter>[A-J])(?![\w'’])/g;

/**
 * The option letter an answer picks, or null when there is none or several conflict. In order:
 * the whole answer is a letter ("C", "(c)", "C)"); the last explicit marker ("The answer is C",
 * "Answer: (c)", "Option B"); a single letter opening a line ("**C.** Paris"); a single
 * parenthesised letter; a single standalone capital letter that is not the article "A" or the
 * pronoun "I" ("A good question…"); the answer being exactly one option's text.
 */
export function extractChoiceLetter(answer: string, options: readonly string[]): string | null {
  const allowed = optionLetters(options.length).join("");
  const text = answer.trim();
  const bare = BARE.exec(text)?.groups?.["letter"]?.toUpperCase();
  if (bare !== undefined && allowed.includes(bare)) return bare;

  const marked = matches(text, MARKER, allowed, (m) => {
    const g = m.groups ?? {};
    const after = text.slice(m.index + m[0].length);
    const upper = g["letter"] === g["letter"]?.toUpperCase();
    return (
      upper || g["open"] !== "" || (g["close"] ?? "").includes(")") || /^\s*([.,;!?]|$)/.test(after)
    );
  });
  if (marked.length > 0) return marked[marked.length - 1]!;

  const lineStart = only(matches(text, LINE_START, allowed, () => true));
  if (lineStart !== null) return lineStart;
  const parens = only(matches(text, PARENS, allowed, () => true));
  if (parens !== null) return parens;

  const standalone = only(
    matches(text, STANDALONE, allowed, (m) => {
      const after = text.slice(m.index + 1);
      // "A good question", "I think": a capital followed by a lower-case word is prose.
      return !(m[0] === "A" || m[0] === "I") || !/^\s+[a-z]/.test(after);
    }),
  );
  if (standalone !== null) return standalone;

  const norm = (s: string) => s.trim().replace(/\.$/, "").toLowerCase();
  const byText = options.flatMap((o, i) => (norm(o) === norm(text) ? [allowed[i] ?? ""] : []));
  return byText.length === 1 ? (byText[0] ?? null) : null;
}

/** Score an answer to a multiple-choice item: the extracted letter must equal the key. */
export function scoreChoiceItem(item: ChoiceItem, answer: string): Verdict {
  const expected = item.answer.trim().toUpperCase();
  const got = extractChoiceLetter(answer, item.options);
  if (got === null) {
    return { itemId: item.id, pass: false, score: 0, reason: "no single option letter found" };
  }
  const pass = got === expected;
  const reason = pass ? "correct" : `expected ${expected}, got ${got}`;
  return { itemId: item.id, pass, score: pass ? 1 : 0, reason, extracted: got };
}
