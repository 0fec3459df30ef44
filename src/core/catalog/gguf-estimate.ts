/**
 * What a GGUF model costs on the CPU runtime before its header has been read: the file from
 * parameters × bits, and the memory llama.cpp takes for it (file + KV cache + compute buffer),
 * plus an honest speed range. Once a file's header is read (a custom model), `ramNeededBytes`
 * in `engine/wllama/cpu-fit.ts` gives the figure from the real shapes instead.
 */
import { formatMB } from "../format";

const MB = 1024 * 1024;
/** KV cache per token per billion parameters (f16): Qwen2.5 0.5B–1.5B measure 12–28 kB; Qwen3 more. */
const KV_BYTES_PER_TOKEN_PER_B = 40 * 1024;
/** llama.cpp's CPU compute buffer for a ~150k-token vocabulary at its 512-token batch. */
const COMPUTE_MB = 300;

/** Bits per weight a GGUF quantization stores on average, scales included. */
export function ggufBitsPerWeight(code: string, weightBits: number): number {
  if (code === "q8_0") return 8.5;
  if (code.startsWith("q4_k")) return 4.9;
  if (code === "q4_0") return 4.55;
  if (weightBits >= 16) return weightBits;
  return weightBits + 1;
}

/** Estimated file size, MB. */
export function estimateGgufFileMB(paramsB: number, code: string, weightBits: number): number {
  return Math.round((paramsB * 1e9 * ggufBitsPerWeight(code, weightBits)) / 8 / MB);
}

/** Estimated memory on the CPU runtime, MB: file + KV cache for `nCtx` tokens + compute. */
export function estimateCpuMemoryMB(fileMB: number, paramsB: number, nCtx: number): number {
  const kvMB = (nCtx * paramsB * KV_BYTES_PER_TOKEN_PER_B) / MB;
  return Math.round(fileMB + kvMB + COMPUTE_MB);
}

/**
 * Decode speed to expect, tokens/s: each token reads every weight once, and WebAssembly reads
 * about 1–3 GB/s per thread (SIMD, no native kernels). A range, not a promise.
 */
export function cpuSpeedRange(fileMB: number, threads: number): { low: number; high: number } {
  const bytes = Math.max(1, fileMB) * MB;
  const t = Math.max(1, threads);
  return { low: (t * 1e9) / bytes, high: (Math.min(t * 3, 10) * 1e9) / bytes };
}

/** "Expect roughly 2–7 tokens/s on 1 thread (each token reads the 941 MB of weights)." */
export function cpuSpeedSentence(fileMB: number, threads: number): string {
  const { low, high } = cpuSpeedRange(fileMB, threads);
  const f = (n: number) => (n >= 10 ? Math.round(n).toString() : n.toFixed(1));
  return `Expect roughly ${f(low)}–${f(high)} tokens/s on ${threads} thread${threads === 1 ? "" : "s"} (each token reads the ${formatMB(fileMB)} of weights; far slower than a GPU).`;
}
