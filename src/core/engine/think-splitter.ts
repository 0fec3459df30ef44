/**
 * Splits Qwen3-style `<think>…</think>` reasoning out of a streamed answer. Tags may arrive cut
 * across chunks ("<thi" + "nk>"), so a possible partial tag at the end of a chunk is held back
 * until the next one decides it. The opening tag counts only at the start of the answer (after
 * whitespace), so an answer that merely mentions "<think>" in prose or code is left alone.
 */
import type { StreamChunk } from "./types";

const OPEN = "<think>";
const CLOSE = "</think>";

export interface ThinkSplitter {
  /** Feed raw model text; returns the chunks it can already decide. */
  push(text: string): StreamChunk[];
  /** End of stream: returns whatever was held back. */
  flush(): StreamChunk[];
}

type Mode = "start" | "reasoning-start" | "reasoning" | "answer-start" | "answer";

/** A fresh splitter for one answer. */
export function createThinkSplitter(): ThinkSplitter {
  let mode: Mode = "start";
  let held = "";

  const push = (text: string): StreamChunk[] => {
    const out: StreamChunk[] = [];
    let buffer = held + text;
    held = "";
    for (;;) {
      if (mode === "start") {
        const trimmed = buffer.trimStart();
        if (trimmed.startsWith(OPEN)) {
          mode = "reasoning-start";
          buffer = trimmed.slice(OPEN.length);
          continue;
        }
        if (OPEN.startsWith(trimmed)) {
          held = buffer; // still only whitespace or a prefix of "<think>"
          return out;
        }
        mode = "answer";
        continue;
      }
      if (mode === "reasoning-start" || mode === "answer-start") {
        // Templates put line breaks after each tag; text starts at its first visible char.
        buffer = buffer.replace(/^\s+/, "");
        if (buffer === "") return out;
        mode = mode === "reasoning-start" ? "reasoning" : "answer";
        continue;
      }
      if (mode === "reasoning") {
        const close = buffer.indexOf(CLOSE);
        if (close >= 0) {
          emit(out, buffer.slice(0, close), true);
          buffer = buffer.slice(close + CLOSE.length);
          mode = "answer-start";
          continue;
        }
        const keep = partialTagLength(buffer, CLOSE);
        emit(out, buffer.slice(0, buffer.length - keep), true);
        held = buffer.slice(buffer.length - keep);
        return out;
      }
      emit(out, buffer, false);
      return out;
    }
  };

  const flush = (): StreamChunk[] => {
    const out: StreamChunk[] = [];
    if (held !== "") emit(out, held, mode === "reasoning");
    held = "";
    return out;
  };

  return { push, flush };
}

function emit(out: StreamChunk[], delta: string, reasoning: boolean): void {
  if (delta === "") return;
  out.push(reasoning ? { delta, reasoning: true } : { delta });
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}
