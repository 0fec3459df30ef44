import { describe, expect, it } from "vitest";
import { isPolymathError } from "../errors";
import { codeSuite, mathSuite } from "../scoring/suites/index";
import { failOnWrite } from "./failing-store";
import { createMemoryStore } from "./memory-store";
import {
  createSuiteStore,
  sameItems,
  summarizeSuite,
  uniqueSuiteId,
  uniqueSuiteName,
  type StoredSuite,
} from "./suites";

const stored = (id: string, importedAt: number, base = mathSuite): StoredSuite => ({
  ...base,
  id,
  name: `Suite ${id}`,
  source: `${id}.jsonl`,
  importedAt,
  format: "gsm8k",
});

describe("suite store", () => {
  it("keeps whole suites across instances, newest first, and deletes them", async () => {
    const kv = createMemoryStore();
    const store = createSuiteStore(kv);
    await store.save(stored("old", 10));
    await store.save(stored("new", 20, codeSuite));
    const again = createSuiteStore(kv);
    const list = await again.list();
    expect(list.map((s) => s.id)).toEqual(["new", "old"]);
    expect(list[0]).toMatchObject({
      itemCount: codeSuite.items.length,
      domains: ["code"],
      kinds: ["code"],
      withReferences: codeSuite.items.length,
      importedAt: 20,
      format: "gsm8k",
    });
    expect((await again.get("old"))?.items).toEqual(mathSuite.items);
    await again.remove("old");
    expect((await store.list()).map((s) => s.id)).toEqual(["new"]);
    expect(await store.get("old")).toBeUndefined();
  });

  it("explains a full disk, names the suite and saves nothing", async () => {
    let full = false;
    const { store: kv } = failOnWrite(createMemoryStore(), () => full);
    const store = createSuiteStore(kv);
    await store.save(stored("kept", 1));
    full = true;
    const error = await store.save(stored("big", 2)).catch((e: unknown) => e);
    expect(isPolymathError(error, "storage-full")).toBe(true);
    expect((error as Error).message).toContain('"Suite big"');
    expect((error as { advice: string }).advice).toMatch(/Nothing was imported/);
    full = false;
    expect((await store.list()).map((s) => s.id)).toEqual(["kept"]);
    expect(await store.get("big")).toBeUndefined();
  });

  it("skips damaged and newer-schema documents when rebuilding the list", async () => {
    const kv = createMemoryStore();
    const store = createSuiteStore(kv);
    await store.save(stored("good", 1));
    await kv.set("doc:future", { schema: 2, data: stored("future", 2) });
    await kv.set("doc:broken", { schema: 1, data: { id: "broken", items: "nope" } });
    await kv.del("index");
    expect((await store.list()).map((s) => s.id)).toEqual(["good"]);
    await expect(store.get("future")).rejects.toSatisfy((e) =>
      isPolymathError(e, "schema-too-new"),
    );
  });
});

describe("summarizeSuite", () => {
  it("counts items, domains, kinds and reference solutions", () => {
    const mixed = {
      ...mathSuite,
      items: [...mathSuite.items.slice(0, 2), ...codeSuite.items.slice(0, 3)],
    };
    const s = summarizeSuite(mixed);
    expect(s).toMatchObject({ itemCount: 5, domains: ["math", "code"], withReferences: 3 });
    expect(s.kinds).toEqual(["math", "code"]);
    expect(s.importedAt).toBeUndefined();
  });
});

describe("uniqueSuiteId", () => {
  it("adds the first free number to a taken id", () => {
    expect(uniqueSuiteId("a", [])).toBe("a");
    expect(uniqueSuiteId("a", ["a"])).toBe("a-2");
    expect(uniqueSuiteId("a", ["a", "a-2", "a-3"])).toBe("a-4");
  });
});

describe("uniqueSuiteName", () => {
  it("numbers a taken name from (2)", () => {
    expect(uniqueSuiteName("x.jsonl", ["y.jsonl"])).toBe("x.jsonl");
    expect(uniqueSuiteName("x.jsonl", ["x.jsonl"])).toBe("x.jsonl (2)");
    expect(uniqueSuiteName("x.jsonl", ["x.jsonl", "x.jsonl (2)"])).toBe("x.jsonl (3)");
  });
});

describe("sameItems", () => {
  it("compares items whatever the suite's name or its items' key order", () => {
    const renamed = stored("other", 1);
    expect(sameItems(mathSuite, renamed)).toBe(true);
    const reordered = {
      items: mathSuite.items.map((i) => Object.fromEntries(Object.entries(i).reverse())),
    } as Pick<StoredSuite, "items">;
    expect(sameItems(mathSuite, reordered)).toBe(true);
    expect(sameItems(mathSuite, { items: mathSuite.items.slice(1) })).toBe(false);
    const changed = mathSuite.items.map((i, n) => (n === 0 ? { ...i, prompt: `${i.prompt}!` } : i));
    expect(sameItems(mathSuite, { items: changed })).toBe(false);
    expect(sameItems(mathSuite, { items: [...mathSuite.items].reverse() })).toBe(false);
  });
});
