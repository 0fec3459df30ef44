import { describe, expect, it } from "vitest";
import { parseSuiteUrl } from "./suite-url";

describe("parseSuiteUrl", () => {
  it("names the file after the last path segment, decoded", () => {
    expect(parseSuiteUrl(" https://example.org/data/humaneval_js.jsonl.gz?raw=1 ")).toEqual({
      href: "https://example.org/data/humaneval_js.jsonl.gz?raw=1",
      fileName: "humaneval_js.jsonl.gz",
    });
    expect(parseSuiteUrl("http://h.test/a%20b.csv")?.fileName).toBe("a b.csv");
    expect(parseSuiteUrl("https://h.test/")?.fileName).toBe("h.test");
    expect(parseSuiteUrl("https://h.test/%E0%A4%A")?.fileName).toBe("%E0%A4%A");
  });

  it("refuses what is not a web address", () => {
    expect(parseSuiteUrl("humaneval.jsonl")).toBeNull();
    expect(parseSuiteUrl("ftp://h.test/x.jsonl")).toBeNull();
    expect(parseSuiteUrl("javascript:alert(1)")).toBeNull();
  });
});
