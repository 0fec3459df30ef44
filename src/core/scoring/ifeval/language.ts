/**
 * Language identification for IFEval's `language:response_language` and `change_case:english_*`.
 *
 * IFEval calls Python `langdetect` (a naive-Bayes n-gram model with 55 profiles, randomised and
 * unseeded, so even the reference is not fully repeatable). Polymath runs in the browser and uses
 * `tinyld` instead, a different n-gram model over 62 languages. They agree on ordinary sentences
 * (see language.test.ts) and differ on very short or mixed-language text. Other differences:
 * - langdetect raises (and IFEval counts the instruction as followed) only when the text has no
 *   letters; tinyld also gives up on some short texts ("ok"), where langdetect would still guess.
 *   We follow IFEval for letterless text; a text tinyld cannot place matches no language, so a
 *   one-word answer fails rather than being waved through.
 * - tinyld lacks five of IFEval's 30 languages. For Punjabi and Malayalam the script decides
 *   (Gurmukhi, Malayalam); for Nepali and Marathi a Devanagari text is accepted (tinyld cannot
 *   tell them from Hindi, so this is lenient); for Swahili a share of common function words does.
 */
import { cleanString, detect } from "tinyld";

/** IFEval's languages (`instructions_util.LANGUAGE_CODES`), ISO 639-1 code to name. */
export const IFEVAL_LANGUAGES: Readonly<Record<string, string>> = {
  en: "English",
  es: "Spanish",
  pt: "Portuguese",
  ar: "Arabic",
  hi: "Hindi",
  fr: "French",
  ru: "Russian",
  de: "German",
  ja: "Japanese",
  it: "Italian",
  bn: "Bengali",
  uk: "Ukrainian",
  th: "Thai",
  ur: "Urdu",
  ta: "Tamil",
  te: "Telugu",
  bg: "Bulgarian",
  ko: "Korean",
  pl: "Polish",
  he: "Hebrew",
  fa: "Persian",
  vi: "Vietnamese",
  ne: "Nepali",
  sw: "Swahili",
  kn: "Kannada",
  mr: "Marathi",
  gu: "Gujarati",
  pa: "Punjabi",
  ml: "Malayalam",
  fi: "Finnish",
};

const LETTER = /\p{L}/u;
const CACHE_LIMIT = 512;
const cache = new Map<string, string>();
// tinyld 1.3 splits the text at punctuation (this pattern, its own) and scores only the seven
// longest cleaned chunks; texts with the same seven chunks get the same answer. Loose scoring
// asks about near-identical variants of one answer (a line or the asterisks removed), which
// mostly share them, and detection is the slow part of scoring.
const TINYLD_CHUNKS = /([,，、。!¿?！？":;()「」{}„“«»”"“<>⋯《》*]|[.[\]\\])+/;

function chunkKey(text: string): string {
  const chunks = text
    .split(TINYLD_CHUNKS)
    .map((c) => cleanString(c))
    .filter((c) => c !== "");
  chunks.sort((a, b) => b.length - a.length);
  return chunks.slice(0, 7).join("\n");
}

/**
 * The language of `text` as an ISO 639-1 code ("" when tinyld has no guess at all), or null when
 * the text has no letters, the case where langdetect raises and IFEval passes the instruction.
 */
export function detectLanguage(text: string): string | null {
  if (!LETTER.test(text)) return null;
  const key = chunkKey(text);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const code = detect(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  cache.set(key, code);
  return code;
}

/** True when `text` is in language `code`, or has no letters to tell (as IFEval decides). */
export function isInLanguage(text: string, code: string): boolean {
  const found = detectLanguage(text);
  if (found === null || found === code) return true;
  const fallback = FALLBACKS[code];
  return fallback !== undefined && fallback(text);
}

const share = (text: string, re: RegExp): number => {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? 0 : (text.match(re)?.length ?? 0) / letters;
};

const SWAHILI = new Set(
  (
    "na ya wa kwa ni za la katika kuwa hii hiyo huo kama cha pia lakini sana yake wake kutoka " +
    "hadi au zaidi watu mtu kila bila baada kabla wakati ambayo ambao nini sisi wewe mimi yeye " +
    "wao hapa leo tu vizuri"
  ).split(" "),
);

function swahiliShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length === 0 ? 0 : words.filter((w) => SWAHILI.has(w)).length / words.length;
}

// IFEval languages tinyld cannot return: decided by script or function words instead.
const FALLBACKS: Readonly<Record<string, (text: string) => boolean>> = {
  pa: (t) => share(t, /\p{Script=Gurmukhi}/gu) > 0.5,
  ml: (t) => share(t, /\p{Script=Malayalam}/gu) > 0.5,
  ne: (t) => share(t, /\p{Script=Devanagari}/gu) > 0.5,
  mr: (t) => share(t, /\p{Script=Devanagari}/gu) > 0.5,
  sw: (t) => share(t, /\p{Script=Latin}/gu) > 0.5 && swahiliShare(t) >= 0.15,
};

/** Language codes `language:response_language` accepts: IFEval's list (its description needs it). */
export function isSupportedLanguage(code: string): boolean {
  return Object.hasOwn(IFEVAL_LANGUAGES, code);
}
