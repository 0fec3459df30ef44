import { describe, expect, it } from "vitest";
import { PolymathError, type ErrorCode } from "../../errors";
import { f32VariantOf } from "../../catalog/parse-id";
import { translateWebLlmError } from "./errors";

/** An Error as web-llm throws it: its class name survives only as `name`. */
function webLlmError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

const MODEL = "Qwen3-1.7B-q4f16_1-MLC";
const CTX = { modelId: MODEL, webllmVersion: "0.2.86" };

// [class name, message as web-llm 0.2.86 builds it (lib/index.js), expected code]
const BY_NAME: [string, string, ErrorCode][] = [
  [
    "WebGPUNotAvailableError",
    "WebGPU is not supported in your current environment, but it is necessary to run the WebLLM engine.",
    "no-webgpu",
  ],
  ["WebGPUNotFoundError", "Cannot find WebGPU in the environment", "no-webgpu"],
  [
    "ShaderF16SupportError",
    "This model requires WebGPU extension shader-f16, which is not enabled in this browser. " +
      'You can try to launch Chrome Canary in command line with flag "--enable-dawn-features=allow_unsafe_apis".',
    "shader-f16-missing",
  ],
  [
    "FeatureSupportError",
    "This model requires feature shader-f16, which is not yet supported by this browser.",
    "shader-f16-missing",
  ],
  [
    "FeatureSupportError",
    "This model requires feature subgroups, which is not yet supported by this browser.",
    "no-adapter",
  ],
  [
    "DeviceLostError",
    "The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM). To resolve this, try reloading with a model that has fewer parameters or uses a smaller context length.",
    "device-lost",
  ],
  [
    "ModelNotFoundError",
    `Cannot find model record in appConfig for ${MODEL}. Please check if the model ID is correct and included in the model_list configuration.`,
    "model-not-found",
  ],
  [
    "ModelNotLoadedError",
    "Model not loaded before trying to complete ChatCompletionRequest. Please ensure you have called MLCEngine.reload(model) to load the model before initiating APIs, or initialize your engine using CreateMLCEngine() with a valid model configuration.",
    "model-not-loaded",
  ],
  [
    "WorkerEngineModelNotLoadedError",
    "WebWorkerMLCEngine is not loaded with a model. Did you call `engine.reload()`?",
    "model-not-loaded",
  ],
  [
    "ConfigurationNotInitializedError",
    "Configuration not initialized. Ensure you have called `reload()` function first.",
    "model-not-loaded",
  ],
  [
    "SpecifiedModelNotFoundError",
    `Specified model ${MODEL} for ChatCompletionRequest is not found in loaded models. Please check if the correct model is loaded/specified. Currently loaded models are:\nother`,
    "model-not-loaded",
  ],
  [
    "UnclearModelToUseError",
    "Multiple models are loaded in engine. Please specify the model in ChatCompletionRequest.\nCurrently loaded models are:\na,b",
    "model-not-loaded",
  ],
  ["EngineNotLoadedError", "Engine is not loaded.", "model-not-loaded"],
  ["QuotaExceededError", "The quota has been exceeded.", "storage-full"],
  [
    "ContextWindowSizeExceededError",
    "Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096\nConsider shortening the prompt, or increase `context_window_size`, or using sliding window via `sliding_window_size`.",
    "context-overflow",
  ],
  [
    "IntegrityError",
    "Integrity verification failed for https://x/params_shard_0.bin\n  Expected: sha256-a\n  Actual: sha256-b\nThis may indicate file corruption or tampering.",
    "download-interrupted",
  ],
  [
    "MissingModelError",
    `Missing \`model_lib\` for the model with ID "${MODEL}". Please ensure that \`model_lib\` is provided in \`model_list\` for each model.`,
    "incompatible-model-lib",
  ],
  [
    "UnsupportedTokenizerFilesError",
    "Cannot handle tokenizer files tokenizer.model",
    "incompatible-model-lib",
  ],
  ["AbortError", "The user aborted a request.", "aborted"],
  ["TypeError", "Failed to fetch", "network"],
  ["MinValueError", "Make sure `max_tokens` > 0.", "invalid-request"],
  ["RangeError", "Make sure 0 < top_p <= 1.", "invalid-request"],
  ["NonNegativeError", "Make sure presence_penalty >= 0.", "invalid-request"],
  [
    "InvalidNumberStringError",
    "Make sure logit_bias to be number represented in string.",
    "invalid-request",
  ],
  ["DependencyError", "top_logprobs requires logprobs to be true.", "invalid-request"],
  ["SeedTypeError", "`seed` should be an integer, but got 1.5", "invalid-request"],
  ["StreamingCountError", "When streaming, `n` cannot be > 1.", "invalid-request"],
  ["InvalidStreamOptionsError", "Only specify stream_options when stream=True.", "invalid-request"],
  [
    "SystemMessageOrderError",
    "System prompt should always be the first message in `messages`.",
    "invalid-request",
  ],
  ["MessageOrderError", "Last message should be from user.", "invalid-request"],
  ["ContentTypeError", "Last message should have string content.", "invalid-request"],
  ["UnsupportedRoleError", "Unsupported role of message: robot", "invalid-request"],
  [
    "UnsupportedFieldsError",
    "The following fields in ChatCompletionRequest are not yet supported: \nn",
    "invalid-request",
  ],
  [
    "ReloadArgumentSizeUnmatchedError",
    "Expect chatOpts, if specified, to match the size of modelId. However, got 2 modelId, but 1 chatOpts.",
    "invalid-request",
  ],
  [
    "ReloadModelIdNotUniqueError",
    "Need to make models in modelId passed to reload() need to be unique.",
    "invalid-request",
  ],
  [
    "WindowSizeConfigurationError",
    "Only one of context_window_size and sliding_window_size can be positive.",
    "invalid-request",
  ],
  [
    "AttentionSinkSizeError",
    "Need to specify non-negative attention_sink_size if using sliding window.",
    "invalid-request",
  ],
  [
    "WindowSizeSpecificationError",
    "Need to specify either sliding_window_size or max_window_size.",
    "invalid-request",
  ],
];

