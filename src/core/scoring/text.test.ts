import { describe, expect, it } from "vitest";
import { fencedBlocks, stripThinking } from "./text";

describe("stripThinking", () => {
  it("drops closed reasoning traces", () => {
    expect(stripThinking("<think>maybe 41?</think>\nThe answer is 42.")).toBe("The answer is 42.");
  });

  it("leaves nothing when the trace never closed", () => {
    expect(stripThinking("<think>still thinking about 41")).toBe("");
  });

  it("handles a trace whose opening tag was in the prompt", () => {
    expect(stripThinking("so 6 * 7...</think>42")).toBe("42");
  });

  it("keeps answers without traces", () => {
    expect(stripThinking("  B  ")).toBe("B");
  });
});

describe("fencedBlocks", () => {
  it("finds blocks with their language", () => {
    const text = "Here:\n```js\nconst a = 1;\n```\nand\n```\nplain\n```";
    expect(fencedBlocks(text)).toEqual([
      { lang: "js", code: "const a = 1;", closed: true },
      { lang: "", code: "plain", closed: true },
    ]);
  });

  it("keeps an unclosed last block", () => {
    expect(fencedBlocks("```javascript\nfunction f() {\n  return 1;")).toEqual([
      { lang: "javascript", code: "function f() {\n  return 1;", closed: false },
    ]);
  });

  it("does not close a ``` fence on a longer fence's content", () => {
    const blocks = fencedBlocks("````md\n```js\nx\n```\n````");
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.code).toBe("```js\nx\n```");
  });
});
