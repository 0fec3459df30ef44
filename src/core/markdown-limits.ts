/**
 * Bounds on the work one block of model output may cost. The markdown parser's time grows with
 * the square of some inputs (runs of `_`, `*`, `[`, `<`) and its stack with nesting depth, so a
 * block past these bounds is shown as plain text with a notice, and nesting past the cap is
 * flattened; no answer can freeze the page or overflow the parser's stack.
 */

export const MARKDOWN_LIMITS = {
  /** A block longer than this with no blank line is cut between lines where that is safe. */
  softBlockChars: 8_000,
  /** A longer block is shown as plain text. */
  maxBlockChars: 24_000,
  /** More emphasis, link or angle-bracket characters than this in one block: plain text. */
  maxDelimiters: 1_500,
  /** Deeper bracket nesting than this in one block: plain text. */
  maxBracketDepth: 32,
  /** Quotes and lists nest at most this deep; deeper markers show as text. */
  maxDepth: 12,
  /** Leading spaces kept on a line (deeper indentation is flattened to this). */
  maxIndent: 40,
  /** Formulas typeset per block; the rest show as their TeX. */
  maxMathPerBlock: 300,
  /** Longer TeX is shown as written, not typeset. */
  maxTexChars: 4_000,
  /** Plain text is laid out in pieces of about this size. */
  plainChunkChars: 16_000,
} as const;

/** Why a block is shown as plain text, or null when it can be rendered. */
export type PlainReason = "too-long" | "too-complex" | "too-deep";

/** Whether `block` is within the limits; counts outside code fences and code spans. */
export function assessBlock(block: string): PlainReason | null {
  if (block.length > MARKDOWN_LIMITS.maxBlockChars) return "too-long";
  let delimiters = 0;
  let depth = 0;
  let inFence = "";
  for (const line of block.split("\n")) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (inFence) {
      if (fence && fence[0] === inFence[0] && fence.length >= inFence.length) inFence = "";
      continue;
    }
    if (fence) {
      inFence = fence;
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === "\\") i++;
      else if (c === "[" || c === "(") {
        if (++depth > MARKDOWN_LIMITS.maxBracketDepth) return "too-deep";
      } else if (c === "]" || c === ")") depth = Math.max(0, depth - 1);
      if (c === "_" || c === "*" || c === "[" || c === "<" || c === "~" || c === "!") {
        if (++delimiters > MARKDOWN_LIMITS.maxDelimiters) return "too-complex";
      }
    }
  }
  return null;
}

const MARKER = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * `block` with quote and list nesting capped at `MARKDOWN_LIMITS.maxDepth` (markers past it are
 * escaped, so they show as text) and indentation capped at `maxIndent`; fenced code is untouched.
 */
export function capNesting(block: string): string {
  const { maxDepth, maxIndent } = MARKDOWN_LIMITS;
  // Fast path: nothing can nest deeper than the cap in so few marker characters.
  if (!/(?:[>*+-]|\d[.)])[^\n]*(?:[>*+-]|\d[.)])/.test(block) && !/^[ \t]{41,}/m.test(block)) {
    return block;
  }
  let inFence = "";
  let changed = false;
  const lines = block.split("\n").map((line) => {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (inFence) {
      if (fence && fence[0] === inFence[0] && fence.length >= inFence.length) inFence = "";
      return line;
    }
    if (fence) {
      inFence = fence;
      return line;
    }
    let out = line;
    const indent = /^[ \t]*/.exec(out)?.[0].length ?? 0;
    if (indent > maxIndent) {
      out = " ".repeat(maxIndent) + out.slice(indent);
      changed = true;
    }
    let at = 0;
    let depth = 0;
    for (;;) {
      const m = MARKER.exec(out.slice(at));
      if (!m) break;
      if (++depth > maxDepth) {
        const marker = at + m[0].search(/\S/);
        out = `${out.slice(0, marker)}\\${out.slice(marker)}`;
        changed = true;
        break;
      }
      at += m[0].length;
    }
    return out;
  });
  return changed ? lines.join("\n") : block;
}

/**
 * End of the plain-text piece of `text` that starts at `start`: after the last line break within
 * `plainChunkChars`, or a hard cut when there is none. It depends only on the text up to the
 * piece's end, so a streaming answer and the finished one are cut alike.
 */
export function plainChunkEnd(text: string, start: number): number {
  const limit = start + MARKDOWN_LIMITS.plainChunkChars;
  if (text.length <= limit) return text.length;
  const nl = text.lastIndexOf("\n", limit - 1);
  return nl >= start ? nl + 1 : limit;
}
