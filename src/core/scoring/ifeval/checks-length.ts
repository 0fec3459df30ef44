/** IFEval `length_constraints:*` instructions: sentences, paragraphs and words. */
import { compare, define, kwargsError, type InstructionDef } from "./kwargs";
import { PY_WS, pyLstrip, pySplit, pyStrip } from "./python-text";
import { countSentences } from "./punkt";
import { countWords } from "./text-units";

const DIVIDER = new RegExp(`[${PY_WS}]?\\*\\*\\*[${PY_WS}]?`);
const FIRST_WORD_STOPS = new Set([".", ",", "?", "!", "'", '"']);

/** `length_constraints:number_sentences`: fewer than / at least n sentences (Punkt-like). */
export const numberSentences: InstructionDef = define(
  { num_sentences: "count", relation: "relation" },
  ({ num_sentences, relation }) =>
    (value) =>
      compare(countSentences(value), relation, num_sentences),
);

/** `length_constraints:number_words`: fewer than / at least n words (runs of `\w`). */
export const numberWords: InstructionDef = define(
  { num_words: "count", relation: "relation" },
  ({ num_words, relation }) =>
    (value) =>
      compare(countWords(value), relation, num_words),
);

/**
 * `length_constraints:number_paragraphs`: exactly n paragraphs separated by `***`; an empty
 * paragraph is allowed only at either end.
 */
export const numberParagraphs: InstructionDef = define(
  { num_paragraphs: "count" },
  ({ num_paragraphs }) =>
    (value) => {
      const paragraphs = value.split(DIVIDER);
      let count = paragraphs.length;
      for (let i = 0; i < paragraphs.length; i++) {
        if (pyStrip(paragraphs[i]!) !== "") continue;
        if (i !== 0 && i !== paragraphs.length - 1) return false;
        count--;
      }
      return count === num_paragraphs;
    },
);

/**
 * `length_constraints:nth_paragraph_first_word`: exactly n paragraphs separated by blank lines,
 * paragraph `nth_paragraph` starting with `first_word` (case-insensitive, punctuation cut).
 */
export const nthParagraphFirstWord: InstructionDef = define(
  { num_paragraphs: "count", nth_paragraph: "count", first_word: "raw" },
  ({ num_paragraphs, nth_paragraph, first_word }, id) => {
    if (nth_paragraph < 1 || nth_paragraph > num_paragraphs) {
      throw kwargsError(id, `"nth_paragraph" must be between 1 and num_paragraphs.`);
    }
    const expected = first_word.toLowerCase();
    return (value) => {
      const paragraphs = value.split("\n\n");
      const count = paragraphs.filter((p) => pyStrip(p) !== "").length;
      // IFEval counts non-empty paragraphs but indexes the raw list, empty ones included.
      if (nth_paragraph > count) return false;
      const paragraph = pyStrip(paragraphs[nth_paragraph - 1] ?? "");
      if (paragraph === "") return false;
      const word = pyLstrip(pyLstrip(pySplit(paragraph)[0] ?? "", "'"), '"');
      let first = "";
      for (const ch of word) {
        if (FIRST_WORD_STOPS.has(ch)) break;
        first += ch.toLowerCase();
      }
      return count === num_paragraphs && first === expected;
    };
  },
);
