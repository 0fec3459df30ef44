/**
 * Math specialists answer in LaTeX. The math is cut out of the markdown before it is parsed (so
 * markdown never mangles `_` or `*` inside TeX, and the sanitizer never sees KaTeX's styles) and
 * stands in it as an inert placeholder token until the sanitized HTML is ready.
 */

/** One piece of TeX found in the text. */
export interface MathSpan {
  /** The TeX to typeset, without its delimiters. */
  tex: string;
  /** Display (block) math: `$$…$$` or `\[…\]`. */
  display: boolean;
  /** The span as written, delimiters included: shown where math cannot be typeset. */
  source: string;
}

export interface MathExtraction {
  /** The markdown with each span replaced by its placeholder token. */
  text: string;
  spans: MathSpan[];
}

// Private-use characters: no markdown syntax, kept as text by the sanitizer.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const TOKEN = /\uE000(\d+)\uE001/g;

/** The placeholder that stands for span `index` in extracted text. */
export function placeholder(index: number): string {
  return `${OPEN}${index}${CLOSE}`;
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Index just past the code fence line that closes the fence opened by `marker`, or the end. */
function skipFence(text: string, from: number, marker: string): number {
  let lineStart = text.indexOf("\n", from);
  while (lineStart !== -1) {
    lineStart += 1;
    const end = text.indexOf("\n", lineStart);
    const line = text.slice(lineStart, end === -1 ? text.length : end);
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
    if (close && close[0] === marker[0] && close.length >= marker.length) {
      return end === -1 ? text.length : end + 1;
    }
    lineStart = end;
  }
  return text.length;
}

// Where a search found no closer (per closer): a later search from further on fails as well, so
// text full of openers with no closer costs one scan, not one per opener. Reset per extraction.
const misses = new Map<string, number>();
const missedFrom = (key: string, from: number): boolean => from >= (misses.get(key) ?? Infinity);
const miss = (key: string, from: number): void => {
  misses.set(key, Math.min(from, misses.get(key) ?? Infinity));
};

/** Index just past a code span opened by the backtick run at `i`, or past the run alone. */
function skipCodeSpan(text: string, i: number): number {
  let run = 0;
  while (text[i + run] === "`") run++;
  const key = "`".repeat(run);
  if (missedFrom(key, i + run)) return i + run;
  let j = i + run;
  while (j < text.length) {
    const next = text.indexOf("`", j);
    if (next === -1) break;
    let close = 0;
    while (text[next + close] === "`") close++;
    if (close === run) return next + close;
    j = next + close;
  }
  miss(key, i + run);
  return i + run;
}

/** Index of the first unescaped `closer` at or after `from`, or -1. */
function findCloser(text: string, from: number, closer: string): number {
  if (missedFrom(closer, from)) return -1;
  let j = from;
  for (;;) {
    const k = text.indexOf(closer, j);
    if (k === -1) {
      miss(closer, from);
      return -1;
    }
    if (text[k - 1] !== "\\" || closer.startsWith("\\")) return k;
    j = k + 1;
  }
}

/** Index of the `}` matching the `{` at `open`, or -1 when the braces never balance. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  // A formula longer than this is never typeset: no need to look further (and no quadratic scan).
  const end = Math.min(text.length, open + 4_000);
  for (let j = open; j < end; j++) {
    const c = text[j];
    if (c === "\\") j++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return j;
  }
  return -1;
}

type Found = { end: number; tex: string; display: boolean } | null;

/** The inline `$…$` starting at `i`: pandoc's rule, so "$5 and $10" stays money. */
function inlineDollar(text: string, i: number): Found {
  if (isSpace(text[i + 1])) return null;
  const k = findCloser(text, i + 1, "$");
  if (k === -1 || isSpace(text[k - 1]) || isDigit(text[k + 1])) return null;
  const tex = text.slice(i + 1, k);
  if (/\n\s*\n/.test(tex)) return null; // math does not run across paragraphs
  return { end: k + 1, tex, display: false };
}

function delimited(text: string, i: number, open: string, close: string, display: boolean): Found {
  const k = findCloser(text, i + open.length, close);
  if (k === -1) return null;
  const tex = text.slice(i + open.length, k);
  if (tex.trim() === "") return null;
  return { end: k + close.length, tex, display };
}

function mathAt(text: string, i: number): Found {
  const c = text[i];
  if (c === "$") {
    return text[i + 1] === "$" ? delimited(text, i, "$$", "$$", true) : inlineDollar(text, i);
  }
  if (c !== "\\") return null;
  const next = text[i + 1];
  if (next === "(") return delimited(text, i, "\\(", "\\)", false);
  if (next === "[") return delimited(text, i, "\\[", "\\]", true);
  if (text.startsWith("\\boxed{", i)) {
    const end = matchBrace(text, i + 6);
    if (end !== -1) return { end: end + 1, tex: text.slice(i, end + 1), display: false };
  }
  return null;
}

/** Cut the TeX out of `markdown`, leaving code spans and fenced code blocks untouched. */
export function extractMath(markdown: string): MathExtraction {
  misses.clear();
  // A stray token character in the input must not pass for a placeholder.
  const text = markdown.replace(/[\uE000\uE001]/g, "\uFFFD");
  const spans: MathSpan[] = [];
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const lineStart = i === 0 || text[i - 1] === "\n";
    if (lineStart) {
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(i, i + 64))?.[1];
      if (fence) {
        i = skipFence(text, i, fence);
        continue;
      }
    }
    if (c === "`") {
      i = skipCodeSpan(text, i);
      continue;
    }
    if (c === "\\" && (text[i + 1] === "$" || text[i + 1] === "\\")) {
      i += 2; // an escaped dollar (or backslash) is text; markdown unescapes it
      continue;
    }
    const found = mathAt(text, i);
    if (!found) {
      i++;
      continue;
    }
    out += text.slice(copied, i) + placeholder(spans.length);
    spans.push({ tex: found.tex, display: found.display, source: text.slice(i, found.end) });
    i = copied = found.end;
  }
  return { text: out + text.slice(copied), spans };
}

