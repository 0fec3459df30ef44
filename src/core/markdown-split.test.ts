import { describe, expect, it } from "vitest";
import { stableSplit } from "./markdown-split";

describe("stableSplit", () => {
  it("splits after the last blank line", () => {
    const text = "First paragraph.\n\nSecond one\nstill going";
    expect(text.slice(stableSplit(text))).toBe("Second one\nstill going");
  });

  it("never splits inside an open code fence", () => {
    const text = "Intro.\n\n```py\ndef f():\n\n    return 1\n";
    expect(text.slice(0, stableSplit(text))).toBe("Intro.\n\n");
  });

  it("splits after a closed fence and a blank line", () => {
    const text = "```js\nx()\n```\n\nAfter the code";
    expect(text.slice(stableSplit(text))).toBe("After the code");
  });

  it("keeps everything in the tail when there is no break", () => {
    expect(stableSplit("one line")).toBe(0);
    expect(stableSplit("")).toBe(0);
  });
});
