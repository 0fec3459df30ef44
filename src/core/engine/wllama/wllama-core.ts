/**
 * The part of `@wllama/wllama`'s `Wllama` class the engine uses, in its own snake_case shapes.
 * Core never imports wllama: `src/platform/wllama/` adapts the real class to this interface and
 * tests pass fakes. One `WllamaCore` holds one model (wllama runs one llama.cpp per instance).
 */

/** Download settings for `fetchModel`. */
export interface WllamaFetchOptions {
  progressCallback?: (progress: { loaded: number; total: number }) => void;
  signal?: AbortSignal;
}

/** Load settings passed to llama.cpp (names as wllama spells them). */
export interface WllamaLoadParams {
  n_ctx: number;
  n_threads: number;
  /** 0 keeps every layer on the CPU (and skips WebGPU start-up). */
  n_gpu_layers: number;
}

export interface WllamaChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** An OpenAI-style streaming request as llama.cpp's server code reads it. */
export interface WllamaChatRequest {
  messages: WllamaChatMessage[];
  stream: true;
  stream_options: { include_usage: boolean };
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  seed?: number;
  stop?: string[];
  chat_template_kwargs?: Record<string, unknown>;
  abortSignal?: AbortSignal;
}

/** llama.cpp's own measurements of one answer. */
export interface WllamaTimings {
  prompt_n: number;
  prompt_ms: number;
  prompt_per_second: number;
  predicted_n: number;
  predicted_ms: number;
  predicted_per_second: number;
}

export interface WllamaChunk {
  choices: {
    delta: { content?: string | null; reasoning_content?: string | null };
    finish_reason: string | null;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  timings?: WllamaTimings;
}

export interface WllamaCore {
  /**
   * The model's file(s) from wllama's cache, downloading them first when missing (a split model
   * by the URL of its first part). Reports bytes; a cached model reports its size at once.
   */
  fetchModel(url: string, options: WllamaFetchOptions): Promise<Blob[]>;
  /** Start llama.cpp in a worker with these files. */
  loadModel(files: Blob[], params: WllamaLoadParams): Promise<void>;
  createChatCompletion(request: WllamaChatRequest): Promise<AsyncIterable<WllamaChunk>>;
  /** Stop the llama.cpp worker and free its memory. */
  exit(): Promise<void>;
  getNumThreads(): number;
  isMultithread(): boolean;
  getChatTemplate(): string | null;
}
