/** Facts that MLC model ids carry in their names: size, quantization, context variant. */
import type { Quantization } from "./types";

const SIZE = /(?:^|[-_])(E?)(\d+(?:[._]\d+)?)([BbMm])(?=$|[-_])/;
const QUANT = /(?:^|[-_])(q(\d+)f(16|32)(?:_\d+)?)(?=$|[-_])/;

/** Parameter count in billions from an id ("1.5B" → 1.5, "360M" → 0.36, "E2B" → 2). */
export function parseParamsB(id: string): number | null {
  const match = SIZE.exec(id);
  if (!match) return null;
  const value = Number((match[2] ?? "").replace("_", "."));
  if (!Number.isFinite(value) || value <= 0) return null;
  return (match[3] ?? "").toLowerCase() === "m" ? value / 1000 : value;
}

/** The size as a base label ("1.5B", "360M", "E2B"): upper-case unit, dot decimals. */
export function sizeLabel(id: string): string | null {
  const match = SIZE.exec(id);
  if (!match) return null;
  return `${match[1] ?? ""}${(match[2] ?? "").replace("_", ".")}${(match[3] ?? "").toUpperCase()}`;
}

/** Quantization from an id or library name ("q4f16_1" → 4-bit weights, f16 compute). */
export function parseQuant(text: string): Quantization | null {
  const match = QUANT.exec(text);
  if (!match) return null;
  const code = match[1] ?? "";
  const dtype = match[3] === "16" ? "f16" : "f32";
  const bits = Number(match[2]);
  // q0 means unquantized: weights are stored in the compute dtype.
  return { code, weightBits: bits === 0 ? (dtype === "f16" ? 16 : 32) : bits, dtype };
}

/** Context window: the record's override, else "-1k" in the id, else "ctx512" in the library. */
export function parseContext(id: string, modelLib: string, override?: number): number | null {
  if (override !== undefined && Number.isFinite(override) && override > 0) return override;
  const k = /-(\d+)k$/i.exec(id);
  if (k) return Number(k[1]) * 1024;
  const ctx = /ctx(\d+)/i.exec(modelLib);
  return ctx ? Number(ctx[1]) : null;
}

/** The id without quantization, "-MLC" and variant suffixes: what variants of one model share. */
export function modelKey(id: string): string {
  // GGUF builds: "<key>-GGUF", perhaps with a quantization before the suffix.
  const gguf = /^(.*?)(?:-(?:i?q\d_\w+|b?f16|f32))?-GGUF$/i.exec(id);
  if (gguf?.[1]) return gguf[1];
  const mlc = id.search(/-MLC(?:$|-)/);
  const head = mlc >= 0 ? id.slice(0, mlc) : id;
  return head.replace(/-q\d+f(?:16|32)(?:_\d+)?$/, "");
}

/** The q4f32 twin of a q4f16/q0f16 model id, or undefined when the id has no f16 marker. */
export function f32VariantOf(modelId: string): string | undefined {
  const variant = modelId.replace(/q(\d)f16(_\d)/, "q$1f32$2");
  return variant === modelId ? undefined : variant;
}
