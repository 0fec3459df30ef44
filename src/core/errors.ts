/**
 * Typed errors: every failure a user can meet has a `code`, a plain message and advice they can act on.
 * Modules add their codes to `ErrorCode`; the UI shows `message` and `advice` and never a stack.
 */
export type ErrorCode =
  // device
  | "no-webgpu"
  | "no-adapter"
  | "device-lost"
  | "out-of-memory"
  | "shader-f16-missing"
  // network and downloads
  | "network"
  | "cors"
  | "not-found"
  | "download-interrupted"
  | "download-cancelled"
  | "incompatible-model-lib"
  // storage
  | "storage-full"
  | "storage-unavailable"
  /** Someone else (another tab) saved the document since this copy was read. */
  | "conflict"
  | "schema-too-new"
  // engine and generation
  | "model-not-loaded"
  | "model-not-found"
  | "aborted"
  | "context-overflow"
  | "engine-crashed"
  | "invalid-request"
  | "replay-no-match"
  // remote endpoints (OpenAI-compatible servers)
  | "unauthorized"
  | "rate-limited"
  | "stream-incomplete"
  // input files
  | "malformed-input"
  | "unsupported-format"
  // code sandbox
  | "sandbox-timeout"
  | "sandbox-unavailable"
  | "unknown";

export interface PolymathErrorOptions {
  advice?: string;
  cause?: unknown;
  /** Extra facts for the UI (bytes needed, line number, model id…). */
  details?: Record<string, string | number | boolean>;
}

/** An error the app understands: `code` decides the UI, `advice` tells the user what to do next. */
export class PolymathError extends Error {
  override readonly name = "PolymathError";
  readonly code: ErrorCode;
  readonly advice: string;
  readonly details: Record<string, string | number | boolean>;

  constructor(code: ErrorCode, message: string, options: PolymathErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.advice = options.advice ?? defaultAdvice(code);
    this.details = options.details ?? {};
  }

  /** A plain object that survives structured clone (worker messages) and JSON. */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message, advice: this.advice, details: this.details };
  }

  /** Rebuild an error sent across a worker or stored as JSON. */
  static fromJSON(data: SerializedError): PolymathError {
    return new PolymathError(data.code, data.message, {
      advice: data.advice,
      details: data.details,
    });
  }
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  advice: string;
  details: Record<string, string | number | boolean>;
}

/** True when `e` is a PolymathError, optionally of one of the given codes. */
export function isPolymathError(e: unknown, ...codes: ErrorCode[]): e is PolymathError {
  return e instanceof PolymathError && (codes.length === 0 || codes.includes(e.code));
}

/** Wrap anything thrown into a PolymathError so the UI has one shape to show. */
export function toPolymathError(e: unknown, fallback: ErrorCode = "unknown"): PolymathError {
  if (e instanceof PolymathError) return e;
  if (isSerializedError(e)) return PolymathError.fromJSON(e);
  if (e instanceof Error && e.name === "AbortError") {
    return new PolymathError("aborted", "Stopped.", { cause: e });
  }
  if (e instanceof Error && e.name === "QuotaExceededError") {
    return new PolymathError("storage-full", "The browser's storage for this site is full.", {
      cause: e,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new PolymathError(fallback, message || "Something went wrong.", { cause: e });
}

function isSerializedError(e: unknown): e is SerializedError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as SerializedError).code === "string" &&
    typeof (e as SerializedError).message === "string" &&
    typeof (e as SerializedError).advice === "string"
  );
}

function defaultAdvice(code: ErrorCode): string {
  switch (code) {
    case "no-webgpu":
    case "no-adapter":
      return "Open the Device view for what your browser needs to run models.";
    case "device-lost":
      return "The GPU reset. Polymath restarts the engine; try a smaller model if it happens again.";
    case "out-of-memory":
      return "Pick a smaller model or a q4 variant, or close other GPU-heavy tabs.";
    case "shader-f16-missing":
      return "Use the q4f32 variant of this model; your GPU lacks shader-f16.";
    case "network":
      return "Check your connection and retry; downloaded parts are kept.";
    case "cors":
      return "The server must send Access-Control-Allow-Origin for this page's origin.";
    case "not-found":
      return "Check the URL: it must point at the folder holding mlc-chat-config.json.";
    case "download-interrupted":
      return "Retry: the download resumes from the parts already saved.";
    case "download-cancelled":
      return "Start the download again when you want it.";
    case "incompatible-model-lib":
      return "Use a model library compiled for the web-llm version this app runs.";
    case "storage-full":
      return "Free space in the Models view (delete a cached model) and try again.";
    case "storage-unavailable":
      return "Private windows and some settings block storage; use a normal window.";
    case "conflict":
      return "Another tab saved this since you opened it here; nothing was overwritten. Load that version, or export this one first.";
    case "schema-too-new":
      return "This data was written by a newer Polymath; update the app to read it.";
    case "model-not-loaded":
      return "Load the model first.";
    case "model-not-found":
      return "Pick a model from the catalog or add it as a custom model.";
    case "aborted":
      return "";
    case "context-overflow":
      return "Start a new conversation or shorten the prompt.";
    case "engine-crashed":
      return "The engine restarts on the next request; reload the page if it keeps failing.";
    case "invalid-request":
      return "Check the settings (temperature, max tokens) and try again.";
    case "replay-no-match":
      return "Send one of the recorded prompts listed below, or load a recording (or a model) that answers this one.";
    case "unauthorized":
      return "Check the API key saved for this endpoint in the Models view.";
    case "rate-limited":
      return "The server limits how fast it answers; wait and retry, or send fewer requests at once.";
    case "stream-incomplete":
      return "The answer so far is kept; retry to get the rest.";
    case "malformed-input":
      return "Fix what the message names and import the file again.";
    case "unsupported-format":
      return "Use one of the formats listed next to the import button.";
    case "sandbox-timeout":
      return "The code ran past its time limit and was stopped.";
    case "sandbox-unavailable":
      return "Reload the page; the code sandbox could not start.";
    case "unknown":
      return "Try again; if it keeps failing, reload the page.";
  }
}
