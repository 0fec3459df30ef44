import { describe, expect, it } from "vitest";
import { BlockSplitter, splitBlocks } from "./markdown-blocks";
import { MARKDOWN_LIMITS } from "./markdown-limits";

const blocksOf = (text: string): string[] =>
  splitBlocks(text).map((b) => text.slice(b.start, b.end));

/** Blocks found when `text` arrives in pieces of `size` characters, the tail last. */
function streamed(text: string, size: number): string[] {
  const s = new BlockSplitter();
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    for (const b of s.push(text.slice(i, i + size))) out.push(text.slice(b.start, b.end));
  }
  if (s.tailStart < text.length) out.push(text.slice(s.tailStart));
  return out;
}

const SAMPLE = [
  "# Title\n\nIntro paragraph\nwith two lines.\n\n",
  "- one\n- two\n\n  still two\n\n- three\n\n",
  "```py\ndef f():\n\n    return 1\n```\n\n",
  "$$\na = b\n\nc = d\n$$\n\n",
  "| a | b |\n|---|---|\n| 1 | 2 |\n\n",
  "> quote\n\n> again\n\n",
  "    indented code\n\n    more code\n\nThe end.",
].join("");

describe("BlockSplitter", () => {
  it("cuts at blank lines before unindented text, keeping every character", () => {
    const blocks = blocksOf(SAMPLE);
    expect(blocks.join("")).toBe(SAMPLE);
    expect(blocks[0]).toBe("# Title\n\n");
    expect(blocks).toContain("- one\n- two\n\n  still two\n\n");
    expect(blocks.at(-1)).toBe("The end.");
  });

  it("never cuts inside a code fence, display math or an indented continuation", () => {
    const blocks = blocksOf(SAMPLE);
    expect(blocks).toContain("```py\ndef f():\n\n    return 1\n```\n\n");
    expect(blocks).toContain("$$\na = b\n\nc = d\n$$\n\n");
    expect(blocks).toContain("> again\n\n    indented code\n\n    more code\n\n");
  });

  it("cuts a streamed text exactly where it cuts the whole text", () => {
    const whole = blocksOf(SAMPLE);
    for (const size of [1, 2, 3, 7, 64]) expect(streamed(SAMPLE, size)).toEqual(whole);
  });

  it("reports an open fence at the tail, with its info string", () => {
    const s = new BlockSplitter();
    let text = "Intro.\n\n```ts title\nconst a = 1;\n";
    s.push(text);
    expect(s.openFence).toEqual({ marker: "```", info: "ts title" });
    expect(text.slice(s.tailStart)).toBe("```ts title\nconst a = 1;\n");
    s.push("```\n\nAfter.");
    text += "```\n\nAfter.";
    expect(s.openFence).toBeNull();
    expect(text.slice(s.tailStart)).toBe("After.");
  });

  it("cuts a long list or paragraph between lines, but never a table", () => {
    const item = "- an item of a very long list, long enough\n";
    const list = item.repeat(Math.ceil((3 * MARKDOWN_LIMITS.softBlockChars) / item.length));
    const blocks = blocksOf(list);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.join("")).toBe(list);
    for (const b of blocks) expect(b.startsWith("- ")).toBe(true);

    const table = "| a | b |\n|---|---|\n" + "| 1 | 2 |\n".repeat(3000);
    expect(blocksOf(table)).toEqual([table]);
  });

  it("stops waiting for a `$$` that never closes", () => {
    const text = "$$ not math\n\n" + "Words and more words.\n\n".repeat(1000);
    const blocks = blocksOf(text);
    expect(blocks.length).toBeGreaterThan(100);
    expect(blocks[0]?.length).toBeLessThanOrEqual(MARKDOWN_LIMITS.softBlockChars + 100);
    expect(blocks.join("")).toBe(text);
  });

  it("ignores math delimiters inside code spans", () => {
    expect(blocksOf("Use `$$` here.\n\nNext.")).toEqual(["Use `$$` here.\n\n", "Next."]);
  });
});
