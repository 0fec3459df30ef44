import { describe, expect, it } from "vitest";
import { isPolymathError } from "../../errors";
import { failOnWrite } from "../../storage/failing-store";
import { createMemoryStore } from "../../storage/memory-store";
import { createComparisonStore, titleFromPrompt, type StoredComparison } from "./comparisons";

const usage = {
  promptTokens: 9,
  completionTokens: 4,
  ttftMs: 300,
  prefillTokensPerS: 90,
  decodeTokensPerS: 30,
  totalMs: 450,
};

// Fixture comparison; the answers are invented for the test, not model output.
function comparison(id: string, createdAt: number): StoredComparison {
  return {
    id,
    createdAt,
    title: `Reverse a string (${id})`,
    systemPrompt: "",
    params: { temperature: 0 },
    models: ["gen", "code"],
    turns: [
      {
        prompt: "Reverse 'abc' in Python",
        answers: {
          gen: { text: "'abc'[::-1]", reasoning: "", finishReason: "stop", usage },
          code: { text: "s[::-1]", reasoning: "", finishReason: "stop", usage },
        },
      },
    ],
    blind: { revealed: false },
  };
}

describe("comparison store", () => {
  it("saves, lists newest first, updates and deletes", async () => {
    const store = createComparisonStore(createMemoryStore());
    await store.save(comparison("a", 1));
    await store.save(comparison("b", 2));
    expect((await store.list()).map((s) => s.id)).toEqual(["b", "a"]);
    expect((await store.list())[0]).toEqual({
      id: "b",
      createdAt: 2,
      title: "Reverse a string (b)",
      models: ["gen", "code"],
      turnCount: 1,
      // Blind and not voted on yet: lists must not name the models.
      hidden: true,
    });
    const voted = {
      ...comparison("a", 1),
      blind: { revealed: true, vote: { a: "gen", b: "code", outcome: "b" as const } },
    };
    await store.save(voted);
    expect(await store.get("a")).toEqual(voted);
    expect((await store.list()).find((s) => s.id === "a")?.hidden).toBeUndefined();
    await store.delete("b");
    expect((await store.list()).map((s) => s.id)).toEqual(["a"]);
    expect(await store.get("b")).toBeUndefined();
  });

  it("keeps the previous version when the disk is full", async () => {
    let full = false;
    const { store: kv } = failOnWrite(createMemoryStore(), () => full);
    const store = createComparisonStore(kv);
    await store.save(comparison("a", 1));
    full = true;
    await expect(store.save({ ...comparison("a", 1), turns: [] })).rejects.toSatisfy((e) =>
      isPolymathError(e, "storage-full"),
    );
    expect((await store.get("a"))?.turns).toHaveLength(1);
  });

  it("refuses a comparison from a newer schema", async () => {
    const kv = createMemoryStore();
    await kv.set("doc:x", { schema: 2, data: comparison("x", 1) });
    await expect(createComparisonStore(kv).get("x")).rejects.toSatisfy((e) =>
      isPolymathError(e, "schema-too-new"),
    );
  });
});

describe("titleFromPrompt", () => {
  it("takes the first line and shortens a long one with an ellipsis", () => {
    expect(titleFromPrompt("  Reverse a string\nin Python ")).toBe("Reverse a string");
    const long = "word ".repeat(30);
    const title = titleFromPrompt(long, 20);
    expect(title.length).toBeLessThanOrEqual(20);
    expect(title.endsWith("…")).toBe(true);
    expect(titleFromPrompt(" \n ")).toBe("Untitled comparison");
  });
});
