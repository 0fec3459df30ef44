/**
 * An answer is rendered block by block: a finished block is rendered once and kept, and only the
 * still-growing tail changes while the answer streams. The splitter reads each new piece of text
 * once (never the whole answer again), and where it cuts depends only on the text before the cut,
 * so a streamed answer is cut exactly as the same answer given whole: both render the same.
 */
import { MARKDOWN_LIMITS } from "./markdown-limits";

/** A finished block: `text.slice(start, end)`, blank lines after it included. */
export interface BlockRange {
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Cuts a growing markdown text into blocks at points that later text cannot change. */
export class BlockSplitter {
  /** The text from `#base` on: only the unfinished block is kept, so pushes stay cheap. */
  #text = "";
  #base = 0;
  /** Start of the first line not read yet (every line before it is complete). */
  #line = 0;
  #blockStart = 0;
  /** The line before `#line` was blank (outside code and display math). */
  #afterBlank = false;
  #fence = "";
  /** Where an unclosed `$$` or `\[` opened, or -1. */
  #mathOpen = -1;
  #mathCloser = "";
  /** The current block's first two lines make a table header: never cut inside it. */
  #table = false;
  #linesInBlock = 0;
  #firstLine = "";

  /** Where the unfinished tail starts. */
  get tailStart(): number {
    return this.#blockStart;
  }

  /** The tail is inside a code fence that has not closed yet (its info string is `fenceInfo`). */
  get openFence(): { marker: string; info: string } | null {
    if (!this.#fence || this.#linesInBlock === 0) return null;
    const first = FENCE.exec(this.#firstLine);
    return first ? { marker: this.#fence, info: first[2]?.trim() ?? "" } : null;
  }

  /** Add `more` to the end; returns the blocks it finished, in order (absolute offsets). */
  push(more: string): BlockRange[] {
    this.#text += more;
    const done: BlockRange[] = [];
    const text = this.#text;
    const base = this.#base;
    for (;;) {
      const end = text.indexOf("\n", this.#line - base);
      // A cut goes before a line, once its first character is known.
      if (this.#line - base < text.length && this.#cutsBefore(text, base)) {
        done.push({ start: this.#blockStart, end: this.#line });
        this.#startBlock(this.#line);
      }
      if (end === -1) break;
      this.#read(text.slice(this.#line - base, end), this.#line);
      this.#line = base + end + 1;
    }
    if (this.#blockStart > base) {
      this.#text = text.slice(this.#blockStart - base);
      this.#base = this.#blockStart;
    }
    return done;
  }

  #startBlock(at: number): void {
    this.#blockStart = at;
    this.#afterBlank = false;
    this.#table = false;
    this.#linesInBlock = 0;
    this.#firstLine = "";
    this.#mathOpen = -1;
  }

  #cutsBefore(text: string, base: number): boolean {
    if (this.#line === this.#blockStart || this.#fence) return false;
    const first = text[this.#line - base] ?? "";
    if (/\s/.test(first)) return false; // indented: a continuation of the block above
    if (this.#mathOpen !== -1) {
      // A `$$` left open for long is not math: stop waiting for its closer.
      if (this.#line - this.#mathOpen < MARKDOWN_LIMITS.softBlockChars) return false;
      this.#mathOpen = -1;
    }
    if (this.#afterBlank) return true;
    // A long block with no blank line (a long list, one huge paragraph): cut between lines too,
    // except inside a table, whose header every row needs.
    return (
      this.#line - this.#blockStart >= MARKDOWN_LIMITS.softBlockChars &&
      !this.#table &&
      first !== "|" &&
      first !== "="
    );
  }

  #read(line: string, at: number): void {
    this.#linesInBlock++;
    if (this.#linesInBlock === 1) this.#firstLine = line;
    if (this.#linesInBlock === 2 && this.#firstLine.includes("|") && TABLE_DELIMITER.test(line)) {
      this.#table = true;
    }
    const fence = FENCE.exec(line);
    if (this.#fence) {
      const marker = fence?.[1];
      if (marker && marker[0] === this.#fence[0] && marker.length >= this.#fence.length) {
        if (!/\S/.test(fence[2] ?? "")) this.#fence = "";
      }
      this.#afterBlank = false;
      return;
    }
    if (fence?.[1] && !(fence[1][0] === "`" && fence[2]?.includes("`"))) {
      this.#fence = fence[1];
      this.#afterBlank = false;
      return;
    }
    this.#trackMath(line, at);
    this.#afterBlank = this.#mathOpen === -1 && line.trim() === "";
  }

  /** Follow `$$ … $$` and `\[ … \]` across lines, so display math is never cut in two. */
  #trackMath(line: string, at: number): void {
    if (!/[$\\]/.test(line)) return;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === "`") {
        let run = 1;
        while (line[i + run] === "`") run++;
        const close = line.indexOf("`".repeat(run), i + run);
        i = close === -1 ? i + run - 1 : close + run - 1; // code spans hold no math
        continue;
      }
      const two = line.slice(i, i + 2);
      if (two === "\\\\" || two === "\\$") {
        i++;
        continue;
      }
      if (this.#mathOpen === -1) {
        if (two === "$$" || two === "\\[") {
          this.#mathOpen = at + i;
          this.#mathCloser = two === "$$" ? "$$" : "\\]";
          i++;
        }
      } else if (two === this.#mathCloser) {
        this.#mathOpen = -1;
        i++;
      }
    }
  }
}

/** Every block of a whole text, the last one included (what a finished answer renders). */
export function splitBlocks(text: string): BlockRange[] {
  const splitter = new BlockSplitter();
  const blocks = splitter.push(text);
  if (splitter.tailStart < text.length)
    blocks.push({ start: splitter.tailStart, end: text.length });
  return blocks;
}
