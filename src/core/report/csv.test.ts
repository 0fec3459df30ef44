import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

describe("csvField", () => {
  it.each([
    ["=1+2", `"'=1+2"`],
    ["+1+2", `"'+1+2"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ["@SUM(A1:A9)", `"'@SUM(A1:A9)"`],
    ["\t=1+2", `"'\t=1+2"`],
    ["\r=1+2", `"'\r=1+2"`],
    ['=HYPERLINK("http://x.test","click")', `"'=HYPERLINK(""http://x.test"",""click"")"`],
    ["  =1+2", `"'  =1+2"`],
    ["-", `"'-"`],
    ["- a list item", `"'- a list item"`],
  ])("neutralizes %j as text", (cell, written) => {
    expect(csvField(cell)).toBe(written);
  });

  it("keeps numbers readable: typed numbers and plain numerals", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(0.25)).toBe("0.25");
    expect(csvField("-3")).toBe("-3");
    expect(csvField("+2.5")).toBe("+2.5");
    expect(csvField("-1e-3")).toBe("-1e-3");
    expect(csvField("-.5")).toBe("-.5");
  });

  it("neutralizes what only looks like a number", () => {
    expect(csvField("-3+1")).toBe(`"'-3+1"`);
    expect(csvField("-3 ")).toBe(`"'-3 "`);
    expect(csvField("-0x1F")).toBe(`"'-0x1F"`);
    expect(csvField(-Infinity)).toBe(`"'-Infinity"`);
  });

  it("quotes cells a spreadsheet could split on ; or a tab", () => {
    expect(csvField("a;=1+2")).toBe('"a;=1+2"');
    expect(csvField("a\tb")).toBe('"a\tb"');
  });

  it("leaves ordinary text, booleans and empty cells alone", () => {
    expect(csvField("all tests passed")).toBe("all tests passed");
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe("");
  });
});

describe("toCsv", () => {
  it("neutralizes formulas anywhere in the table, header included", () => {
    const csv = toCsv(["=model", "score"], [["=cmd|'/C calc'!A0", -0.5]]);
    expect(csv).toBe(`"'=model",score\r\n"'=cmd|'/C calc'!A0",-0.5\r\n`);
  });
});
