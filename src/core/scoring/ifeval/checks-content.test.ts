import { describe, expect, it } from "vitest";
import {
  endChecker,
  noComma,
  numberPlaceholders,
  postscript,
  quotation,
  repeatPrompt,
  twoResponses,
} from "./checks-content";
import type { InstructionDef } from "./kwargs";

const check = (def: InstructionDef, kwargs: Record<string, unknown>, response: string) =>
  def.compile("test", kwargs)(response);

describe("detectable_content:number_placeholders", () => {
  const id = numberPlaceholders;
  it("counts [bracketed] spans on one line", () => {
    expect(check(id, { num_placeholders: 2 }, "Dear [name], meet me at [place].")).toBe(true);
    expect(check(id, { num_placeholders: 2 }, "Dear [name], meet me at [place\n].")).toBe(false);
  });
});

describe("detectable_content:postscript", () => {
  const id = postscript;
  it("finds P.S. anywhere, in any case, with optional spaces", () => {
    expect(check(id, { postscript_marker: "P.S." }, "Bye.\n\np. s. Bring snacks.")).toBe(true);
    expect(check(id, { postscript_marker: "P.S." }, "Bye.\nPS Bring snacks.")).toBe(false);
  });
  it("handles P.P.S and other markers", () => {
    expect(check(id, { postscript_marker: "P.P.S" }, "Bye.\nP.P.S. One more.")).toBe(true);
    expect(check(id, { postscript_marker: "P.P.S" }, "Bye.\nP.S. One more.")).toBe(false);
    expect(check(id, { postscript_marker: "Note:" }, "Bye.\nNOTE: later.")).toBe(true);
  });
});

describe("combination:two_responses", () => {
  const id = twoResponses;
  it("needs two different answers separated by ******", () => {
    expect(check(id, {}, "First take.\n******\nSecond take.")).toBe(true);
    expect(check(id, {}, "Same.\n******\nSame.")).toBe(false);
    expect(check(id, {}, "One.\n******\n******\nTwo.")).toBe(false);
  });
});

describe("combination:repeat_prompt", () => {
  const id = repeatPrompt;
  const kw = { prompt_to_repeat: "Name three rivers." };
  it("needs the answer to open with the request, case-insensitively", () => {
    expect(check(id, kw, "name three rivers. The Nile, the Amazon and the Rhine.")).toBe(true);
    expect(check(id, kw, "Sure! Name three rivers. The Nile...")).toBe(false);
  });
});

describe("startend:end_checker", () => {
  const id = endChecker;
  const kw = { end_phrase: "Any other questions?" };
  it("needs the exact phrase at the end, outer quotes aside", () => {
    expect(check(id, kw, 'Done.\n"any other questions?"')).toBe(true);
    expect(check(id, kw, "Any other questions? Thanks.")).toBe(false);
  });
});

describe("startend:quotation", () => {
  const id = quotation;
  it("needs the whole answer in double quotes", () => {
    expect(check(id, {}, '  "Quoted answer."\n')).toBe(true);
    expect(check(id, {}, '"Quoted" answer.')).toBe(false);
    expect(check(id, {}, '"')).toBe(false);
  });
});

describe("punctuation:no_comma", () => {
  it("fails on any ASCII comma", () => {
    expect(check(noComma, {}, "No commas here; none at all.")).toBe(true);
    expect(check(noComma, {}, "One, two.")).toBe(false);
    // Only the ASCII comma counts, as in IFEval.
    expect(check(noComma, {}, "一，二。")).toBe(true);
  });
});
