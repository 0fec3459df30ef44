/**
 * Sentence counting by NLTK's Punkt (the `sent_tokenize` of NLTK 3.9, which IFEval's
 * `count_sentences` calls), ported step by step: candidate breaks, the word tokenizer, both
 * annotation passes and the realignment of closing quotes and brackets. What cannot be ported is
 * the model Punkt learned from its corpus; `punkt-params.ts` stands in for it.
 */
import { ABBREVIATIONS, COMMON_WORDS } from "./punkt-params";
import { PY_WS, pyIsLower, pyIsUpper, pyRstrip, pyStrip } from "./python-text";

const WS = `[${PY_WS}]`;
const NOT_WS = `[^${PY_WS}]`;
const NON_WORD = `[)";}\\]*:@'({\\[?!]`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${WS}){2,}\\.)`;
const WORD_START = '[^("`{\\[:;&#*@)}\\]\\-,]';
const WORD_END = `(?=${WS}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${WS}|${NON_WORD}|${MULTI_CHAR}))`;
const WORD_TOKEN = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${NOT_WS}+?${WORD_END}|${NOT_WS}`,
  "g",
);
const PERIOD_CONTEXT = new RegExp(`[.?!](?=(?<after>${NON_WORD}|${WS}+(?<next>${NOT_WS}+)))`, "g");
const REALIGN = new RegExp(`^["')\\]}]+?(?:${WS}+|(?=--)|(?=\\n)|$)`);
const NUMERIC = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const INITIAL = /^[\p{L}\p{Nl}\p{No}_]\.$/u;
const ELLIPSIS = /^\.\.+$/;
const ASCII_WS = new Set([" ", "\t", "\n", "\r", "\x0b", "\x0c"]);
const PUNCTUATION = new Set([";", ":", ",", ".", "!", "?"]);

interface Token {
  tok: string;
  type: string;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

function token(tok: string): Token {
  const type = NUMERIC.test(tok) ? "##number##" : tok.toLowerCase();
  return { tok, type, sentbreak: false, abbr: false, ellipsis: false };
}

const typeNoPeriod = (t: Token) =>
  t.type.length > 1 && t.type.endsWith(".") ? t.type.slice(0, -1) : t.type;
const typeNoSentPeriod = (t: Token) => (t.sentbreak ? typeNoPeriod(t) : t.type);
const firstChar = (t: Token) => String.fromCodePoint(t.tok.codePointAt(0) ?? 0);

/** Punkt `_tokenize_words`: the word tokens of each non-blank line. */
function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  for (const line of text.split("\n")) {
    if (pyStrip(line) === "") continue;
    for (const [tok] of line.matchAll(WORD_TOKEN)) tokens.push(token(tok));
  }
  return tokens;
}

function firstPass(t: Token): void {
  const tok = t.tok;
  if (tok === "." || tok === "?" || tok === "!") t.sentbreak = true;
  else if (ELLIPSIS.test(tok)) t.ellipsis = true;
  else if (tok.endsWith(".") && !tok.endsWith("..")) {
    const stem = tok.slice(0, -1).toLowerCase();
    if (ABBREVIATIONS.has(stem) || ABBREVIATIONS.has(stem.split("-").pop() ?? "")) t.abbr = true;
    else t.sentbreak = true;
  }
}

/** Punkt's orthographic heuristic, with common words standing in for its learned context. */
function orthoHeuristic(t: Token): boolean | "unknown" {
  if (PUNCTUATION.has(t.tok)) return false;
  const first = firstChar(t);
  if (pyIsUpper(first) && COMMON_WORDS.has(typeNoSentPeriod(t))) return true;
  if (pyIsLower(first)) return false;
  return "unknown";
}

function secondPass(t1: Token, t2: Token): void {
  if (!t1.tok.endsWith(".")) return;
  const typ = typeNoPeriod(t1);
  const nextType = typeNoSentPeriod(t2);
  const initial = INITIAL.test(t1.tok);
  const nextUpper = pyIsUpper(firstChar(t2));
  if ((t1.abbr || t1.ellipsis) && !initial) {
    if (orthoHeuristic(t2) === true || (nextUpper && COMMON_WORDS.has(nextType))) {
      t1.sentbreak = true;
      return;
    }
  }
  if (initial || typ === "##number##") {
    const starter = orthoHeuristic(t2);
    if (
      starter === false ||
      (starter === "unknown" && initial && nextUpper && !COMMON_WORDS.has(nextType))
    ) {
      t1.sentbreak = false;
      t1.abbr = true;
    }
  }
}

/** Punkt `text_contains_sentbreak`: some token but the last ends a sentence. */
function containsSentbreak(context: string): boolean {
  const tokens = tokenizeWords(context);
  tokens.forEach(firstPass);
  for (let i = 0; i + 1 < tokens.length; i++) {
    secondPass(tokens[i]!, tokens[i + 1]!);
    if (tokens[i]!.sentbreak) return true;
  }
  return false;
}

/** Punkt `_get_last_whitespace_index`: 0 when there is none (and when it is at 0). */
function lastWhitespace(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (ASCII_WS.has(text[i]!)) return i - from;
  return 0;
}

/** Punkt `_slices_from_text`: [start, end) of each sentence before realignment. */
function slices(text: string): [number, number][] {
  const out: [number, number][] = [];
  let lastBreak = 0;
  let prev: { m: RegExpExecArray; start: number; stop: number } | null = null;
  const consider = (p: { m: RegExpExecArray; start: number; stop: number }) => {
    const after = p.m.groups?.["after"] ?? "";
    if (!containsSentbreak(text.slice(p.start, p.stop) + p.m[0] + after)) return;
    out.push([lastBreak, p.m.index + 1]);
    const next = p.m.groups?.["next"];
    lastBreak = next ? p.m.index + 1 + after.length - next.length : p.m.index + 1;
  };
  for (const m of text.matchAll(PERIOD_CONTEXT)) {
    const from: number = prev?.stop ?? 0;
    const space = lastWhitespace(text, from, m.index);
    const start: number = space ? space + from + 1 : (prev?.start ?? 0);
    // Several marks in a row ("?!", "...") share one word: only the last one is considered.
    if (prev && prev.stop <= start) consider(prev);
    prev = { m, start, stop: m.index };
  }
  if (prev) consider(prev);
  // The last sentence stops before trailing whitespace.
  out.push([lastBreak, pyRstrip(text).length]);
  return out;
}

/**
 * Sentences in `text` as NLTK Punkt counts them. The mechanics are Punkt's own; the English
 * model is approximated by a list of abbreviations and of common words, so texts with rare
 * abbreviations, initials or ellipses can be counted differently from NLTK.
 */
export function countSentences(text: string): number {
  const parts = slices(text);
  let count = 0;
  let realign = 0;
  for (let i = 0; i < parts.length; i++) {
    const [start, end] = parts[i]!;
    const from = start + realign;
    const next = parts[i + 1];
    if (next === undefined) {
      if (end > from) count++;
      continue;
    }
    const m = REALIGN.exec(text.slice(next[0], next[1]));
    if (m) {
      count++;
      realign = m[0].length;
    } else {
      realign = 0;
      if (end > from) count++;
    }
  }
  return count;
}
