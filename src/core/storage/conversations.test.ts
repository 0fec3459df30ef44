import { describe, expect, it } from "vitest";
import { isPolymathError } from "../errors";
import type { Conversation, ConversationV1 } from "./conversation-schema";
import { createConversationStore } from "./conversations";
import { failOnWrite } from "./failing-store";
import { createMemoryStore } from "./memory-store";

// Fixture conversations; the texts are made up for the test, not model output.
function conversation(id: string, updatedAt: number, title = `Chat ${id}`): Conversation {
  return {
    id,
    title,
    createdAt: 1000,
    updatedAt,
    modelId: "Qwen3-1.7B-q4f16_1-MLC",
    systemPrompt: "Be brief.",
    params: { temperature: 0.5 },
    messages: [
      { id: `${id}-0`, role: "user", content: "2+2?" },
      { id: `${id}-1`, role: "assistant", content: "4", finishReason: "stop" },
    ],
  };
}

describe("conversation store", () => {
  it("round-trips a conversation", async () => {
    const store = createConversationStore(createMemoryStore());
    const c = conversation("a", 5);
    await store.save(c);
    expect(await store.get("a")).toEqual(c);
    expect(await store.get("missing")).toBeUndefined();
  });

  it("lists summaries, most recently updated first, and updates in place", async () => {
    const store = createConversationStore(createMemoryStore());
    await store.save(conversation("a", 10));
    await store.save(conversation("b", 30));
    await store.save(conversation("c", 20));
    expect((await store.list()).map((s) => s.id)).toEqual(["b", "c", "a"]);
    await store.save(conversation("a", 40));
    const list = await store.list();
    expect(list.map((s) => s.id)).toEqual(["a", "b", "c"]);
    expect(list[0]).toEqual({
      id: "a",
      title: "Chat a",
      createdAt: 1000,
      updatedAt: 40,
      modelId: "Qwen3-1.7B-q4f16_1-MLC",
      messageCount: 2,
    });
  });

  it("keeps every entry when saves overlap", async () => {
    const store = createConversationStore(createMemoryStore());
    await Promise.all(["a", "b", "c", "d"].map((id, i) => store.save(conversation(id, i))));
    expect((await store.list()).map((s) => s.id).sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("renames and bumps updatedAt, and rejects unknown ids", async () => {
    const store = createConversationStore(createMemoryStore(), () => 99);
    await store.save(conversation("a", 10));
    const renamed = await store.rename("a", "  Arithmetic  ");
    expect(renamed.title).toBe("Arithmetic");
    expect((await store.get("a"))?.updatedAt).toBe(99);
    expect((await store.list())[0]?.title).toBe("Arithmetic");
    await expect(store.rename("zzz", "x")).rejects.toSatisfy((e) =>
      isPolymathError(e, "not-found"),
    );
  });

  it("deletes a conversation and its list entry", async () => {
    const kv = createMemoryStore();
    const store = createConversationStore(kv);
    await store.save(conversation("a", 1));
    await store.save(conversation("b", 2));
    await store.delete("a");
    expect(await store.get("a")).toBeUndefined();
    expect((await store.list()).map((s) => s.id)).toEqual(["b"]);
    expect(await kv.keys()).not.toContain("doc:a");
  });

  it("rebuilds a missing index from the documents", async () => {
    const kv = createMemoryStore();
    await createConversationStore(kv).save(conversation("a", 1));
    await createConversationStore(kv).save(conversation("b", 2));
    await kv.del("index");
    expect((await createConversationStore(kv).list()).map((s) => s.id)).toEqual(["b", "a"]);
    expect(await kv.get("index")).toBeDefined();
  });

  it("upgrades a version-1 conversation on read", async () => {
    const kv = createMemoryStore();
    const v1: ConversationV1 = {
      id: "old",
      title: "Old chat",
      createdAt: 1,
      updatedAt: 2,
      model: "Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC",
      messages: [
        { role: "user", content: "1+1?" },
        { role: "assistant", content: "2", model: "Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC" },
      ],
    };
    await kv.set("doc:old", { schema: 1, data: v1 });
    const store = createConversationStore(kv);
    const upgraded = await store.get("old");
    expect(upgraded).toEqual({
      id: "old",
      title: "Old chat",
      createdAt: 1,
      updatedAt: 2,
      modelId: "Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC",
      systemPrompt: "",
      params: {},
      messages: [
        { id: "old-0", role: "user", content: "1+1?" },
        {
          id: "old-1",
          role: "assistant",
          content: "2",
          modelId: "Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC",
        },
      ],
    });
    expect((await store.list()).map((s) => s.modelId)).toEqual([upgraded?.modelId]);
  });

  it("refuses a conversation written by a newer schema", async () => {
    const kv = createMemoryStore();
    await kv.set("doc:new", { schema: 3, data: conversation("new", 1) });
    await expect(createConversationStore(kv).get("new")).rejects.toSatisfy((e) =>
      isPolymathError(e, "schema-too-new"),
    );
  });

  it("explains a full disk and keeps the previous version", async () => {
    let full = false;
    const { store: kv } = failOnWrite(createMemoryStore(), () => full);
    const store = createConversationStore(kv);
    await store.save(conversation("a", 1, "First"));
    full = true;
    const failed = store.save({ ...conversation("a", 2, "Second"), messages: [] });
    await expect(failed).rejects.toSatisfy(
      (e) => isPolymathError(e, "storage-full") && e.advice.length > 0,
    );
    expect((await store.get("a"))?.title).toBe("First");
    expect((await store.get("a"))?.messages).toHaveLength(2);
    expect((await store.list()).map((s) => s.title)).toEqual(["First"]);
    await expect(store.delete("a")).rejects.toSatisfy((e) => isPolymathError(e, "storage-full"));
    expect(await store.get("a")).toBeDefined();
  });
});
