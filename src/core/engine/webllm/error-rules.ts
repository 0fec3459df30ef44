/**
 * The table behind `translateWebLlmError`: which web-llm (and browser) errors mean what to a user.
 * Names and messages are those of web-llm 0.2.86 (`lib/error.d.ts`, `lib/index.js`) plus the
 * browser's own (DOMException names, fetch TypeErrors, Cache API and GPU errors). Order matters:
 * names first where a message could mislead (DeviceLostError's text mentions "OOM").
 */
import { PolymathError, type ErrorCode } from "../../errors";
import { f32VariantOf } from "../../catalog/parse-id";

export interface WebLlmErrorContext {
  /** The model being loaded or asked, for messages and the q4f32 suggestion. */
  modelId?: string;
  /** The web-llm version the app runs, named in library-mismatch messages. */
  webllmVersion?: string;
}

export interface ErrorFacts {
  name: string;
  message: string;
}

export interface Rule {
  /** Matches when the error's name is one of these… */
  names?: readonly string[];
  /** …or (with `names`: and) when the message matches. */
  message?: RegExp;
  translate: (facts: ErrorFacts, context: WebLlmErrorContext) => PolymathError;
}

const CONFIG_ERRORS = [
  "ConfigValueError",
  "MinValueError",
  "NonNegativeError",
  "InvalidNumberStringError",
  "DependencyError",
  "SeedTypeError",
  "StreamingCountError",
  "InvalidStreamOptionsError",
  "MessageOrderError",
  "SystemMessageOrderError",
  "ContentTypeError",
  "UnsupportedRoleError",
  "UnsupportedFieldsError",
  "InvalidResponseFormatError",
  "InvalidResponseFormatGrammarError",
  "InvalidResponseFormatStructuralTagError",
  "ReloadArgumentSizeUnmatchedError",
  "ReloadModelIdNotUniqueError",
  "WindowSizeConfigurationError",
  "AttentionSinkSizeError",
  "WindowSizeSpecificationError",
];

const NOT_LOADED_ERRORS = [
  "ModelNotLoadedError",
  "WorkerEngineModelNotLoadedError",
  "EngineNotLoadedError",
  "ConfigurationNotInitializedError",
  "SpecifiedModelNotFoundError",
  "UnclearModelToUseError",
];

const OOM_MESSAGE =
  /out of memory|\bOOM\b|failed to allocate|allocation failed|cannot allocate|GPUOutOfMemoryError|exceeds the max(imum)? buffer size|maxBufferSize|maxStorageBufferBindingSize|Wasm allocation size/i;
const LIB_MISMATCH_MESSAGE =
  /Cannot find .+ in exports|LinkError|CompileError|function import requires a callable|Import #\d+|Cannot find global function|Cannot find required VM function|Invalid (hybrid|rnn_state|kv_cache) ABI|Unsupported kv_state_kind|wasm validation error/i;

/** Checked in order: the first rule that matches translates the error. */
export const RULES: readonly Rule[] = [
  {
    names: ["AbortError"],
    translate: (f) => make("aborted", "Stopped.", f),
  },
  {
    message: /Engine\.unload\(\) is called|Reload\(\) is aborted/,
    translate: (f) => make("download-cancelled", "Loading was cancelled.", f),
  },
  {
    names: ["WebGPUNotAvailableError", "WebGPUNotFoundError"],
    translate: (f) =>
      make("no-webgpu", "This browser does not offer WebGPU, which models need.", f),
  },
  {
    names: ["ShaderF16SupportError"],
    translate: (f, c) => shaderF16(f, c),
  },
  {
    names: ["FeatureSupportError"],
    message: /shader-f16/,
    translate: (f, c) => shaderF16(f, c),
  },
  {
    // Prebuilt q4f16 records do not all list shader-f16, so the WGSL compiler may be first to fail.
    message: /\bf16\b[^\n]*\b(not (allowed|enabled|supported)|requires)|enable f16/i,
    translate: (f, c) => shaderF16(f, c),
  },
  {
    names: ["FeatureSupportError"],
    translate: (f) =>
      make("no-adapter", `Your GPU lacks a feature this model needs. ${firstSentence(f)}`, f, {
        advice: "Pick another model, or try another browser or GPU.",
      }),
  },
  {
    names: ["DeviceLostError"],
    translate: (f, c) =>
      make("device-lost", `The GPU was reset while loading ${modelName(c)}.`, f, {
        advice:
          "This usually means the model did not fit in GPU memory. Polymath restarts the engine; " +
          "pick a smaller model or a shorter context, and close other GPU-heavy tabs.",
      }),
  },
  {
    message: /device (was |is )?lost|GPUDeviceLostInfo/i,
    translate: (f) => make("device-lost", "The GPU was reset.", f),
  },
  {
    names: ["GPUOutOfMemoryError"],
    translate: (f, c) => outOfMemory(f, c),
  },
  {
    message: OOM_MESSAGE,
    translate: (f, c) => outOfMemory(f, c),
  },
  {
    names: ["ModelNotFoundError"],
    translate: (f, c) =>
      make("model-not-found", `web-llm has no model record for ${modelName(c, f)}.`, f),
  },
  {
    names: NOT_LOADED_ERRORS,
    translate: (f, c) => make("model-not-loaded", `${modelName(c)} is not loaded.`, f),
  },
  {
    names: ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"],
    translate: (f) => storageFull(f),
  },
  {
    message: /quota/i,
    translate: (f) => storageFull(f),
  },
  {
    names: ["ContextWindowSizeExceededError", "EmbeddingExceedContextWindowSizeError"],
    translate: (f) =>
      make("context-overflow", "The conversation is longer than this model's context window.", f, {
        details: contextNumbers(f.message),
      }),
  },
  {
    names: ["IntegrityError"],
    translate: (f, c) =>
      make("download-interrupted", `A downloaded file of ${modelName(c)} is damaged.`, f, {
        advice: "Delete this model in the Models view and download it again.",
      }),
  },
  {
    names: ["MissingModelError", "MissingModelWasmError"],
    translate: (f, c) =>
      make("incompatible-model-lib", `${modelName(c)} has no model library (model_lib).`, f, {
        advice: "A custom model needs the URL of a .wasm library built for this web-llm version.",
      }),
  },
  {
    names: ["UnsupportedTokenizerFilesError"],
    translate: (f, c) =>
      make(
        "incompatible-model-lib",
        `${modelName(c)} ships tokenizer files web-llm cannot read.`,
        f,
      ),
  },
  {
    message: LIB_MISMATCH_MESSAGE,
    translate: (f, c) => {
      const version = c.webllmVersion ? `web-llm ${c.webllmVersion}` : "this app's web-llm";
      return make(
        "incompatible-model-lib",
        `The model library of ${modelName(c)} does not match ${version}.`,
        f,
        {
          advice: `Use a model library compiled for ${version} (see prebuiltAppConfig), or pick a catalog model.`,
          details: c.webllmVersion ? { webllmVersion: c.webllmVersion } : {},
        },
      );
    },
  },
  {
    message: /CORS|Access-Control-Allow-Origin|cross-origin request/i,
    translate: (f) => make("cors", "The model server refused this site (CORS).", f),
  },
  {
    // The Cache API's add() says only this when the server answers with an error status.
    message: /on 'Cache': Request failed/,
    translate: (f) =>
      make("not-found", "The server answered a model file request with an error (often 404).", f),
  },
  {
    message: /received status 404|\b404\b|Not Found/,
    translate: (f) => make("not-found", "A model file was not found on the server (404).", f),
  },
  {
    names: ["NetworkError"],
    translate: (f) => network(f),
  },
  {
    message:
      /Failed to fetch|NetworkError|Load failed|network error|Network response was not ok|failed to fetch|Unable to fetch .*received status|ERR_(INTERNET_DISCONNECTED|NETWORK|CONNECTION)/i,
    translate: (f) => network(f),
  },
  {
    names: ["RangeError"],
    message: /^Make sure /,
    translate: (f) => invalidRequest(f),
  },
  {
    names: CONFIG_ERRORS,
    translate: (f) => invalidRequest(f),
  },
];

