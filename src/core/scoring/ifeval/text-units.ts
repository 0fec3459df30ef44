/**
 * Words as IFEval counts them, through NLTK 3.9: `RegexpTokenizer(r"\w+")` for `count_words`,
 * and `word_tokenize` (Treebank) for all-capital words. Sentences (Punkt) are in punkt.ts.
 * NLTK 3.10 changed both tokenizers (its `\w` now includes combining marks, and it splits at
 * en and em dashes); IFEval's published numbers predate that, so this follows 3.9.
 */
import { PY_WORD, PY_WS, pyIsUpper } from "./python-text";

const WORD = new RegExp(`[${PY_WORD}]+`, "gu");

/** IFEval `count_words`: the number of runs of Python word characters. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
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
