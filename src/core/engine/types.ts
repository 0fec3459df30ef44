/**
 * The one engine interface. Every runtime (web-llm in its worker behind a client, replay, later a
 * CPU and a remote OpenAI-compatible one) implements it; views never know which serves a model.
 */
import type { SerializedError } from "../errors";
import type { RuntimeId } from "./runtime";

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** Sampling settings, OpenAI-style names. `undefined` means the model's default. */
export interface SamplingParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  seed?: number;
  stop?: string[];
  /** Qwen3-style thinking switch; ignored by models without it. */
  enable_thinking?: boolean;
}

export interface ChatRequest {
  modelId: string;
  messages: ChatMessage[];
  params: SamplingParams;
}

/** Measured costs of one answer. Times in ms, rates in tokens/s. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** Time to first token, ms from request start. */
  ttftMs: number;
  prefillTokensPerS: number;
  decodeTokensPerS: number;
  /** End-to-end latency, ms. */
  totalMs: number;
}

export type FinishReason = "stop" | "length" | "abort" | "error";

/** One piece of a streamed answer. `delta` is new text; `reasoning` marks thinking text. */
export interface StreamChunk {
  delta: string;
  reasoning?: boolean;
}

/** The rate limits (429 + Retry-After) one request waited out before it was answered. */
export interface RateLimitWaits {
  waits: number;
  waitedMs: number;
}

export interface ChatResult {
  text: string;
  reasoning: string;
  finishReason: FinishReason;
  usage: Usage;
  error?: SerializedError;
  /** Set by a runtime whose server rate-limited the request (remote). */
  rateLimited?: RateLimitWaits;
}

export type LoadPhase = "queued" | "fetching" | "loading" | "ready" | "error" | "cancelled";

export interface LoadProgress {
  modelId: string;
  phase: LoadPhase;
  /** 0..1 */
  fraction: number;
  /** Human text from the engine ("Fetching param cache[3/20]: 120MB fetched…"). */
  text: string;
  loadedBytes?: number;
  totalBytes?: number;
  elapsedMs: number;
}

export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  signal?: AbortSignal;
}

export interface StreamOptions {
  /** Called with each chunk as it arrives; must return quickly (buffer, render later). */
  onChunk: (chunk: StreamChunk) => void;
  signal?: AbortSignal;
}

/** The runtime an engine is, or "mixed" for one that picks a runtime per model. */
export type EngineKind = RuntimeId | "mixed";

export interface Engine {
  readonly kind: EngineKind;
  /** Load these models together (web-llm supports a list); resolves when all are ready. */
  load(modelIds: string[], options?: LoadOptions): Promise<void>;
  /** Models currently loaded and ready. */
  loaded(): string[];
  /** Stream one chat completion; resolves with the whole answer and its usage. */
  chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult>;
  /** Stop whatever is generating now (the pending `chat` resolves with finishReason "abort"). */
  interrupt(): Promise<void>;
  /** Unload models (all when none given) and free GPU memory. */
  unload(modelIds?: string[]): Promise<void>;
}
