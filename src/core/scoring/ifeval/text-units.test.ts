import { describe, expect, it } from "vitest";
import reference from "../../../../tests/fixtures/ifeval/nltk-reference.json";
import { countCapitalWords, countWords, treebankWords } from "./text-units";

describe("countWords (RegexpTokenizer \\w+)", () => {
  it("counts runs of word characters in any script", () => {
    expect(countWords("Hello, world! It's 2024.")).toBe(5);
    expect(countWords("snake_case and kebab-case")).toBe(4);
    expect(countWords("Привет мир 你好")).toBe(3);
    expect(countWords("")).toBe(0);
    expect(countWords("... !!! ---")).toBe(0);
  });
});

describe("treebankWords and countCapitalWords", () => {
  it("splits clitics and punctuation but not hyphens", () => {
    expect(treebankWords("DON'T stop-now, OK?")).toEqual(["DO", "N'T", "stop-now", "OK"]);
    expect(treebankWords("I CANNOT (really)")).toEqual(["I", "CAN", "NOT", "really"]);
  });

  it("counts all-capital words as str.isupper does", () => {
    expect(countCapitalWords("The NASA and ESA teams met in the U.S. today.")).toBe(3);
    expect(countCapitalWords("nothing shouts here 123")).toBe(0);
  });

  it("agrees with NLTK on the reference texts", () => {
    // Fixture: Python `len(re.findall(r"\w+", t))` and NLTK's word tokenizer with `isupper()`.
    for (const c of reference.words) {
      expect({ text: c.text, words: countWords(c.text) }).toEqual({ text: c.text, words: c.words });
      expect({ text: c.text, caps: countCapitalWords(c.text) }).toEqual({
        text: c.text,
        caps: c.capitalWords,
      });
    }
  });
});
