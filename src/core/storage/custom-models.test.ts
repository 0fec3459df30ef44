import { describe, expect, it } from "vitest";
import type { CustomModel } from "../catalog/custom";
import { isPolymathError } from "../errors";
import { createCustomModelStore } from "./custom-models";
import { failOnWrite } from "./failing-store";
import { createMemoryStore } from "./memory-store";

const model = (id: string, addedAt: number): CustomModel => ({
  id,
  name: `My ${id}`,
  modelUrl: `https://example.org/${id}/resolve/main/`,
  modelLibUrl: `https://example.org/libs/v0_2_86/${id}-webgpu.wasm`,
  role: "specialist",
  domains: ["code"],
  addedAt,
});

describe("custom model store", () => {
  it("keeps models across instances, oldest first, and removes them", async () => {
    const kv = createMemoryStore();
    const store = createCustomModelStore(kv);
    await store.save(model("b-q4f32_1-MLC", 20));
    await store.save(model("a-q4f32_1-MLC", 10));
    const again = createCustomModelStore(kv);
    expect((await again.list()).map((m) => m.id)).toEqual(["a-q4f32_1-MLC", "b-q4f32_1-MLC"]);
    await again.remove("a-q4f32_1-MLC");
    expect((await store.list()).map((m) => m.id)).toEqual(["b-q4f32_1-MLC"]);
  });

  it("replaces a model saved again under the same id", async () => {
    const store = createCustomModelStore(createMemoryStore());
    await store.save(model("x", 1));
    await store.save({ ...model("x", 1), name: "Renamed", domains: ["math", "reasoning"] });
    const list = await store.list();
    expect(list).toHaveLength(1);
    expect(list[0]?.name).toBe("Renamed");
    expect(list[0]?.domains).toEqual(["math", "reasoning"]);
  });

  it("skips damaged and newer-schema entries without deleting them", async () => {
    const kv = createMemoryStore();
    const store = createCustomModelStore(kv);
    await store.save(model("good", 1));
    await kv.set("model:bad-url", {
      schema: 1,
      data: { ...model("bad-url", 2), modelUrl: "nope" },
    });
    await kv.set("model:future", { schema: 9, data: model("future", 3) });
    await kv.set("model:raw", "not a document");
    await kv.set("other", { schema: 1, data: model("ignored", 4) });
    expect((await store.list()).map((m) => m.id)).toEqual(["good"]);
    expect(await kv.get("model:future")).toBeDefined();
  });

  it("explains a full disk and keeps what was there", async () => {
    let full = false;
    const { store: kv } = failOnWrite(createMemoryStore(), () => full);
    const store = createCustomModelStore(kv);
    await store.save(model("kept", 1));
    full = true;
    await expect(store.save(model("new", 2))).rejects.toSatisfy((e) =>
      isPolymathError(e, "storage-full"),
    );
    expect((await store.list()).map((m) => m.id)).toEqual(["kept"]);
  });
});
