import { describe, expect, it } from "vitest";
import { compileInstruction } from "./registry";

const check = (id: string, kwargs: Record<string, unknown>, response: string) =>
  compileInstruction(id, kwargs)(response);

describe("language:response_language", () => {
  const id = "language:response_language";
  it("passes text in the requested language", () => {
    const fr = "Le marché ouvre tôt le samedi et les habitants y achètent du pain frais.";
    expect(check(id, { language: "fr" }, fr)).toBe(true);
    expect(check(id, { language: "de" }, fr)).toBe(false);
  });
  it("passes text without letters, as IFEval does when langdetect gives up", () => {
    expect(check(id, { language: "ja" }, "12345 !!!")).toBe(true);
  });
  it("refuses codes outside IFEval's list", () => {
    expect(() => compileInstruction(id, { language: "xx" })).toThrow(/language/);
  });
});

describe("change_case:english_lowercase", () => {
  const id = "change_case:english_lowercase";
  it("needs English with no capital letters", () => {
    expect(check(id, {}, "the river runs quietly past the old mill every morning.")).toBe(true);
    expect(check(id, {}, "The river runs quietly past the old mill every morning.")).toBe(false);
    expect(check(id, {}, "la rivière coule doucement devant le vieux moulin chaque matin.")).toBe(
      false,
    );
  });
});

describe("change_case:english_capital", () => {
  const id = "change_case:english_capital";
  it("needs English with no lowercase letters", () => {
    expect(check(id, {}, "THE RIVER RUNS QUIETLY PAST THE OLD MILL EVERY MORNING.")).toBe(true);
    expect(check(id, {}, "THE RIVER RUNS QUIETLY PAST THE OLD MILL every MORNING.")).toBe(false);
    expect(check(id, {}, "DER FLUSS FLIESST JEDEN MORGEN LEISE AN DER ALTEN MÜHLE VORBEI.")).toBe(
      false,
    );
  });
});

describe("change_case:capital_word_frequency", () => {
  const id = "change_case:capital_word_frequency";
  it("counts all-capital words against the relation", () => {
    const kw = { capital_frequency: 3, capital_relation: "at least" };
    expect(check(id, kw, "Use BOLD, LOUD and CLEAR words.")).toBe(true);
    expect(check(id, kw, "Use BOLD and LOUD words.")).toBe(false);
    const few = { capital_frequency: 2, capital_relation: "less than" };
    expect(check(id, few, "Only ONE shout.")).toBe(true);
    expect(check(id, few, "I DON'T know.")).toBe(false);
  });
});
