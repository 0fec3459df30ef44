// The GGUF writer, checked through the app's own header reader: what it writes is what llama.cpp
// will read (the browser tests then load the same files in llama.cpp itself).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readGgufHeader } from "../../src/core/engine/wllama/gguf-header.ts";
import { ggufModelFacts } from "../../src/core/engine/wllama/gguf-model.ts";
import { SPECIAL_TOKENS, byteSymbols } from "./bpe-vocab.mjs";
import { TensorType } from "./gguf-encode.mjs";
import { f16Bits, f16Value, encodeTensor } from "./quantize.mjs";
import { CHATML_TEMPLATE, PRESETS, buildTinyLlama } from "./tiny-llama.mjs";

const sha = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * `value`, which the test expects to exist.
 * @template T
 * @param {T | undefined} value
 * @returns {T}
 */
function must(value) {
  if (value === undefined) throw new Error("expected a value");
  return value;
}

/** Tensor infos and data offset of a header read with `tensors: true`. */
const layout = (header) => ({ tensors: must(header.tensors), dataOffset: must(header.dataOffset) });

/** The items of a kept metadata array. */
const items = (metadata, key) => must(/** @type {any} */ (metadata.get(key))?.values);

/** A tensor by name. */
const tensor = (header, name) => must(layout(header).tensors.find((t) => t.name === name));

/** Rows of a f32 tensor, read back from the file. */
function f32Rows(bytes, header, name) {
  const t = tensor(header, name);
  const start = layout(header).dataOffset + t.offset;
  const values = new Float32Array(bytes.buffer.slice(start, start + t.dims[0] * t.dims[1] * 4));
  return (row) => values.subarray(row * t.dims[0], (row + 1) * t.dims[0]);
}

