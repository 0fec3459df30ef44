/**
 * Engine configuration as plain data that crosses the worker: where web-llm caches weights and
 * which custom models it may load (field names as in web-llm's `ModelRecord`), and what the
 * engine reports about each model it knows.
 */
import type { ModelRecord } from "../../catalog/types";
import type { CacheBackend } from "../model-cache";

export interface EngineAppConfig {
  cacheBackend?: CacheBackend;
  /** Custom models, as the catalog records them. */
  customModels?: ModelRecord[];
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
