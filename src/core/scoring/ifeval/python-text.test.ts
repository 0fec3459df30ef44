import { describe, expect, it } from "vitest";
import {
  countMatches,
  pyIsLower,
  pyIsUpper,
  pyLstrip,
  pyPattern,
  pySplit,
  pyStrip,
} from "./python-text";

describe("Python string semantics", () => {
  it("strips Python whitespace only", () => {
    expect(pyStrip("\u0085 hi \x1c")).toBe("hi");
    // U+FEFF is not whitespace to Python, so json.loads would see it.
    expect(pyStrip("\ufeff{}")).toBe("\ufeff{}");
    expect(pyStrip('""quoted""', '"')).toBe("quoted");
    expect(pyLstrip("'\"word", "'")).toBe('"word');
  });

  it("splits on whitespace runs like str.split()", () => {
    expect(pySplit("  one\t two\n\nthree ")).toEqual(["one", "two", "three"]);
    expect(pySplit("   ")).toEqual([]);
  });

  it("tells upper and lower case as str.isupper / str.islower do", () => {
    expect(pyIsUpper("HELLO, WORLD 42!")).toBe(true);
    expect(pyIsUpper("HELLO World")).toBe(false);
    expect(pyIsUpper("1234 !")).toBe(false);
    expect(pyIsUpper("ÉTÉ")).toBe(true);
    expect(pyIsLower("hello, world 42!")).toBe(true);
    expect(pyIsLower("hello World")).toBe(false);
    expect(pyIsLower("ß")).toBe(true);
    expect(pyIsLower("...")).toBe(false);
  });

  it("compiles kwargs as patterns, falling back to literal text", () => {
    expect(pyPattern("colou?r", "i").test("COLOR")).toBe(true);
    const literal = pyPattern("C++", "iu");
    expect(literal.test("I write c++ daily")).toBe(true);
    expect(literal.test("I write c daily")).toBe(false);
    expect(countMatches("aXa xa", pyPattern("a", "gi"))).toBe(3);
  });
});
