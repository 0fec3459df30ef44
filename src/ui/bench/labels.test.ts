import { describe, expect, it } from "vitest";
import { codeSuite } from "../../core/scoring/suites/index";
import { summarizeSuite } from "../../core/storage/suites";
import { suiteOptionLabel } from "./labels";

describe("suiteOptionLabel", () => {
  it("names the source when it differs from the name, and the item count always", () => {
    const builtIn = summarizeSuite(codeSuite);
    expect(suiteOptionLabel(builtIn)).toBe(
      `${codeSuite.name} — built-in, ${codeSuite.items.length} items`,
    );
    const plain = { ...builtIn, name: "x.jsonl", source: "x.jsonl", itemCount: 3 };
    expect(suiteOptionLabel(plain)).toBe("x.jsonl (3 items)");
    const gz = { ...plain, source: "x.jsonl.gz", itemCount: 2 };
    expect(suiteOptionLabel(gz)).toBe("x.jsonl — x.jsonl.gz, 2 items");
  });
});
