/**
 * Words and sentences as IFEval counts them. IFEval uses NLTK: `RegexpTokenizer(r"\w+")` for
 * words (ported exactly), the pre-trained Punkt model for sentences and the Treebank tokenizer
 * for all-capital words (both approximated by rules here; the differences are noted below).
 */
import { PY_WORD, PY_WS, isPyWhitespace, pyIsUpper } from "./python-text";

const WORD = new RegExp(`[${PY_WORD}]+`, "gu");

/** IFEval `count_words`: the number of runs of Python word characters. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

// Punkt's "non-word" characters: after one of these a sentence end needs no following space.
const NON_WORD = new Set([...")\";}]*:@'({[!?"]);
// Abbreviations after which Punkt never breaks (a name follows).
const TITLES = new Set(["mr", "mrs", "ms", "dr", "prof", "st", "mt", "rev", "gen", "sen", "rep"]);
TITLES.add("gov").add("lt").add("col").add("sgt").add("capt").add("hon").add("messrs");
// Abbreviations Punkt learned from its English corpus; a capitalised word after one starts a sentence.
const ABBREVIATIONS = new Set(
  (
    "e.g i.e etc vs al approx inc ltd co corp jr sr no nos vol fig figs ch sec p pp est dept " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun a.m p.m u.s"
  ).split(" "),
);
// Capitalised words that start sentences; after an initial ("A.", "J.") only these break.
const STARTERS = new Set(
  (
    "the a an it this that these those he she they we i you in on at for if but and so then " +
    "however there here his her its their our my your as when while after before also each " +
    "one some all no not what which who why how to with from by"
  ).split(" "),
);
const NUMBER = /^-?[.,]?\p{Nd}[\p{Nd},.-]*$/u;
const INITIAL = /^[\p{L}_]$/u;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const REALIGN = new RegExp(`^["')\\]}]+?(?:[${PY_WS}]+|(?=--)|$)`);

/**
 * Sentences as NLTK Punkt (`english.pickle`) would count them, by rule. Exact where Punkt is
 * rule-driven: `?` and `!` always end a sentence, a period after an ordinary word does, a period
 * needs a following space or closing punctuation, line breaks alone never do, trailing closing
 * quotes and brackets stay with their sentence. Approximated where Punkt uses statistics learned
 * from its corpus: a fixed list of abbreviations; initials, numbers and ellipses break only before
 * a capitalised word (initials: only a common sentence starter, since names follow initials).
 */
export function countSentences(text: string): number {
  const n = text.length;
  const slices: [number, number][] = [];
  let lastBreak = 0;
  for (const m of text.matchAll(/[.?!]+/g)) {
    const end = m.index + m[0].length;
    const after = text[end];
    let next = end;
    if (isPyWhitespace(after)) {
      while (next < n && isPyWhitespace(text[next])) next++;
      if (next >= n) continue;
    } else if (after === undefined || !NON_WORD.has(after)) {
      continue;
    }
    if (!endsSentence(text, m.index, m[0], next)) continue;
    slices.push([lastBreak, end]);
    lastBreak = next;
  }
  slices.push([lastBreak, n]);
  return realignedCount(text, slices);
}

/** Punkt's verdict on the punctuation run `run` at `start`, followed by a token at `next`. */
function endsSentence(text: string, start: number, run: string, next: number): boolean {
  if (/[?!]/.test(run)) return true;
  const nextWord = /^[^\s.,;:!?)"'\]}]*/u.exec(text.slice(next, next + 40))?.[0] ?? "";
  const upper = UPPER_START.test(nextWord);
  if (run.length > 1) return upper; // an ellipsis
  const word = wordBefore(text, start);
  if (word === "") return true;
  const lower = word.toLowerCase();
  const tail = lower.split("-").pop() ?? lower;
  if (TITLES.has(lower) || TITLES.has(tail)) return false;
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(tail) || lower.includes(".")) return upper;
  if (INITIAL.test(word)) return upper && STARTERS.has(nextWord.toLowerCase());
  if (NUMBER.test(word)) return !LOWER_START.test(nextWord);
  return true;
}

/** The Punkt word token the period at `end` closes, without leading punctuation. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && !isPyWhitespace(text[i - 1]) && !NON_WORD.has(text[i - 1] ?? "")) i--;
  return text.slice(i, end).replace(/^[`&#*@\-,:;]+/, "");
}

/** Punkt's `_realign_boundaries`, counting the non-empty sentences it yields. */
function realignedCount(text: string, slices: [number, number][]): number {
  let count = 0;
  let realign = 0;
  for (let i = 0; i < slices.length; i++) {
    const [start, end] = slices[i]!;
    const next = slices[i + 1];
    const from = start + realign;
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

// Treebank rules that split a chunk between two letters; other splits cannot change a count of
// all-capital words, since punctuation is uncased.
const SEPARATORS = new RegExp(`[${PY_WS};@#$%&?!*[\\](){}<>"]+|--|\\.{3}|[:,](?!\\p{Nd})`, "u");
const CLITIC = /^(.*[^' ])('[sSmMdD]|'ll|'LL|'re|'RE|'ve|'VE|n't|N'T)$/;
const FUSED =
  /^(?:(can)(not)|(d)('ye)|(gim)(me)|(gon)(na)|(got)(ta)|(lem)(me)|(more)('n)|(wan)(na)|('t)(is)|('t)(was))$/i;

/**
 * Words as NLTK `word_tokenize` (Treebank) splits them, as far as letters go: spaces, brackets,
 * quotes and most punctuation separate; hyphens, slashes and inner periods do not; clitics split
 * off ("DON'T" is "DO" + "N'T"), as do "cannot", "gonna" and the like.
 */
export function treebankWords(text: string): string[] {
  const words: string[] = [];
  for (const chunk of text.split(SEPARATORS)) {
    if (chunk === "") continue;
    const bare = chunk.replace(/\.+$/, "");
    const fused = FUSED.exec(bare);
    const clitic = fused ? null : CLITIC.exec(bare);
    if (fused) words.push(...fused.slice(1).filter((g): g is string => g !== undefined));
    else if (clitic) words.push(clitic[1]!, clitic[2]!);
    else words.push(chunk);
  }
  return words;
}

/** Words in all capitals (`str.isupper()`), as IFEval's `capital_word_frequency` counts them. */
export function countCapitalWords(text: string): number {
  return treebankWords(text).filter(pyIsUpper).length;
}