describe("translateWebLlmError by class name", () => {
  for (const [name, message, code] of BY_NAME) {
    it(`${name} -> ${code}`, () => {
      const error = translateWebLlmError(webLlmError(name, message), CTX);
      expect(error).toBeInstanceOf(PolymathError);
      expect(error.code).toBe(code);
      if (code !== "aborted") expect(error.advice).not.toBe(""); // a stop needs no advice
      expect(error.details.engineError).toBe(name);
      // the same error as a string across the worker gives the same code
      expect(translateWebLlmError(`${name}: ${message}`, CTX).code).toBe(code);
    });
  }

  it("AbortError as a DOMException", () => {
    expect(translateWebLlmError(new DOMException("aborted", "AbortError")).code).toBe("aborted");
  });

  it("QuotaExceededError as a DOMException", () => {
    expect(translateWebLlmError(new DOMException("quota", "QuotaExceededError")).code).toBe(
      "storage-full",
    );
  });
});

describe("translateWebLlmError by message", () => {
  const BY_MESSAGE: [string, ErrorCode][] = [
    ["Out of memory", "out-of-memory"],
    ["GPU OOM while creating buffer", "out-of-memory"],
    ["Failed to allocate 2147483648 bytes", "out-of-memory"],
    ["Cannot allocate 4096 bytes in Wasm memory", "out-of-memory"],
    ["Buffer size (4294967296) exceeds the max buffer size limit (2147483648).", "out-of-memory"],
    ["GPUOutOfMemoryError: not enough memory left", "out-of-memory"],
    [
      "Device was lost. This can happen due to insufficient memory or other GPU constraints.",
      "device-lost",
    ],
    ["Failed to execute 'put' on 'Cache': QuotaExceededError", "storage-full"],
    ["NetworkError when attempting to fetch resource.", "network"],
    ["Load failed", "network"],
    ["ArtifactIndexedDBCache failed to fetch: https://x/params_shard_0.bin", "network"],
    ["Network response was not ok", "network"],
    ["ArtifactOPFSCache: Unable to fetch https://x/a.bin, received status 404", "not-found"],
    ["Access to fetch at 'https://x' has been blocked by CORS policy", "cors"],
    ["Cannot find TVMWasmAllocSpace in exports", "incompatible-model-lib"],
    [
      'LinkError: WebAssembly.instantiate(): Import #3 "env" "foo": function import requires a callable',
      "incompatible-model-lib",
    ],
    [
      "Cannot find required VM function `decode`. Available candidate functions: prefill",
      "incompatible-model-lib",
    ],
    ["Engine.unload() is called.", "download-cancelled"],
    // Seen in Chromium: Cache API backend, model URL answering 404
    ["Failed to execute 'add' on 'Cache': Request failed", "not-found"],
    [
      "error: extension 'f16' is not allowed in the current environment\nenable f16;",
      "shader-f16-missing",
    ],
  ];
  for (const [message, code] of BY_MESSAGE) {
    it(`"${message.slice(0, 40)}" -> ${code}`, () => {
      expect(translateWebLlmError(new Error(message), CTX).code).toBe(code);
    });
  }

  it("keeps the URL of a failed download", () => {
    const error = translateWebLlmError(
      new Error(
        "ArtifactIndexedDBCache failed to fetch: https://example.org/m/mlc-chat-config.json",
      ),
    );
    expect(error.code).toBe("network");
    expect(error.details.url).toBe("https://example.org/m/mlc-chat-config.json");
  });

  it("keeps the HTTP status of a failed download", () => {
    const error = translateWebLlmError(
      "Error: ArtifactOPFSCache: Unable to fetch https://x/a.bin, received status 503",
    );
    expect(error.code).toBe("network");
    expect(error.details.status).toBe(503);
  });
});

