/**
 * Engine configuration as plain data that crosses the worker: where web-llm caches weights and
 * which custom models it may load (field names as in web-llm's `ModelRecord`), and what the
 * engine reports about each model it knows.
 */

/** web-llm's cache backends Polymath offers ("cross-origin" needs a browser extension). */
export type CacheBackend = "cache" | "indexeddb" | "opfs";

export const CACHE_BACKENDS: readonly CacheBackend[] = ["cache", "indexeddb", "opfs"];

/** A model hosted elsewhere; same field names as web-llm's `ModelRecord`. */
export interface CustomModelRecord {
  /** URL of the folder holding mlc-chat-config.json and the weight shards. */
  model: string;
  model_id: string;
  /** URL of the .wasm model library, compiled for this web-llm version. */
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  buffer_size_required_bytes?: number;
  required_features?: string[];
  overrides?: {
    context_window_size?: number;
    sliding_window_size?: number;
    attention_sink_size?: number;
    temperature?: number;
    top_p?: number;
    repetition_penalty?: number;
    presence_penalty?: number;
    frequency_penalty?: number;
  };
}

export interface EngineAppConfig {
  cacheBackend?: CacheBackend;
  customModels?: CustomModelRecord[];
}

/** A model the engine can load, as its record describes it. */
export interface EngineModelInfo {
  id: string;
  /** Where the weights live. */
  url: string;
  /** The model library (.wasm) URL. */
  lib: string;
  type: "llm" | "embedding" | "vlm";
  vramRequiredMB?: number;
  lowResourceRequired?: boolean;
  requiredFeatures: string[];
  contextWindowSize?: number;
  /** True for records added through `customModels`. */
  custom: boolean;
}
