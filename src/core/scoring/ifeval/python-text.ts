/**
 * Python `str` and `re` semantics that IFEval's checks rely on and JavaScript spells differently:
 * which characters are whitespace, which are word characters, and what `isupper()` means.
 */

/**
 * Python's whitespace (`str.isspace()`, `re` `\s` on str): JavaScript's `\s` adds U+FEFF and
 * lacks U+001C–U+001F and U+0085. Body of a character class, for building patterns.
 */
export const PY_WS =
  "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Python's `\w` on str (alphanumeric per `str.isalnum()`, or `_`); needs the `u` flag. */
export const PY_WORD = "\\p{L}\\p{N}_";

const WS_CHAR = new RegExp(`^[${PY_WS}]$`);
const WS_RUN = new RegExp(`[${PY_WS}]+`);
const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;
const LOWER_OR_TITLE = /[\p{Lowercase}\p{Lt}]/u;
const UPPER_OR_TITLE = /[\p{Uppercase}\p{Lt}]/u;

/** True when `ch` is one Python whitespace character. */
export function isPyWhitespace(ch: string | undefined): boolean {
  return ch !== undefined && WS_CHAR.test(ch);
}

/** Python `s.strip(chars)`; without `chars`, Python whitespace (JS `trim` also eats U+FEFF). */
export function pyStrip(s: string, chars?: string): string {
  return pyRstrip(pyLstrip(s, chars), chars);
}

/** Python `s.lstrip(chars)`. */
export function pyLstrip(s: string, chars?: string): string {
  let i = 0;
  while (i < s.length && strips(s[i], chars)) i++;
  return s.slice(i);
}

/** Python `s.rstrip(chars)`. */
export function pyRstrip(s: string, chars?: string): string {
  let j = s.length;
  while (j > 0 && strips(s[j - 1], chars)) j--;
  return s.slice(0, j);
}

// Python strips by code point; every character IFEval strips is in the BMP, so code units do.
function strips(ch: string | undefined, chars: string | undefined): boolean {
  return chars === undefined ? isPyWhitespace(ch) : ch !== undefined && chars.includes(ch);
}

/** Python `s.split()`: runs of whitespace separate, empty pieces dropped. */
export function pySplit(s: string): string[] {
  return s.split(WS_RUN).filter((piece) => piece !== "");
}

/** Python `s.isupper()`: some cased character, and none lowercase or titlecase. */
export function pyIsUpper(s: string): boolean {
  return UPPER.test(s) && !LOWER_OR_TITLE.test(s);
}

/** Python `s.islower()`: some cased character, and none uppercase or titlecase. */
export function pyIsLower(s: string): boolean {
  return LOWER.test(s) && !UPPER_OR_TITLE.test(s);
}

/**
 * A kwargs string used as a Python regular expression, compiled for JavaScript. IFEval passes
 * keywords, section splitters and postscript markers to `re` unescaped; the rare one JavaScript
 * rejects (Python-only syntax) is matched literally instead. `wrap` adds the surrounding pattern.
 */
export function pyPattern(source: string, flags: string, wrap = (s: string) => s): RegExp {
  try {
    return new RegExp(wrap(source), flags);
  } catch {
    return new RegExp(wrap(escapeRegExp(source)), flags);
  }
}

/** `s` with every regular-expression metacharacter escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Number of matches of the global `re` in `s`, as Python's `len(re.findall(...))`. */
export function countMatches(s: string, re: RegExp): number {
  let n = 0;
  for (const _ of s.matchAll(re)) n++;
  return n;
}
