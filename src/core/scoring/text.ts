/** Text helpers shared by the scorers: reasoning traces and fenced code blocks. */

/**
 * Drop reasoning traces (`<think>…</think>`, Qwen3 and DeepSeek-R1 style) so scorers see only
 * the visible answer. An unclosed trace means the model never answered: nothing is left.
 */
export function stripThinking(answer: string): string {
  const closed = answer.replace(/<think>[\s\S]*?<\/think>/gi, "");
  const open = closed.search(/<think>/i);
  // Some chat templates put `<think>` in the prompt, so the answer holds only the closing tag.
  const withoutOpen = open === -1 ? closed : closed.slice(0, open);
  const close = withoutOpen.search(/<\/think>/i);
  return (close === -1 ? withoutOpen : withoutOpen.slice(close + "</think>".length)).trim();
}

export interface FencedBlock {
  /** Info string after the opening fence, lower-cased ("js", "json", "" when none). */
  lang: string;
  code: string;
  /** False when the answer ended inside the block (the model hit its token limit). */
  closed: boolean;
}

/** Markdown fenced blocks (``` or ~~~) in order of appearance, including an unclosed last one. */
export function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = text.split(/\r?\n/);
  let open: { fence: string; lang: string; body: string[] } | null = null;
  for (const line of lines) {
    if (open === null) {
      const start = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)/.exec(line);
      if (start)
        open = { fence: start[1] ?? "```", lang: (start[2] ?? "").toLowerCase(), body: [] };
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith(open.fence) && trimmed.replace(/[`~]/g, "") === "") {
      blocks.push({ lang: open.lang, code: open.body.join("\n"), closed: true });
      open = null;
    } else {
      open.body.push(line);
    }
  }
  if (open !== null) blocks.push({ lang: open.lang, code: open.body.join("\n"), closed: false });
  return blocks;
}
