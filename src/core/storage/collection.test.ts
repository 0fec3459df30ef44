import { describe, expect, it } from "vitest";
import { createCollection } from "./collection";
import { failOnWrite } from "./failing-store";
import { createMemoryStore } from "./memory-store";
import type { DocumentSchema } from "./versioned";

interface Note {
  id: string;
  text: string;
}
const schema: DocumentSchema<Note> = { name: "note", version: 1, migrations: {} };

function notes(store = createMemoryStore()) {
  return createCollection({ store, schema, summarize: (n) => ({ id: n.id }), order: () => 0 });
}

describe("collection revisions", () => {
  it("counts revisions from 1 and returns each new one", async () => {
    const docs = notes();
    expect(await docs.save({ id: "a", text: "one" })).toBe(1);
    expect(await docs.save({ id: "a", text: "two" }, { baseRev: 1 })).toBe(2);
    expect(await docs.getRevised("a")).toEqual({ doc: { id: "a", text: "two" }, rev: 2 });
  });

  it("refuses a save made from a stale revision and keeps the newer text", async () => {
    const store = createMemoryStore();
    const tabA = notes(store);
    const tabB = notes(store); // another tab: same database, its own queue
    await tabA.save({ id: "a", text: "first" });
    const seenByB = await tabB.getRevised("a");
    await tabA.save({ id: "a", text: "A's edit" }, { baseRev: 1 });
    const stale = await tabB
      .save({ id: "a", text: "B's edit" }, { baseRev: seenByB?.rev ?? 0 })
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: "conflict", details: { baseRev: 1, storedRev: 2 } });
    expect((await tabA.get("a"))?.text).toBe("A's edit");
  });

  it("refuses to create over a document another tab created meanwhile", async () => {
    const store = createMemoryStore();
    await notes(store).save({ id: "a", text: "other tab" });
    await expect(
      notes(store).save({ id: "a", text: "mine" }, { baseRev: 0 }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("reads documents saved before revisions as revision 0, and a full disk keeps them", async () => {
    const inner = createMemoryStore();
    await inner.set("doc:a", { schema: 1, data: { id: "a", text: "old" } });
    let full = true;
    const { store } = failOnWrite(inner, () => full);
    const docs = notes(store);
    expect((await docs.getRevised("a"))?.rev).toBe(0);
    await expect(docs.save({ id: "a", text: "new" }, { baseRev: 0 })).rejects.toMatchObject({
      code: "storage-full",
    });
    expect((await docs.get("a"))?.text).toBe("old");
    full = false;
    expect(await docs.save({ id: "a", text: "new" }, { baseRev: 0 })).toBe(1);
  });
});
