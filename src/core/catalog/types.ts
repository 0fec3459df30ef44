/**
 * Model metadata as Polymath sees it. `ModelRecord` mirrors the fields of web-llm's own
 * `ModelRecord`, so core never imports web-llm to describe models.
 */
import type { ModelDomain } from "../domains";
import type { RuntimeId } from "../engine/runtime";

/**
 * A web-llm model as its runtime loads it (structurally web-llm's `ModelRecord`): the one record
 * type from the catalog (prebuilt list, custom models) to the engine's app config.
 */
export interface ModelRecord {
  /** Folder (usually a Hugging Face repo) holding mlc-chat-config.json and tensor-cache.json. */
  model: string;
  model_id: string;
  /** URL of the compiled WebGPU library (.wasm). */
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  buffer_size_required_bytes?: number;
  required_features?: string[];
  /** 0 LLM, 1 embedding, 2 vision-language (web-llm's `ModelType`). */
  model_type?: number;
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

/** What a model is for; "embedding" models turn text into vectors and cannot chat. */
export type ModelRole = "generalist" | "specialist" | "embedding" | "unknown";

export type { ModelDomain } from "../domains";

export type ModelKind = "llm" | "embedding" | "vlm";

/** A quantization code such as q4f16_1: weight bits and the dtype the shaders compute in. */
export interface Quantization {
  code: string;
  /** Bits per stored weight before group scales (16 or 32 for unquantized q0). */
  weightBits: number;
  dtype: "f16" | "f32";
}

/**
 * Where a GGUF model's file comes from: a URL the user gave (checked when added), or a Hugging
 * Face repository whose file list is read at download time to pick the first quantization of
 * `quants` it holds (file names are not hard-coded, so a renamed file is still found).
 */
export type GgufSource =
  | { kind: "url"; url: string }
  | {
      kind: "repo";
      repo: string;
      /** Quantizations to look for, best first ("q4_k_m"), matched in file names. */
      quants: string[];
      /** "publisher": the model's own authors publish the repository; "community": a third party. */
      publisher: "publisher" | "community";
    };

export interface CatalogEntry {
  /** web-llm's model_id (or a GGUF build's id, ending in -GGUF), unique in the catalog. */
  id: string;
  /** The model regardless of quantization and context variant, e.g. "Qwen2.5-Coder-1.5B-Instruct". */
  key: string;
  /** Display name, e.g. "Qwen2.5-Coder-1.5B-Instruct · q4f16 · 1k context". */
  name: string;
  /** Model family, e.g. "Qwen2.5", "Ministral-3", "DeepSeek-R1-Distill". */
  family: string;
  /** Shared pretrained base, e.g. "Qwen2.5-1.5B" for Instruct, Coder and Math alike. */
  base: string;
  role: ModelRole;
  domains: ModelDomain[];
  /** BCP 47 codes for language specialists (["ja"]). */
  languages: string[];
  /** Parameter count in billions, or null when unknown. */
  paramsB: number | null;
  quant: Quantization | null;
  contextWindow: number | null;
  /** Memory it needs when loaded, MB: GPU memory (web-llm), or CPU memory (GGUF: file + KV cache). */
  vramMB: number | null;
  /** web-llm marks models it expects to run on constrained devices. */
  lowResource: boolean;
  /** Largest storage buffer binding the model needs, in bytes. */
  bufferSizeRequiredBytes: number | null;
  /** WebGPU features the model needs; "shader-f16" for every f16 quantization. */
  requiredFeatures: string[];
  kind: ModelKind;
  chatCapable: boolean;
  /** "remote": served by an endpoint the user added (see `remote-entries.ts`). */
  source: "prebuilt" | "custom" | "remote";
  /** The runtime that serves it: web-llm (WebGPU) for MLC builds, wllama (CPU) for GGUF files. */
  runtime: RuntimeId;
  /** The GGUF file's origin (wllama models only). */
  gguf: GgufSource | null;
  /** Size of the GGUF file in bytes when known (a checked custom model), else null. */
  fileBytes: number | null;
  modelUrl: string;
  modelLibUrl: string;
  /** One sentence on what the model is, when the annotations say. */
  note: string;
}

export type FitStatus = "fits" | "tight" | "wont-run";

export interface FitAssessment {
  status: FitStatus;
  /** Human sentences with numbers, e.g. "Needs 1.84 GB of GPU memory; budget 1.46 GB." */
  reasons: string[];
  chatCapable: boolean;
}
