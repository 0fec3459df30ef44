import { describe, expect, it } from "vitest";
import {
  onThisMachine,
  defaultModelConfig,
  endpointId,
  findRemoteModel,
  normalizeBaseUrl,
  parseModelList,
  remoteModelId,
  withoutKey,
  type RemoteEndpoint,
} from "./endpoint";
import { parseRetryAfter, serverMessage } from "./remote-errors";

describe("normalizeBaseUrl", () => {
  it("ends every base in its API version", () => {
    expect(normalizeBaseUrl("localhost:11434")).toBe("http://localhost:11434/v1");
    expect(normalizeBaseUrl("http://gpu:8000/")).toBe("http://gpu:8000/v1");
    expect(normalizeBaseUrl("https://api.example.com/openai/v1/")).toBe(
      "https://api.example.com/openai/v1",
    );
    expect(normalizeBaseUrl("http://h:1234/v1/chat/completions")).toBe("http://h:1234/v1");
  });

  it("refuses what is no http(s) URL", () => {
    expect(normalizeBaseUrl("")).toBeNull();
    expect(normalizeBaseUrl("ftp://h/x")).toBeNull();
    expect(normalizeBaseUrl("http://")).toBeNull();
  });
});

describe("onThisMachine", () => {
  it("knows loopback servers, which answer while the device is offline", () => {
    expect(onThisMachine("http://localhost:11434/v1")).toBe(true);
    expect(onThisMachine("http://127.0.0.1:8080/v1")).toBe(true);
    expect(onThisMachine("http://[::1]:8000/v1")).toBe(true);
    expect(onThisMachine("https://api.example.com/v1")).toBe(false);
    expect(onThisMachine("http://localhost.example.com/v1")).toBe(false);
    expect(onThisMachine("http://127.0.0.1.nip.io/v1")).toBe(false);
    expect(onThisMachine("not a url")).toBe(false);
  });
});

describe("endpoint ids and lookup", () => {
  const endpoint: RemoteEndpoint = {
    id: endpointId("http://GPU-box:8000/v1"),
    baseUrl: "http://gpu-box:8000/v1",
    apiKey: "secret",
    models: [defaultModelConfig("meta-llama/Llama-3.3-70B-Instruct")],
    maxConcurrent: 4,
    addedAt: 0,
  };

  it("names models by endpoint and server name", () => {
    expect(endpoint.id).toBe("gpu-box-8000");
    const id = remoteModelId(endpoint, "meta-llama/Llama-3.3-70B-Instruct");
    expect(id).toBe("remote:gpu-box-8000/meta-llama/Llama-3.3-70B-Instruct");
    expect(findRemoteModel([endpoint], id)?.model.name).toBe("meta-llama/Llama-3.3-70B-Instruct");
    expect(findRemoteModel([endpoint], "remote:gpu-box-8000/other")).toBeUndefined();
  });

  it("drops the key from what leaves the device", () => {
    expect(JSON.stringify(withoutKey(endpoint))).not.toContain("secret");
  });
});

describe("defaultModelConfig", () => {
  it("makes a large or unsized model a generalist, a small coder a specialist", () => {
    expect(defaultModelConfig("Llama-3.3-70B-Instruct").role).toBe("generalist");
    expect(defaultModelConfig("llama3.3:70b").role).toBe("generalist");
    expect(defaultModelConfig("Qwen2.5-Coder-1.5B-Instruct")).toMatchObject({
      role: "specialist",
      domains: ["code"],
    });
    expect(defaultModelConfig("Qwen2.5-Coder-32B-Instruct").role).toBe("generalist");
  });
});

describe("parseModelList", () => {
  it("reads OpenAI and Ollama shapes", () => {
    expect(
      parseModelList({ object: "list", data: [{ id: "a" }, { id: "b" }, { id: "a" }] }),
    ).toEqual(["a", "b"]);
    expect(parseModelList({ models: [{ name: "llama3:8b" }] })).toEqual(["llama3:8b"]);
    expect(parseModelList(null)).toEqual([]);
  });
});

describe("server answers", () => {
  it("reads Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("5", 0)).toBe(5000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter("soon", 0)).toBeNull();
  });

  it("finds the message in error bodies", () => {
    expect(serverMessage('{"error":{"message":"bad"}}')).toBe("bad");
    expect(serverMessage('{"detail":"nope"}')).toBe("nope");
    expect(serverMessage("plain")).toBe("plain");
    expect(serverMessage("")).toBeNull();
  });
});
