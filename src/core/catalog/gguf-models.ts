/**
 * The GGUF builds Polymath offers on the CPU runtime (wllama): the models the comparison needs,
 * the same as their MLC twins so a preset can run on either runtime. Data only. Each names a
 * Hugging Face repository, the publisher's own where one exists; the exact file is picked from
 * the repository's file list at download time (the first of `quants` found), never hard-coded.
 */
import type { GgufSource } from "./types";

export interface GgufCatalogModel {
  /** The model key its MLC twin has ("Qwen2.5-0.5B-Instruct"): role, domains and base follow it. */
  key: string;
  source: Extract<GgufSource, { kind: "repo" }>;
  /** Context the CPU runtime allocates, tokens (its KV cache costs memory up front). */
  contextWindow: number;
}

const PREFERRED = ["q4_k_m", "q4_0", "q8_0"];

export const GGUF_MODELS: readonly GgufCatalogModel[] = [
  {
    key: "Qwen2.5-0.5B-Instruct",
    source: {
      kind: "repo",
      repo: "Qwen/Qwen2.5-0.5B-Instruct-GGUF",
      quants: PREFERRED,
      publisher: "publisher",
    },
    contextWindow: 4096,
  },
  {
    key: "Qwen2.5-1.5B-Instruct",
    source: {
      kind: "repo",
      repo: "Qwen/Qwen2.5-1.5B-Instruct-GGUF",
      quants: PREFERRED,
      publisher: "publisher",
    },
    contextWindow: 4096,
  },
  {
    key: "Qwen2.5-Coder-0.5B-Instruct",
    source: {
      kind: "repo",
      repo: "Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF",
      quants: PREFERRED,
      publisher: "publisher",
    },
    contextWindow: 4096,
  },
  {
    key: "Qwen2.5-Coder-1.5B-Instruct",
    source: {
      kind: "repo",
      repo: "Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF",
      quants: PREFERRED,
      publisher: "publisher",
    },
    contextWindow: 4096,
  },
  {
    // Qwen publishes no GGUF of its maths models; bartowski's is the widely used conversion.
    key: "Qwen2.5-Math-1.5B-Instruct",
    source: {
      kind: "repo",
      repo: "bartowski/Qwen2.5-Math-1.5B-Instruct-GGUF",
      quants: PREFERRED,
      publisher: "community",
    },
    contextWindow: 4096,
  },
  {
    key: "Qwen3-1.7B",
    source: {
      kind: "repo",
      repo: "Qwen/Qwen3-1.7B-GGUF",
      // Qwen's own Qwen3 repositories carry q8_0 (and sometimes q4_k_m) builds.
      quants: ["q4_k_m", "q8_0"],
      publisher: "publisher",
    },
    contextWindow: 4096,
  },
];
