/**
 * The facts about a model that Polymath needs from a GGUF header: what it is (architecture, name,
 * chat template), how big its context is, and the shapes that size its KV cache.
 */
import type { GgufHeader, GgufValue } from "./gguf-header";

export interface GgufModelFacts {
  architecture: string;
  name?: string;
  /** Context length the model was trained for, in tokens. */
  contextLength?: number;
  chatTemplate?: string;
  blockCount?: number;
  embeddingLength?: number;
  headCount?: number;
  headCountKv?: number;
  /** Per-head key and value sizes (default: embedding length / head count). */
  keyLength?: number;
  valueLength?: number;
  vocabSize?: number;
  /** llama.cpp's `general.file_type` (7 = mostly q8_0, 15 = q4_K_M…). */
  fileType?: number;
  /** For a file split with llama-gguf-split: this part's number (0-based) and the part count. */
  split?: { index: number; count: number };
}

function num(v: GgufValue | undefined): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "bigint") return Number(v);
  return undefined;
}

function text(v: GgufValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** The model facts in `header`; an architecture of "" means the header does not say. */
export function ggufModelFacts(header: GgufHeader): GgufModelFacts {
  const m = header.metadata;
  const architecture = text(m.get("general.architecture")) ?? "";
  const arch = (key: string): GgufValue | undefined => m.get(`${architecture}.${key}`);
  const facts: GgufModelFacts = { architecture };
  const set = <K extends keyof GgufModelFacts>(key: K, value: GgufModelFacts[K] | undefined) => {
    if (value !== undefined) facts[key] = value;
  };
  set("name", text(m.get("general.name")));
  set("contextLength", num(arch("context_length")));
  set("chatTemplate", text(m.get("tokenizer.chat_template")));
  set("blockCount", num(arch("block_count")));
  set("embeddingLength", num(arch("embedding_length")));
  const heads = num(arch("attention.head_count"));
  set("headCount", heads);
  set("headCountKv", num(arch("attention.head_count_kv")) ?? heads);
  const perHead =
    facts.embeddingLength !== undefined && heads ? facts.embeddingLength / heads : undefined;
  set("keyLength", num(arch("attention.key_length")) ?? perHead);
  set("valueLength", num(arch("attention.value_length")) ?? perHead);
  const tokens = m.get("tokenizer.ggml.tokens");
  const vocab = num(arch("vocab_size")) ?? (typeof tokens === "object" ? tokens.length : undefined);
  set("vocabSize", vocab);
  set("fileType", num(m.get("general.file_type")));
  const splitCount = num(m.get("split.count"));
  if (splitCount !== undefined && splitCount > 1) {
    facts.split = { index: num(m.get("split.no")) ?? 0, count: splitCount };
  }
  return facts;
}