/** A PolymathError that keeps the engine's own error name and message in `details`. */
export function make(
  code: ErrorCode,
  message: string,
  facts: ErrorFacts,
  options: { advice?: string; details?: Record<string, string | number | boolean> } = {},
): PolymathError {
  return new PolymathError(code, message, {
    ...options,
    cause: facts.name ? `${facts.name}: ${facts.message}` : facts.message,
    // The engine's own words, cut short, for bug reports; the UI shows message and advice.
    details: {
      ...(options.details ?? {}),
      ...(facts.name ? { engineError: facts.name } : {}),
      engineMessage: facts.message.slice(0, 300),
    },
  });
}

function shaderF16(facts: ErrorFacts, context: WebLlmErrorContext): PolymathError {
  const variant = context.modelId === undefined ? undefined : f32VariantOf(context.modelId);
  return make(
    "shader-f16-missing",
    `${modelName(context)} needs shader-f16, which this GPU or browser lacks.`,
    facts,
    {
      advice: variant
        ? `Use the q4f32 variant instead: ${variant}.`
        : "Use a q4f32 variant of this model; your GPU lacks shader-f16.",
      details: variant ? { suggestedModelId: variant } : {},
    },
  );
}

function outOfMemory(facts: ErrorFacts, context: WebLlmErrorContext): PolymathError {
  return make("out-of-memory", `The GPU ran out of memory for ${modelName(context)}.`, facts);
}

function storageFull(facts: ErrorFacts): PolymathError {
  return make("storage-full", "The browser's storage for this site is full.", facts, {
    advice:
      "Delete a cached model in the Models view, or allow this site more storage, then retry.",
  });
}

function network(facts: ErrorFacts): PolymathError {
  const status = /received status (\d{3})/.exec(facts.message)?.[1];
  const url = /(https?:\/\/\S+?)[,.]?(\s|$)/.exec(facts.message)?.[1];
  return make(
    "network",
    status ? `The model server answered ${status}.` : "Could not download the model files.",
    facts,
    {
      advice: "Check your connection and the model's URL, then retry; downloaded parts are kept.",
      details: { ...(status ? { status: Number(status) } : {}), ...(url ? { url } : {}) },
    },
  );
}

function invalidRequest(facts: ErrorFacts): PolymathError {
  return make("invalid-request", `The engine refused the settings: ${firstSentence(facts)}`, facts);
}

function modelName(context: WebLlmErrorContext, facts?: ErrorFacts): string {
  if (context.modelId !== undefined) return context.modelId;
  const fromMessage = facts && /for ([^\s.]+(?:\.[^\s.]+)*)\. /.exec(facts.message)?.[1];
  return fromMessage ?? "the model";
}

function firstSentence(facts: ErrorFacts): string {
  const line = facts.message.split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function contextNumbers(message: string): Record<string, number> {
  const prompt = /number of prompt tokens: (\d+)/.exec(message)?.[1];
  const window = /context window size: (\d+)/.exec(message)?.[1];
  return {
    ...(prompt ? { promptTokens: Number(prompt) } : {}),
    ...(window ? { contextWindowSize: Number(window) } : {}),
  };
}