describe("translateWebLlmError details and advice", () => {
  it("offers the q4f32 variant when shader-f16 is missing", () => {
    const error = translateWebLlmError(
      webLlmError("ShaderF16SupportError", "needs shader-f16"),
      CTX,
    );
    expect(error.advice).toContain("Qwen3-1.7B-q4f32_1-MLC");
    expect(error.details.suggestedModelId).toBe("Qwen3-1.7B-q4f32_1-MLC");
  });

  it("names the web-llm version in library mismatches", () => {
    const error = translateWebLlmError(new Error("Cannot find TVMWasmFreeSpace in exports"), CTX);
    expect(error.message).toContain("web-llm 0.2.86");
    expect(error.advice).toContain("0.2.86");
  });

  it("keeps context window numbers", () => {
    const error = translateWebLlmError(
      webLlmError(
        "ContextWindowSizeExceededError",
        "Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096",
      ),
    );
    expect(error.details).toMatchObject({ promptTokens: 5000, contextWindowSize: 4096 });
  });

  it("finds the model id in ModelNotFoundError without context", () => {
    const error = translateWebLlmError(
      webLlmError(
        "ModelNotFoundError",
        "Cannot find model record in appConfig for Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC. Please check if the model ID is correct.",
      ),
    );
    expect(error.message).toContain("Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC");
  });

  it("is unknown for anything else, keeping the message and model", () => {
    const error = translateWebLlmError(new Error("something odd"), { modelId: MODEL });
    expect(error.code).toBe("unknown");
    expect(error.message).toBe("something odd");
    expect(error.details.modelId).toBe(MODEL);
    expect(translateWebLlmError(new RangeError("Invalid array length")).code).toBe("unknown");
  });

  it("passes PolymathErrors through", () => {
    const original = new PolymathError("aborted", "Stopped.");
    expect(translateWebLlmError(original)).toBe(original);
  });
});

describe("f32VariantOf", () => {
  it("swaps f16 for f32 in quantisation names", () => {
    expect(f32VariantOf("Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC")).toBe(
      "Qwen2.5-Math-1.5B-Instruct-q4f32_1-MLC",
    );
    expect(f32VariantOf("Llama-3.2-1B-Instruct-q0f16-MLC")).toBeUndefined();
    expect(f32VariantOf("Qwen3-1.7B-q4f32_1-MLC")).toBeUndefined();
  });
});
