import { describe, expect, it } from "vitest";
import { MARKDOWN_LIMITS, assessBlock, capNesting, plainChunkEnd } from "./markdown-limits";

describe("assessBlock", () => {
  it("accepts ordinary markdown", () => {
    expect(assessBlock("Some **bold** and _it_ and [a](https://x.y).\n\n- a\n- b")).toBeNull();
  });

  it("flags blocks too long, too full of delimiters, or nested too deeply", () => {
    expect(assessBlock("a".repeat(MARKDOWN_LIMITS.maxBlockChars + 1))).toBe("too-long");
    expect(assessBlock("_a".repeat(MARKDOWN_LIMITS.maxDelimiters + 1))).toBe("too-complex");
    expect(assessBlock("[".repeat(MARKDOWN_LIMITS.maxBracketDepth + 1))).toBe("too-deep");
    expect(assessBlock("(".repeat(40) + ")".repeat(40))).toBe("too-deep");
  });

  it("does not count what is inside code fences or escaped", () => {
    expect(assessBlock("```\n" + "_a[".repeat(2000) + "\n```")).toBeNull();
    expect(assessBlock("\\[".repeat(100))).toBeNull();
  });
});

describe("capNesting", () => {
  const { maxDepth } = MARKDOWN_LIMITS;

  it("leaves ordinary nesting alone", () => {
    const md = "> a\n> > b\n\n- x\n  - y\n    1. z";
    expect(capNesting(md)).toBe(md);
  });

  it("escapes quote and list markers past the cap, keeping all the text", () => {
    const quotes = ">".repeat(maxDepth + 50) + " deep";
    const capped = capNesting(quotes);
    expect(capped.replace(/\\/g, "")).toBe(quotes);
    expect(capped.indexOf("\\>")).toBe(maxDepth);

    const lists = "- ".repeat(maxDepth + 10) + "item";
    const cappedList = capNesting(lists);
    expect(cappedList.replace(/\\/g, "")).toBe(lists);
    expect(cappedList.split("\\")[0]).toBe("- ".repeat(maxDepth));
  });

  it("flattens indentation past the cap and never touches fenced code", () => {
    const deep = " ".repeat(500) + "- item";
    expect(capNesting(deep)).toBe(" ".repeat(MARKDOWN_LIMITS.maxIndent) + "- item");
    const fenced = "```\n" + ">".repeat(100) + "\n" + " ".repeat(100) + "x\n```";
    expect(capNesting(fenced)).toBe(fenced);
  });
});

describe("plainChunkEnd", () => {
  const size = MARKDOWN_LIMITS.plainChunkChars;

  it("takes the rest when it fits, else cuts after the last line break in reach", () => {
    expect(plainChunkEnd("short", 0)).toBe(5);
    const text = "x".repeat(size - 10) + "\n" + "y".repeat(size);
    expect(plainChunkEnd(text, 0)).toBe(size - 9);
    expect(plainChunkEnd("z".repeat(size * 2), 0)).toBe(size);
  });

  it("cuts a growing text where it cuts the whole text", () => {
    const text = ("line of text\n".repeat(3000) + "w".repeat(size * 2)).slice(0, size * 3);
    const cuts = (t: string): number[] => {
      const out: number[] = [];
      for (let at = 0; at < t.length;) out.push((at = plainChunkEnd(t, at)));
      return out;
    };
    const whole = cuts(text);
    // Every cut made on a prefix, except the last (still growing) piece, is a cut of the whole.
    for (const n of [size + 5, 2 * size + 7, text.length]) {
      const part = cuts(text.slice(0, n));
      expect(whole.slice(0, part.length - 1)).toEqual(part.slice(0, -1));
    }
  });
});
