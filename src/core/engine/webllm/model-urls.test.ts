import { describe, expect, it } from "vitest";
import { chatConfigUrl, cleanModelUrl, tensorCacheUrl } from "./model-urls";

describe("model URLs as web-llm builds them", () => {
  it("adds resolve/main/ to a Hugging Face repository URL", () => {
    const url = "https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC";
    expect(cleanModelUrl(url)).toBe(`${url}/resolve/main/`);
    expect(tensorCacheUrl(url)).toBe(`${url}/resolve/main/tensor-cache.json`);
    expect(chatConfigUrl(`${url}/`)).toBe(`${url}/resolve/main/mlc-chat-config.json`);
  });

  it("keeps a revision that is already there, on any host", () => {
    const url = "http://127.0.0.1:8080/m/Foo-q4f32_1-MLC/resolve/v2/";
    expect(cleanModelUrl(url)).toBe(url);
    expect(tensorCacheUrl(url)).toBe(`${url}tensor-cache.json`);
  });

  it("adds resolve/main/ to other hosts too, as web-llm does", () => {
    expect(tensorCacheUrl("https://example.org/models/foo")).toBe(
      "https://example.org/models/foo/resolve/main/tensor-cache.json",
    );
  });
});
