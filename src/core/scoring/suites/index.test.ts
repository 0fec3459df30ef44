import { describe, expect, it } from "vitest";
import { serializePolymathSuite, parsePolymathSuite } from "../importers/polymath-suite";
import { builtInSuite, builtInSuites } from "./index";

describe("built-in suites", () => {
  it("lists code, math, reasoning and instruction suites with unique ids", () => {
    const ids = builtInSuites.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(builtInSuites.map((s) => s.items[0]?.kind).sort()).toEqual([
      "choice",
      "code",
      "instruction",
      "math",
    ]);
    expect(builtInSuite("builtin-math")?.name).toBe("Math word problems");
    expect(builtInSuite("nope")).toBeUndefined();
  });

  it("round-trip through the Polymath suite format", () => {
    for (const suite of builtInSuites) {
      expect(parsePolymathSuite(serializePolymathSuite(suite), suite.source)).toEqual(suite);
    }
  });
});