describe("buildTinyLlama", () => {
  it("is deterministic: same seed, same bytes; another seed, other weights", () => {
    const a = buildTinyLlama({ seed: 3 });
    expect(sha(buildTinyLlama({ seed: 3 }))).toBe(sha(a));
    const b = buildTinyLlama({ seed: 4 });
    expect(b.length).toBe(a.length);
    expect(sha(b)).not.toBe(sha(a));
  });

  it("writes a GGUF v3 llama header that reads back field by field", () => {
    const options = {
      ...PRESETS.tiny,
      layers: 3,
      width: 96,
      heads: 6,
      kvHeads: 3,
      contextLength: 1024,
    };
    const bytes = buildTinyLlama({ ...options, name: "round-trip", seed: 9 });
    const header = readGgufHeader(bytes, { tensors: true, keepArraysUpTo: 1 << 16 });
    expect(header.version).toBe(3);
    const facts = ggufModelFacts(header);
    expect(facts).toMatchObject({
      architecture: "llama",
      name: "round-trip",
      contextLength: 1024,
      chatTemplate: CHATML_TEMPLATE,
      blockCount: 3,
      embeddingLength: 96,
      headCount: 6,
      headCountKv: 3,
      keyLength: 16,
      vocabSize: PRESETS.tiny.vocabSize,
      fileType: 0,
    });
    const m = header.metadata;
    expect(m.get("tokenizer.ggml.model")).toBe("gpt2");
    expect(m.get("llama.rope.dimension_count")).toBe(16);
    expect(m.get("polymath.generator.seed")).toBe(9);
    expect(m.get("tokenizer.ggml.add_bos_token")).toBe(false);
    // 2 embeddings + output norm, 9 tensors per layer.
    expect(header.tensorCount).toBe(3 + 9 * 3);
    expect(tensor(header, "blk.2.attn_k.weight")).toMatchObject({
      dims: [96, 48],
      type: TensorType.F32,
    });
    // Tensors are aligned, in order, and the file ends with the last one.
    const { tensors, dataOffset } = layout(header);
    const last = must(tensors.at(-1));
    expect(dataOffset % 32).toBe(0);
    expect(tensors.every((t) => t.offset % 32 === 0)).toBe(true);
    const lastBytes = last.dims.reduce((a, b) => a * b, 4);
    expect(bytes.length).toBe(dataOffset + last.offset + lastBytes);
  });

  it("writes a tokenizer llama.cpp accepts: byte symbols, consistent merges, ChatML specials", () => {
    const bytes = buildTinyLlama();
    const m = readGgufHeader(bytes, { keepArraysUpTo: 1 << 16 }).metadata;
    const tokens = items(m, "tokenizer.ggml.tokens");
    const types = items(m, "tokenizer.ggml.token_type");
    const merges = items(m, "tokenizer.ggml.merges");
    expect(tokens).toHaveLength(PRESETS.tiny.vocabSize);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.slice(0, 256)).toEqual(byteSymbols());
    expect(tokens.slice(-3)).toEqual([...SPECIAL_TOKENS]);
    expect(types.slice(-3)).toEqual([3, 3, 3]);
    expect(m.get("tokenizer.ggml.eos_token_id")).toBe(tokens.indexOf("<|im_end|>"));
    const known = new Set(tokens);
    for (const merge of merges) {
      const [left, right] = merge.split(" ");
      expect(known.has(left) && known.has(right) && known.has(left + right)).toBe(true);
    }
  });

  it("makes special and non-ASCII tokens unreachable: a constant dimension and negative readout", () => {
    const bytes = buildTinyLlama();
    const header = readGgufHeader(bytes, { tensors: true, keepArraysUpTo: 1 << 16 });
    const tokens = items(header.metadata, "tokenizer.ggml.tokens");
    const embedding = f32Rows(bytes, header, "token_embd.weight");
    const output = f32Rows(bytes, header, "output.weight");
    const attnOut = f32Rows(bytes, header, "blk.0.attn_output.weight");
    const down = f32Rows(bytes, header, "blk.1.ffn_down.weight");
    expect(embedding(5)[0]).toBe(8);
    expect(embedding(tokens.length - 1)[0]).toBe(8);
    expect([...attnOut(0)].every((v) => v === 0)).toBe(true);
    expect([...down(0)].every((v) => v === 0)).toBe(true);
    const imEnd = output(tokens.indexOf("<|im_end|>"));
    expect(imEnd[0]).toBe(-64);
    expect([...imEnd.subarray(1)].every((v) => v === 0)).toBe(true);
    expect(output(0x80)[0]).toBe(-64); // a lone continuation byte
    const letter = output(tokens.indexOf("a"));
    expect(letter[0]).toBe(0);
    expect([...letter.subarray(1)].some((v) => v !== 0)).toBe(true);
  });

  it("writes q8_0 and f16 weights with llama.cpp's file types and sizes", () => {
    const q8 = buildTinyLlama({ width: 64, ffn: 128, type: "q8_0" });
    const h = readGgufHeader(q8, { tensors: true });
    expect(h.metadata.get("general.file_type")).toBe(7);
    const q = tensor(h, "blk.0.ffn_up.weight");
    expect(q.type).toBe(TensorType.Q8_0);
    const { tensors } = layout(h);
    const next = must(tensors[tensors.indexOf(q) + 1]);
    // 64 × 128 values in blocks of 32, 34 bytes a block, padded to the 32-byte alignment.
    expect(next.offset - q.offset).toBe(Math.ceil((((64 * 128) / 32) * 34) / 32) * 32);
    expect(tensor(h, "blk.0.ffn_norm.weight").type).toBe(TensorType.F32);
    const f16 = readGgufHeader(buildTinyLlama({ type: "f16" }), { tensors: true });
    expect(f16.metadata.get("general.file_type")).toBe(1);
    expect(tensor(f16, "output.weight").type).toBe(TensorType.F16);
  });

  it("rejects shapes llama.cpp could not use", () => {
    expect(() => buildTinyLlama({ width: 65 })).toThrow(/multiple of heads/);
    expect(() => buildTinyLlama({ width: 48, heads: 4, kvHeads: 4, type: "q8_0" })).toThrow(
      /multiples of 32/,
    );
    expect(() => buildTinyLlama({ heads: 4, kvHeads: 3 })).toThrow(/multiple of kvHeads/);
    expect(() => buildTinyLlama({ vocabSize: 100 })).toThrow(/at least/);
  });
});

describe("tensor encodings", () => {
  it("rounds floats to half precision like IEEE 754", () => {
    expect(f16Bits(1)).toBe(0x3c00);
    expect(f16Bits(-2)).toBe(0xc000);
    expect(f16Bits(65504)).toBe(0x7bff);
    expect(f16Bits(1e6)).toBe(0x7c00);
    expect(f16Bits(0.1)).toBe(0x2e66);
    expect(f16Bits(2 ** -24)).toBe(0x0001);
    expect(f16Bits(1e-9)).toBe(0);
    expect(Number.isNaN(f16Value(f16Bits(NaN)))).toBe(true);
    for (const v of [0.5, -3.25, 1234, 6e-5])
      expect(Math.abs(f16Value(f16Bits(v)) - v)).toBeLessThan(Math.abs(v) * 1e-3);
  });

  it("packs q8_0 blocks as one f16 scale and 32 int8 values", () => {
    const values = Float32Array.from({ length: 64 }, (_, i) => (i < 32 ? i - 16 : 0));
    const bytes = encodeTensor(values, TensorType.Q8_0);
    expect(bytes.length).toBe(2 * 34);
    const view = new DataView(bytes.buffer);
    const scale = f16Value(view.getUint16(0, true));
    expect(scale).toBeCloseTo(16 / 127, 4);
    expect(view.getInt8(2)).toBe(-127); // -16 is the largest magnitude
    expect(view.getInt8(2 + 16)).toBe(0);
    expect(view.getUint16(34, true)).toBe(0); // an all-zero block has scale 0
    expect(() => encodeTensor(new Float32Array(33), TensorType.Q8_0)).toThrow(/multiple of 32/);
  });
});
