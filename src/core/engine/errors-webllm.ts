/**
 * web-llm failures in words a user can act on. Errors cross the worker as strings or as Errors
 * whose class survives only as `name` ("ShaderF16SupportError: …"), so matching goes by name
 * first and then by message shape. Names and messages are those of web-llm 0.2.86 (`lib/error.d.ts`,
 * `lib/index.js`) plus the browser's own (DOMException names, fetch TypeErrors, GPU errors).
 */
import { PolymathError, type ErrorCode } from "../errors";

export interface WebLlmErrorContext {
  /** The model being loaded or asked, for messages and the q4f32 suggestion. */
  modelId?: string;
  /** The web-llm version the app runs, named in library-mismatch messages. */
  webllmVersion?: string;
}

interface ErrorFacts {
  name: string;
  message: string;
}

interface Rule {
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

const RULES: readonly Rule[] = [
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
    translate: (f) => make("no-webgpu", "This browser does not offer WebGPU, which models need.", f),
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
      make("incompatible-model-lib", `${modelName(c)} ships tokenizer files web-llm cannot read.`, f),
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

/** Turn anything web-llm (or the browser under it) threw into a PolymathError with advice. */
export function translateWebLlmError(e: unknown, context: WebLlmErrorContext = {}): PolymathError {
  if (e instanceof PolymathError) return e;
  const facts = errorFacts(e);
  for (const rule of RULES) {
    if (matches(rule, facts)) {
      const error = rule.translate(facts, context);
      if (context.modelId !== undefined) error.details.modelId ??= context.modelId;
      return error;
    }
  }
  return make("unknown", facts.message || "The engine failed.", facts, {
    details: context.modelId === undefined ? {} : { modelId: context.modelId },
  });
}

/** The q4f32 twin of a q4f16/q0f16 model id, or undefined when the id has no f16 marker. */
export function f32VariantOf(modelId: string): string | undefined {
  const variant = modelId.replace(/q(\d)f16(_\d)/, "q$1f32$2");
  return variant === modelId ? undefined : variant;
}

function matches(rule: Rule, facts: ErrorFacts): boolean {
  const byName = rule.names === undefined || rule.names.includes(facts.name);
  const byMessage = rule.message === undefined || rule.message.test(facts.message);
  return byName && byMessage;
}

/** Name and message of an Error, a DOMException-like object, or a "Name: message" string. */
function errorFacts(e: unknown): ErrorFacts {
  if (typeof e === "string") {
    const m = /^([A-Za-z][A-Za-z0-9_]*(?:Error|Exception|Prompt)): ?([\s\S]*)$/.exec(e);
    return m ? { name: m[1] ?? "", message: m[2] ?? "" } : { name: "", message: e };
  }
  if (typeof e === "object" && e !== null) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : String(e);
    // A worker may hand us an Error whose message still carries "Name: " from a string.
    const nested = typeof name !== "string" || name === "Error" ? errorFacts(text) : null;
    if (nested && nested.name !== "") return nested;
    return { name: typeof name === "string" ? name : "", message: text };
  }
  return { name: "", message: String(e) };
}

function make(
  code: ErrorCode,
  message: string,
  facts: ErrorFacts,
  options: { advice?: string; details?: Record<string, string | number | boolean> } = {},
): PolymathError {
  return new PolymathError(code, message, {
    ...options,
    cause: facts.name ? `${facts.name}: ${facts.message}` : facts.message,
    details: { ...(options.details ?? {}), ...(facts.name ? { engineError: facts.name } : {}) },
  });
}

function shaderF16(facts: ErrorFacts, context: WebLlmErrorContext): PolymathError {
  const variant = context.modelId === undefined ? undefined : f32VariantOf(context.modelId);
  return make("shader-f16-missing", `${modelName(context)} needs shader-f16, which this GPU or browser lacks.`, facts, {
    advice: variant
      ? `Use the q4f32 variant instead: ${variant}.`
      : "Use a q4f32 variant of this model; your GPU lacks shader-f16.",
    details: variant ? { suggestedModelId: variant } : {},
  });
}

function outOfMemory(facts: ErrorFacts, context: WebLlmErrorContext): PolymathError {
  return make("out-of-memory", `The GPU ran out of memory for ${modelName(context)}.`, facts);
}

function storageFull(facts: ErrorFacts): PolymathError {
  return make("storage-full", "The browser's storage for this site is full.", facts, {
    advice: "Delete a cached model in the Models view, or allow this site more storage, then retry.",
  });
}

function network(facts: ErrorFacts): PolymathError {
  const status = /received status (\d{3})/.exec(facts.message)?.[1];
  return make(
    "network",
    status ? `The model server answered ${status}.` : "Could not download the model files.",
    facts,
    { details: status ? { status: Number(status) } : {} },
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
