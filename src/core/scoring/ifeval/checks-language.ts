/** IFEval `language:response_language` and `change_case:*` instructions. */
import { compare, define, kwargsError, type InstructionDef } from "./kwargs";
import { isInLanguage, isSupportedLanguage } from "./language";
import { pyIsLower, pyIsUpper } from "./python-text";
import { countCapitalWords } from "./text-units";

/** `language:response_language`: the whole answer is in `language` (ISO 639-1). */
export const responseLanguage: InstructionDef = define({ language: "raw" }, ({ language }, id) => {
  if (!isSupportedLanguage(language)) {
    throw kwargsError(id, `"language" must be one of IFEval's language codes, got "${language}".`);
  }
  return (value) => isInLanguage(value, language);
});

/** `change_case:english_capital`: no lowercase letters, and English. */
export const englishCapital: InstructionDef = define(
  {},
  () => (value) => pyIsUpper(value) && isInLanguage(value, "en"),
);

/** `change_case:english_lowercase`: no capital letters, and English. */
export const englishLowercase: InstructionDef = define(
  {},
  () => (value) => pyIsLower(value) && isInLanguage(value, "en"),
);

/** `change_case:capital_word_frequency`: fewer than / at least n all-capital words. */
export const capitalWordFrequency: InstructionDef = define(
  { capital_frequency: "int", capital_relation: "relation" },
  ({ capital_frequency, capital_relation }) =>
    (value) =>
      compare(countCapitalWords(value), capital_relation, capital_frequency),
);
