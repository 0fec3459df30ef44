import { describe, expect, it } from "vitest";
import { isPolymathError } from "../../errors";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads plain and quoted fields with commas, quotes and newlines", () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\r\n,"",last\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "two\nlines"] },
      { line: 4, fields: ["", "", "last"] },
    ]);
  });

  it("skips blank lines and keeps a last line without a newline", () => {
    expect(parseCsv("\uFEFFa\n\nb,c")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 3, fields: ["b", "c"] },
    ]);
  });

  it("names the line of an unclosed quote", () => {
    try {
      parseCsv('a,b\nc,"never\nclosed');
      expect.unreachable();
    } catch (e) {
      expect(isPolymathError(e, "malformed-input")).toBe(true);
      expect((e as Error).message).toBe("line 2: a quoted field is never closed");
    }
  });

  it("rejects text after a closing quote", () => {
    expect(() => parseCsv('"a"b,c')).toThrow("line 1: unexpected text after a closing quote");
  });
});
