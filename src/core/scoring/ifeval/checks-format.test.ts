import { describe, expect, it } from "vitest";
import {
  constrainedResponse,
  jsonFormat,
  multipleSections,
  numberBulletLists,
  numberHighlightedSections,
  title,
} from "./checks-format";
import type { InstructionDef } from "./kwargs";

const check = (def: InstructionDef, kwargs: Record<string, unknown>, response: string) =>
  def.compile("test", kwargs)(response);

describe("detectable_format:number_bullet_lists", () => {
  const id = numberBulletLists;
  it("counts * and - bullets, exactly", () => {
    expect(check(id, { num_bullets: 3 }, "Intro\n* one\n- two\n  * three")).toBe(true);
    expect(check(id, { num_bullets: 2 }, "Intro\n* one\n- two\n  * three")).toBe(false);
  });
  it("does not count bold lines but counts a dash even inside prose lines", () => {
    expect(check(id, { num_bullets: 1 }, "**Bold title**\n* item")).toBe(true);
    expect(check(id, { num_bullets: 1 }, "-not really a bullet")).toBe(true);
  });
  it("lets a lone * swallow the next line, as IFEval's [^*] does", () => {
    expect(check(id, { num_bullets: 1 }, "*\n* second")).toBe(true);
  });
  it("copes with thousands of blank lines", () => {
    expect(check(id, { num_bullets: 1 }, "\n".repeat(50000) + "* x")).toBe(true);
  });
});

describe("detectable_format:constrained_response", () => {
  const id = constrainedResponse;
  it("needs one of IFEval's three fixed options", () => {
    expect(check(id, {}, "After thought, My answer is maybe.")).toBe(true);
    expect(check(id, {}, "my answer is yes")).toBe(false);
  });
});

describe("detectable_format:number_highlighted_sections", () => {
  const id = numberHighlightedSections;
  it("counts non-empty *spans*", () => {
    expect(check(id, { num_highlights: 2 }, "*one* and *two*")).toBe(true);
    expect(check(id, { num_highlights: 2 }, "*one* and * *")).toBe(false);
  });
  it("counts **bold** once through the double pattern", () => {
    expect(check(id, { num_highlights: 1 }, "**bold**")).toBe(true);
    expect(check(id, { num_highlights: 2 }, "**bold**")).toBe(false);
  });
});

describe("detectable_format:multiple_sections", () => {
  const id = multipleSections;
  const kw = { section_spliter: "SECTION", num_sections: 2 };
  it("counts '<spliter> <number>' markers, case-sensitively", () => {
    expect(check(id, kw, "SECTION 1\nIntro\nSECTION 2\nBody")).toBe(true);
    expect(check(id, kw, "Section 1\nIntro\nSection 2\nBody")).toBe(false);
    expect(check(id, kw, "SECTION 1\nIntro only")).toBe(false);
  });
});

describe("detectable_format:json_format", () => {
  const id = jsonFormat;
  it("accepts JSON, optionally in one code fence", () => {
    expect(check(id, {}, '{"a": [1, 2]}')).toBe(true);
    expect(check(id, {}, '```json\n{"a": 1}\n```')).toBe(true);
    expect(check(id, {}, '```\n["x"]\n```')).toBe(true);
  });
  it("rejects text around the JSON", () => {
    expect(check(id, {}, 'Here you go:\n```json\n{"a": 1}\n```')).toBe(false);
    expect(check(id, {}, "{a: 1}")).toBe(false);
  });
  it("accepts NaN and Infinity as Python's json.loads does", () => {
    expect(check(id, {}, '{"x": NaN, "y": -Infinity, "s": "NaN"}')).toBe(true);
  });
});

describe("detectable_format:title", () => {
  const id = title;
  it("needs a non-empty <<title>> on one line", () => {
    expect(check(id, {}, "<<Ode to Rain>>\nIt falls.")).toBe(true);
    expect(check(id, {}, "<< >>\nIt falls.")).toBe(false);
    expect(check(id, {}, "<<Ode\nto Rain>>")).toBe(false);
  });
  it("copes with a line full of unclosed brackets", () => {
    expect(check(id, {}, "<".repeat(100000))).toBe(false);
  });
});