/** Whether `markdown` holds any math outside code. */
export function hasMath(markdown: string): boolean {
  return /[$\\]/.test(markdown) && extractMath(markdown).spans.length > 0;
}

/** Split `text` at placeholder tokens: strings stay as they are, numbers are span indexes. */
export function splitPlaceholders(text: string, count: number): Array<string | number> {
  const parts: Array<string | number> = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const index = Number(m[1]);
    if (index >= count) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(index);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** `text` with each placeholder put back as the TeX it stood for, delimiters included. */
export function restoreSource(text: string, spans: readonly MathSpan[]): string {
  return text.replace(TOKEN, (token, n: string) => spans[Number(n)]?.source ?? token);
}

// Spacing commands whose negative amount pulls what follows over what came before.
const NEGATIVE_SPACE =
  /\\(?:kern|mkern|hskip|mskip|hspace\*?|mspace|moveleft|moveright)\s*\{?\s*-|\\rule\s*\[\s*-|\\neg(?:thin|med|thick)space/;
// Boxes of zero width or height, lifted or lowered boxes, and macro definitions (which could
// build any of these out of harmless-looking names).
const OVERLAP_BOX =
  /\\(?:(?:llap|rlap|clap|mathllap|mathrlap|mathclap|smash|raisebox|lower|raise|vcenter|def|gdef|edef|xdef|let|futurelet|newcommand|renewcommand|providecommand|global|char)(?![a-zA-Z])|html@|@)/;

/**
 * Whether `tex` uses a trick that draws over its neighbours (negative space, zero-width or raised
 * boxes, macro definitions, or a long run of `\!`): such TeX is shown as written, not typeset.
 */
export function overlapTrick(tex: string): boolean {
  if (NEGATIVE_SPACE.test(tex) || OVERLAP_BOX.test(tex)) return true;
  return (tex.match(/\\!/g)?.length ?? 0) > 6;
}
