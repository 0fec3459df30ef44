import { describe, expect, it } from "vitest";
import { scoreCodeItem } from "../code";
import { nodeVmRunner } from "../node-vm-runner.test-helper";
import type { CodeItem } from "../types";
import { codeSuite } from "./code";

const runner = nodeVmRunner();
const items = codeSuite.items as CodeItem[];

describe("built-in code suite", () => {
  it("has at least 25 code items with unique ids and both completions", () => {
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      expect(item.kind).toBe("code");
      // HumanEval-X shape: a doc comment, then the open function the model completes.
      expect(item.prompt).toMatch(
        new RegExp(`^/\\* [\\s\\S]*\\*/\\nconst ${item.entryPoint} = \\(.*\\) => \\{\\n$`),
      );
      expect(item.reference).toBeTypeOf("string");
      expect(item.wrong).toBeTypeOf("string");
      expect(item.reference).not.toBe(item.wrong);
    }
  });

  it.each(items.map((i) => [i.id, i] as const))(
    "%s: the reference passes and the wrong one fails",
    async (_id, item) => {
      const right = await scoreCodeItem(item, item.reference ?? "", runner, { timeoutMs: 1000 });
      expect(right.reason).toBe("all tests passed");
      const wrong = await scoreCodeItem(item, item.wrong ?? "", runner, { timeoutMs: 1000 });
      expect(wrong.pass).toBe(false);
      expect(wrong.details?.["failure"]).toBe("assertion");
    },
  );

  it("also passes the reference written as a full chat answer", async () => {
    const item = items[0] as CodeItem;
    const declaration = item.prompt.slice(item.prompt.indexOf(`const ${item.entryPoint}`));
    const answer = `Sure!\n\n\`\`\`javascript\n${declaration}${item.reference ?? ""}\`\`\`\n`;
    expect(await scoreCodeItem(item, answer, runner)).toMatchObject({
      pass: true,
      details: { mode: "solution" },
    });
  });
});
