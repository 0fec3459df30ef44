/**
 * Will a GGUF model run on the CPU runtime here? llama.cpp in WebAssembly keeps the weights, the
 * KV cache and its compute buffers inside the WebAssembly heap, so the memory a model needs is
 * roughly the file size plus the KV cache for the context plus one batch of logits. The heap has
 * a hard ceiling: both wllama 3.13 builds (64-bit and the 32-bit compat one) cap it at 65,536
 * pages, 4 GiB. wllama also takes each file as one blob, which must stay under 2 GiB (bigger
 * models are split with llama-gguf-split). Budgeting several models together is the caller's
 * planner's job.
 */
import type { GgufModelFacts } from "./gguf-model";

const GIB = 1024 ** 3;
/** wllama's documented limit for one GGUF file (or one part of a split model). */
export const MAX_FILE_BYTES = 2 * GIB;
/** The WebAssembly heap ceiling of wllama's builds (`maximum: 65536` pages of 64 KiB). */
export const WASM_HEAP_MAX_BYTES = 4 * GIB;
/** llama.cpp's default micro-batch; its logits dominate the CPU compute buffer. */
const UBATCH_TOKENS = 512;

export type KvShape = Required<
  Pick<GgufModelFacts, "blockCount" | "headCountKv" | "keyLength" | "valueLength">
>;

/** Bytes of llama.cpp's KV cache for `nCtx` tokens: keys and values in every layer (f16 by default). */
export function kvCacheBytes(shape: KvShape, nCtx: number, bytesPerElement = 2): number {
  const perToken = shape.headCountKv * (shape.keyLength + shape.valueLength) * bytesPerElement;
  return shape.blockCount * nCtx * perToken;
}

export interface RamNeededInput {
  /** Size of the GGUF file(s), bytes. */
  fileBytes: number;
  facts: GgufModelFacts;
  nCtx: number;
  /** 2 for the default f16 cache, 1 for q8_0. */
  kvBytesPerElement?: number;
}

/** Estimated memory a model needs on the CPU runtime, in bytes: file + KV cache + compute buffer. */
export function ramNeededBytes(input: RamNeededInput): number {
  const { facts } = input;
  const shape = kvShapeOf(facts);
  const kv = shape ? kvCacheBytes(shape, input.nCtx, input.kvBytesPerElement) : 0;
  const compute = (facts.vocabSize ?? 0) * 4 * UBATCH_TOKENS;
  return input.fileBytes + kv + compute;
}

/** The KV shape in `facts`, or undefined when the header lacks a size. */
export function kvShapeOf(facts: GgufModelFacts): KvShape | undefined {
  const { blockCount, headCountKv, keyLength, valueLength } = facts;
  if (blockCount === undefined || headCountKv === undefined) return undefined;
  if (keyLength === undefined || valueLength === undefined) return undefined;
  return { blockCount, headCountKv, keyLength, valueLength };
}

export type CpuFitProblem = "file-too-large" | "over-wasm-limit" | "over-budget";

export interface CpuFitInput {
  /** Size of each file (one entry, or one per part of a split model). */
  fileSizes: number[];
  ramNeeded: number;
  /** What the caller lets this model use (device memory minus what else is loaded). */
  budgetBytes: number;
}

export interface CpuFit {
  fits: boolean;
  problems: { problem: CpuFitProblem; message: string }[];
}

const gb = (n: number): string => `${(n / 1e9).toFixed(2)} GB`;

/** The reasons a model cannot run on the CPU here; none means it fits. */
export function cpuFit(input: CpuFitInput): CpuFit {
  const problems: CpuFit["problems"] = [];
  const largest = Math.max(0, ...input.fileSizes);
  if (largest > MAX_FILE_BYTES) {
    problems.push({
      problem: "file-too-large",
      message: `A ${gb(largest)} file is over the 2 GiB a browser can load at once; use a split GGUF (llama-gguf-split).`,
    });
  }
  if (input.ramNeeded > WASM_HEAP_MAX_BYTES) {
    problems.push({
      problem: "over-wasm-limit",
      message: `It needs about ${gb(input.ramNeeded)}, over the ${gb(WASM_HEAP_MAX_BYTES)} a WebAssembly model can use.`,
    });
  }
  if (input.ramNeeded > input.budgetBytes) {
    problems.push({
      problem: "over-budget",
      message: `It needs about ${gb(input.ramNeeded)}; ${gb(input.budgetBytes)} is free for models here.`,
    });
  }
  return { fits: problems.length === 0, problems };
}
