import { describe, expect, it } from "vitest";
import { PolymathError } from "../../errors";
import { translateWllamaError } from "./errors-wllama";

/** Errors shaped as wllama 3.13 throws them. */
function wllamaError(message: string, type: string): Error {
  return Object.assign(new Error(message), { type });
}
function named(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe("translateWllamaError", () => {
  const cases: [string, unknown, string][] = [
    ["a stopped stream", named("AbortError", "Operation aborted"), "aborted"],
    ["a full context", wllamaError("KV cache is full", "kv_cache_full"), "context-overflow"],
    [
      "a prompt too long",
      wllamaError("the request exceeds the available context size", "inference_error"),
      "context-overflow",
    ],
    ["llama.cpp out of memory", named("RuntimeError", "(ABORT) Aborted(OOM)"), "out-of-memory"],
    [
      "a heap that cannot grow",
      named("RangeError", "Cannot enlarge memory arrays"),
      "out-of-memory",
    ],
    ["a missing file", new Error("Failed to fetch https://h/m.gguf: HTTP 404"), "not-found"],
    ["a server error", new Error("Failed to fetch https://h/m.gguf: HTTP 503"), "network"],
    ["a blocked fetch (offline, CORS)", new TypeError("Failed to fetch"), "network"],
    ["a URL without .gguf", wllamaError("Invalid model URL: x", "download_error"), "network"],
    [
      "an unknown architecture",
      named(
        "RuntimeError",
        "llama_model_load: error loading model: unknown model architecture: 'mamba3'",
      ),
      "unsupported-format",
    ],
    [
      "an empty file",
      wllamaError("Input model (or splits) must be non-empty Blob", "load_error"),
      "unsupported-format",
    ],
    ["a wasm abort", named("RuntimeError", "(ABORT) assertion failed"), "engine-crashed"],
    [
      "a build mismatch",
      wllamaError("wasm file version (b1) does not match", "version_mismatch"),
      "engine-crashed",
    ],
    ["a full disk", named("QuotaExceededError", "quota"), "storage-full"],
    ["anything else", "strange", "unknown"],
  ];
  for (const [what, error, code] of cases) {
    it(`turns ${what} into ${code}`, () => {
      const translated = translateWllamaError(error);
      expect(translated).toBeInstanceOf(PolymathError);
      expect(translated.code).toBe(code);
      if (code !== "aborted") expect(translated.advice.length).toBeGreaterThan(0);
    });
  }

  it("adds the model and, for downloads, the URL", () => {
    const e = translateWllamaError(new TypeError("Failed to fetch"), {
      modelId: "m",
      url: "https://h/m.gguf",
    });
    expect(e.details).toEqual({ modelId: "m", url: "https://h/m.gguf" });
    const crash = translateWllamaError(named("RuntimeError", "boom"), {
      modelId: "m",
      url: "https://h/m.gguf",
    });
    expect(crash.details).toEqual({ modelId: "m" });
  });

  it("passes Polymath errors through", () => {
    const own = new PolymathError("download-cancelled", "Loading was cancelled.");
    expect(translateWllamaError(own)).toBe(own);
  });
});
