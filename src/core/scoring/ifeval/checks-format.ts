/** IFEval `detectable_format:*` instructions: bullets, highlights, sections, JSON, titles. */
import { define, type InstructionDef } from "./kwargs";
import {
  PY_WS,
  countMatches,
  isPyWhitespace,
  pyLstrip,
  pyPattern,
  pyRstrip,
  pyStrip,
} from "./python-text";

/**
 * Matches of a Python MULTILINE pattern `^\s*<head>.*$` in `text`, in linear time (the regex
 * goes quadratic on long runs of blank lines, which degenerate model output does produce).
 * `head(q)` looks at the first non-space character `q` of a match attempt and returns where
 * `.*` starts, or -1.
 */
function countLinePatterns(text: string, head: (q: number) => number): number {
  const n = text.length;
  let count = 0;
  let p = 0;
  while (p <= n) {
    let q = p;
    while (q < n && isPyWhitespace(text[q])) q++;
    const start = head(q);
    let resume = q;
    if (start >= 0) {
      count++;
      resume = start;
      while (resume < n && text[resume] !== "\n") resume++;
      // `[^*]` may have eaten a newline, leaving the match's end at a line start.
      if (resume > q && text[resume - 1] === "\n") {
        p = resume;
        continue;
      }
    }
    // Every line start up to `q` reaches the same `q`, so none of them can match either.
    const newline = text.indexOf("\n", resume);
    if (newline === -1) break;
    p = newline + 1;
  }
  return count;
}

/**
 * `detectable_format:number_bullet_lists`: exactly n lines that start with `*` (not `**`) or
 * `-`, as IFEval's two regexes count them.
 */
export const numberBulletLists: InstructionDef = define(
  { num_bullets: "count" },
  ({ num_bullets }) =>
    (value) => {
      const stars = countLinePatterns(value, (q) =>
        value[q] === "*" && q + 1 < value.length && value[q + 1] !== "*" ? q + 2 : -1,
      );
      const dashes = countLinePatterns(value, (q) => (value[q] === "-" ? q + 1 : -1));
      return stars + dashes === num_bullets;
    },
);

const CONSTRAINED_OPTIONS = ["My answer is yes.", "My answer is no.", "My answer is maybe."];

/** `detectable_format:constrained_response`: the answer contains one of IFEval's three options. */
export const constrainedResponse: InstructionDef = define({}, () => (value) => {
  const text = pyStrip(value);
  return CONSTRAINED_OPTIONS.some((option) => text.includes(option));
});

const SINGLE_HIGHLIGHT = /\*[^\n*]*\*/g;
const DOUBLE_HIGHLIGHT = /\*\*[^\n*]*\*\*/g;

/**
 * `detectable_format:number_highlighted_sections`: at least n non-empty `*spans*`; as in IFEval,
 * a `**bold**` span counts once through each of its two patterns' non-empty matches.
 */
export const numberHighlightedSections: InstructionDef = define(
  { num_highlights: "count" },
  ({ num_highlights }) =>
    (value) => {
      let count = 0;
      for (const [m] of value.matchAll(SINGLE_HIGHLIGHT))
        if (pyStrip(pyStrip(m, "*")) !== "") count++;
      for (const [m] of value.matchAll(DOUBLE_HIGHLIGHT))
        if (pyStrip(m.slice(2, -2)) !== "") count++;
      return count >= num_highlights;
    },
);

/** `detectable_format:multiple_sections`: at least n section markers "<spliter> <number>". */
export const multipleSections: InstructionDef = define(
  { section_spliter: "text", num_sections: "count" },
  ({ section_spliter, num_sections }) => {
    const ws = `[${PY_WS}]?`;
    const re = pyPattern(section_spliter, "gu", (s) => `${ws}${s}${ws}\\p{Nd}+${ws}`);
    return (value) => countMatches(value, re) >= num_sections;
  },
);

const JSON_FENCES = ["```json", "```Json", "```JSON", "```"];

/** `detectable_format:json_format`: the answer, minus one code fence, parses as JSON. */
export const jsonFormat: InstructionDef = define({}, () => (value) => {
  let text = pyStrip(value);
  // Python's chained `removeprefix` calls: each applies to what the previous one left.
  for (const fence of JSON_FENCES) if (text.startsWith(fence)) text = text.slice(fence.length);
  if (text.endsWith("```")) text = text.slice(0, -3);
  return parsesAsPythonJson(pyStrip(text));
});

/** Python `json.loads` succeeds: JSON, plus the bare NaN and ±Infinity Python also accepts. */
function parsesAsPythonJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    if (!/NaN|Infinity/.test(text)) return false;
    const patched = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (m) =>
      m[0] === '"' ? m : "0",
    );
    try {
      JSON.parse(patched);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * `detectable_format:title`: some line holds a non-empty `<<title>>`. IFEval's greedy
 * `<<[^\n]+>>` spans from a line's first `<<` to its last `>>`; this finds the same span.
 */
export const title: InstructionDef = define({}, () => (value) => {
  for (const line of value.split("\n")) {
    const open = line.indexOf("<<");
    if (open === -1) continue;
    const close = line.lastIndexOf(">>");
    if (close < open + 3) continue;
    const span = line.slice(open, close + 2);
    if (pyStrip(pyRstrip(pyLstrip(span, "<"), ">")) !== "") return true;
  }
  return false;
});
