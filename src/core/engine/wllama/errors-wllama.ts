/**
 * wllama failures in words a user can act on. wllama throws `WllamaError` (with a `type`),
 * `RuntimeError` (llama.cpp aborted inside WebAssembly: out of memory, a failed assertion) and
 * `AbortError`; downloads fail with fetch's errors. Matching goes by those names and types
 * (core does not import wllama), then by message.
 */
import { PolymathError, type ErrorCode } from "../../errors";

export interface WllamaErrorContext {
  modelId?: string;
  /** The file's URL, for download failures. */
  url?: string;
}

interface Facts {
  name: string;
  type: string;
  message: string;
}

function facts(e: unknown): Facts {
  if (typeof e === "object" && e !== null) {
    const { name, type, message } = e as { name?: unknown; type?: unknown; message?: unknown };
    return {
      name: typeof name === "string" ? name : "",
      type: typeof type === "string" ? type : "",
      message: typeof message === "string" ? message : String(e),
    };
  }
  return { name: "", type: "", message: String(e) };
}

const OUT_OF_MEMORY =
  /out of memory|\bOOM\b|failed to allocate|Cannot enlarge memory|memory access out of bounds|Array buffer allocation failed/i;
const NOT_A_MODEL =
  /unknown model architecture|failed to load model|invalid magic|not a gguf|gguf_init|unsupported model/i;
const CONTEXT = /context|n_ctx|kv cache|exceeds/i;
const HTTP = /HTTP (\d{3})/;

function make(code: ErrorCode, message: string, advice: string | undefined, e: unknown) {
  return new PolymathError(
    code,
    message,
    advice === undefined ? { cause: e } : { advice, cause: e },
  );
}

function classify(f: Facts, e: unknown): PolymathError {
  if (f.name === "AbortError") return make("aborted", "Stopped.", undefined, e);
  if (f.name === "QuotaExceededError") {
    return make("storage-full", "The browser's storage for this site is full.", undefined, e);
  }
  if (f.type === "kv_cache_full" || (f.type === "inference_error" && CONTEXT.test(f.message))) {
    return make(
      "context-overflow",
      "The conversation no longer fits the model's context.",
      undefined,
      e,
    );
  }
  if (OUT_OF_MEMORY.test(f.message)) {
    return make(
      "out-of-memory",
      "The model ran out of memory on the CPU.",
      "Pick a smaller model or a shorter context, or close other tabs; a browser tab gets only part of the device's memory.",
      e,
    );
  }
  const http = HTTP.exec(f.message);
  if (http) {
    const status = Number(http[1]);
    if (status === 404 || status === 410) {
      return make(
        "not-found",
        "The model file was not found.",
        "Check the address of the .gguf file.",
        e,
      );
    }
    return make("network", `The model server answered HTTP ${status}.`, undefined, e);
  }
  if (f.type === "download_error" || (f.name === "TypeError" && /fetch|network/i.test(f.message))) {
    return make(
      "network",
      "The model file could not be downloaded.",
      "Check your connection; a file on another site must also allow this page (CORS).",
      e,
    );
  }
  if (NOT_A_MODEL.test(f.message) || f.type === "load_error") {
    return make(
      "unsupported-format",
      "llama.cpp could not load this GGUF file.",
      "The file may be damaged or use an architecture this llama.cpp build does not know; try another file or quantisation.",
      e,
    );
  }
  if (f.type === "model_not_loaded")
    return make("model-not-loaded", "The model is not loaded.", undefined, e);
  if (f.name === "RuntimeError" || f.type === "version_mismatch" || f.type === "inference_error") {
    return make("engine-crashed", `llama.cpp stopped: ${f.message}`, undefined, e);
  }
  return make("unknown", f.message || "The CPU engine failed.", undefined, e);
}

/** Turn anything wllama (or the browser under it) threw into a PolymathError with advice. */
export function translateWllamaError(e: unknown, context: WllamaErrorContext = {}): PolymathError {
  if (e instanceof PolymathError) return e;
  const error = classify(facts(e), e);
  if (context.modelId !== undefined) error.details.modelId = context.modelId;
  if (context.url !== undefined && (error.code === "network" || error.code === "not-found")) {
    error.details.url = context.url;
  }
  return error;
}
