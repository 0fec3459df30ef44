import { describe, expect, it } from "vitest";
import type { RemoteEndpoint } from "../../core/engine/remote/endpoint";
import { PolymathError } from "../../core/errors";
import { EndpointForm } from "./endpoint-form.svelte";

function form(list: (baseUrl: string) => Promise<string[]>) {
  const saved: RemoteEndpoint[] = [];
  const asked: { baseUrl: string; apiKey: string }[] = [];
  const f = new EndpointForm({
    listModels: (e) => {
      asked.push(e);
      return list(e.baseUrl);
    },
    save: async (e) => {
      saved.push(e);
    },
    remove: async () => {},
    endpoints: () => saved,
    now: () => 42,
  });
  return { f, saved, asked };
}

describe("EndpointForm", () => {
  it("fetches the server's models with the key and saves the picked ones", async () => {
    const { f, saved, asked } = form(async () => ["Llama-3.3-70B-Instruct", "Qwen2.5-Coder-1.5B"]);
    f.baseUrl = "localhost:8000";
    f.apiKey = " sk-1 ";
    await f.fetchModels();
    expect(asked).toEqual([{ baseUrl: "http://localhost:8000/v1", apiKey: "sk-1" }]);
    expect(f.offered.map((m) => [m.name, m.role, m.picked])).toEqual([
      ["Llama-3.3-70B-Instruct", "generalist", true],
      ["Qwen2.5-Coder-1.5B", "specialist", true],
    ]);
    f.setPicked("Qwen2.5-Coder-1.5B", false);
    f.setDomains("Llama-3.3-70B-Instruct", ["math"]);
    f.maxConcurrent = "8";
    expect(await f.save()).toBe(true);
    expect(saved).toEqual([
      {
        id: "localhost-8000",
        baseUrl: "http://localhost:8000/v1",
        apiKey: "sk-1",
        models: [{ name: "Llama-3.3-70B-Instruct", role: "generalist", domains: ["math"] }],
        maxConcurrent: 8,
        addedAt: 42,
      },
    ]);
    // The form is cleared, key included.
    expect([f.baseUrl, f.apiKey, f.offered.length]).toEqual(["", "", 0]);
  });

  it("takes typed names, and refuses to save without a URL or a model", async () => {
    const { f, saved } = form(async () => []);
    expect(await f.save()).toBe(false);
    expect(f.error?.message).toMatch(/base URL/);
    f.baseUrl = "http://gpu:9000/v1";
    expect(await f.save()).toBe(false);
    expect(f.error?.message).toMatch(/at least one model/);
    f.typed = "my-model";
    f.addTyped();
    expect(await f.save()).toBe(true);
    expect(saved[0]?.models.map((m) => m.name)).toEqual(["my-model"]);
  });

  it("shows the server's error and keeps what was typed", async () => {
    const { f } = form(async () => {
      throw new PolymathError("cors", "Could not reach it (CORS).");
    });
    f.baseUrl = "https://api.example.com/v1";
    await f.fetchModels();
    expect(f.error?.code).toBe("cors");
    expect(f.fetching).toBe(false);
    expect(f.baseUrl).toBe("https://api.example.com/v1");
  });
});
