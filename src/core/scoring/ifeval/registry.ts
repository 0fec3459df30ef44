/**
 * The 25 verifiable instructions of IFEval (`instructions_registry.INSTRUCTION_DICT`), under
 * their IFEval ids. Checks follow the kwargs, never the wording of the prompt.
 */
import { PolymathError } from "../../errors";
import * as content from "./checks-content";
import * as format from "./checks-format";
import * as keywords from "./checks-keywords";
import * as language from "./checks-language";
import * as length from "./checks-length";
import type { Check, InstructionDef, Kwargs } from "./kwargs";

const REGISTRY = {
  "keywords:existence": keywords.keywordExistence,
  "keywords:frequency": keywords.keywordFrequency,
  "keywords:forbidden_words": keywords.forbiddenWords,
  "keywords:letter_frequency": keywords.letterFrequency,
  "language:response_language": language.responseLanguage,
  "length_constraints:number_sentences": length.numberSentences,
  "length_constraints:number_paragraphs": length.numberParagraphs,
  "length_constraints:number_words": length.numberWords,
  "length_constraints:nth_paragraph_first_word": length.nthParagraphFirstWord,
  "detectable_content:number_placeholders": content.numberPlaceholders,
  "detectable_content:postscript": content.postscript,
  "detectable_format:number_bullet_lists": format.numberBulletLists,
  "detectable_format:constrained_response": format.constrainedResponse,
  "detectable_format:number_highlighted_sections": format.numberHighlightedSections,
  "detectable_format:multiple_sections": format.multipleSections,
  "detectable_format:json_format": format.jsonFormat,
  "detectable_format:title": format.title,
  "combination:two_responses": content.twoResponses,
  "combination:repeat_prompt": content.repeatPrompt,
  "startend:end_checker": content.endChecker,
  "startend:quotation": content.quotation,
  "change_case:capital_word_frequency": language.capitalWordFrequency,
  "change_case:english_capital": language.englishCapital,
  "change_case:english_lowercase": language.englishLowercase,
  "punctuation:no_comma": content.noComma,
} as const satisfies Record<string, InstructionDef>;

export type InstructionId = keyof typeof REGISTRY;

/** Every registered IFEval instruction id. */
export const INSTRUCTION_IDS = Object.keys(REGISTRY) as InstructionId[];

/** True when `id` is a registered IFEval instruction id. */
export function isInstructionId(id: string): id is InstructionId {
  return Object.hasOwn(REGISTRY, id);
}

/** The kwargs names instruction `id` requires (empty for those that take none). */
export function instructionKwargNames(id: InstructionId): string[] {
  return Object.keys(REGISTRY[id].kwargs);
}

/** Validate `kwargs` for instruction `id` and build its check; throws malformed-input. */
export function compileInstruction(id: string, kwargs: Kwargs = {}): Check {
  if (!isInstructionId(id)) {
    throw new PolymathError("malformed-input", `Unknown IFEval instruction "${id}".`, {
      advice: `Use one of IFEval's instruction ids, such as ${INSTRUCTION_IDS[0]}.`,
      details: { instructionId: id },
    });
  }
  return REGISTRY[id].compile(id, kwargs);
}
