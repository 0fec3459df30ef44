/** IFEval `keywords:*` instructions: words that must, must not or must often appear. */
import { compare, define, type InstructionDef } from "./kwargs";
import { PY_WORD, countMatches, pyPattern } from "./python-text";

// Python's `\b` is Unicode-aware; JavaScript's is ASCII-only even with the `u` flag.
const BOUNDARY = `(?:(?<=[${PY_WORD}])(?![${PY_WORD}])|(?<![${PY_WORD}])(?=[${PY_WORD}]))`;

/** `keywords:existence`: every keyword (a case-insensitive pattern) occurs somewhere. */
export const keywordExistence: InstructionDef = define({ keywords: "words" }, ({ keywords }) => {
  const patterns = keywords.map((k) => pyPattern(k, "iu"));
  return (value) => patterns.every((re) => re.test(value));
});

/** `keywords:frequency`: the keyword occurs less than / at least `frequency` times. */
export const keywordFrequency: InstructionDef = define(
  { keyword: "text", frequency: "count", relation: "relation" },
  ({ keyword, frequency, relation }) => {
    const re = pyPattern(keyword, "giu");
    return (value) => compare(countMatches(value, re), relation, frequency);
  },
);

/** `keywords:forbidden_words`: none of the words occurs as a whole word, in any case. */
export const forbiddenWords: InstructionDef = define(
  { forbidden_words: "words" },
  ({ forbidden_words }) => {
    const patterns = forbidden_words.map((w) => pyPattern(w, "iu", (s) => BOUNDARY + s + BOUNDARY));
    return (value) => !patterns.some((re) => re.test(value));
  },
);

/** `keywords:letter_frequency`: the letter, either case, occurs less than / at least n times. */
export const letterFrequency: InstructionDef = define(
  { letter: "letter", let_frequency: "count", let_relation: "relation" },
  ({ letter, let_frequency, let_relation }) =>
    (value) => {
      let n = 0;
      for (const ch of value.toLowerCase()) if (ch === letter) n++;
      return compare(n, let_relation, let_frequency);
    },
);
