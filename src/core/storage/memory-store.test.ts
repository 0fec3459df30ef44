import { describe, expect, it } from "vitest";
import { isPolymathError, PolymathError } from "../errors";
import { failOnWrite, quotaExceededError } from "./failing-store";
import { createMemoryStore } from "./memory-store";
import { openStore } from "./open-store";
import { guardWrite, isQuotaError, toStorageError } from "./storage-errors";

describe("memory store", () => {
  it("round-trips values as copies, like structured clone", async () => {
    const store = createMemoryStore();
    const value = { a: [1, 2], b: "x" };
    await store.set("k", value);
    value.a.push(3);
    expect(await store.get("k")).toEqual({ a: [1, 2], b: "x" });
    await store.setMany([
      ["k2", 2],
      ["k3", 3],
    ]);
    expect((await store.keys()).sort()).toEqual(["k", "k2", "k3"]);
    await store.del("k");
    expect(await store.get("k")).toBeUndefined();
    expect(await store.entries()).toEqual([
      ["k2", 2],
      ["k3", 3],
    ]);
    await store.clear();
    expect(await store.keys()).toEqual([]);
  });
});

describe("quota errors", () => {
  it("recognises QuotaExceededError by name and by message", () => {
    const byName = new Error("x");
    byName.name = "QuotaExceededError";
    expect(isQuotaError(byName)).toBe(true);
    expect(isQuotaError(new Error("Transaction failed: Quota exceeded"))).toBe(true);
    expect(isQuotaError(new Error("disk on fire"))).toBe(false);
    expect(isQuotaError("quota")).toBe(false);
  });

  it("turns a failing write into storage-full and keeps the earlier value", async () => {
    const { store, writes } = failOnWrite(createMemoryStore(), 2);
    await store.set("k", "old");
    const failure = guardWrite("k", () => store.set("k", "new"));
    await expect(failure).rejects.toSatisfy((e) => isPolymathError(e, "storage-full"));
    expect(writes()).toBe(2);
    expect(await store.get("k")).toBe("old");
  });

  it("re-words a lower layer's storage-full with what the caller saves", async () => {
    const inner = toStorageError(quotaExceededError(), "your data");
    const outer = toStorageError(inner, "the conversation");
    expect(outer.code).toBe("storage-full");
    expect(outer.message).toContain("the conversation");
    expect(toStorageError(new PolymathError("aborted", "x"), "y").code).toBe("aborted");
  });
});

describe("openStore", () => {
  it("falls back to memory and says why when IndexedDB cannot be opened", async () => {
    const opened = await openStore("polymath-test", () => {
      throw new ReferenceError("indexedDB is not defined");
    });
    expect(opened.persistent).toBe(false);
    expect(opened.store.kind).toBe("memory");
    expect(opened.error?.code).toBe("storage-unavailable");
  });

  it("falls back in an environment without IndexedDB (node) using the real idb store", async () => {
    const opened = await openStore("polymath-test");
    expect(opened.persistent).toBe(false);
    expect(opened.error?.details).toEqual({ database: "polymath-test" });
  });

  it("also falls back when the first read fails", async () => {
    const broken = createMemoryStore();
    broken.get = () => Promise.reject(new Error("InvalidStateError"));
    const opened = await openStore("polymath-test", () => broken);
    expect(opened.store).not.toBe(broken);
    expect(opened.persistent).toBe(false);
  });

  it("keeps a store that answers", async () => {
    const good = createMemoryStore();
    const opened = await openStore("polymath-test", () => good);
    expect(opened).toEqual({ store: good, persistent: true });
  });
});
