import { describe, expect, it } from "vitest";
import { fileSlug } from "./file-name";

describe("fileSlug", () => {
  it("turns a title into a short dashed lowercase name", () => {
    expect(fileSlug("Linked lists, cut short")).toBe("linked-lists-cut-short");
    expect(fileSlug("  Café — naïve résumé!  ")).toBe("cafe-naive-resume");
    expect(fileSlug("What is 17 × 24?")).toBe("what-is-17-24");
  });

  it("falls back to a name when nothing usable is left and caps the length", () => {
    expect(fileSlug("???")).toBe("conversation");
    const long = fileSlug("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
  });
});
