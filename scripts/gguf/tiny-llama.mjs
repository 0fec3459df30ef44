// Builds a llama-architecture GGUF with seeded random weights: a real model for llama.cpp, made in
// a fraction of a second, so tests get real tokens without downloading anything.
//
// Random weights would sample the end-of-turn token (ending answers at random) and lone UTF-8
// bytes (invalid text). Both are ruled out by construction: dimension 0 of every token embedding
// holds a constant and no layer writes to it, so after the final norm it is always positive; the
// output rows of special and non-ASCII tokens read only that dimension, with a large negative
// weight. Answers therefore run to `max_tokens` and are printable ASCII.
import { encodeGguf, arr, bool, f32, str, u32, TensorType, ValueType } from "./gguf-encode.mjs";
import { buildBpeVocab } from "./bpe-vocab.mjs";
import { encodeTensor } from "./quantize.mjs";

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** @typedef {"f32" | "f16" | "q8_0"} WeightType */

/**
 * @typedef {object} TinyLlamaOptions
 * @property {string} [name]
 * @property {number} [seed]
 * @property {number} [layers]
 * @property {number} [width] embedding length
 * @property {number} [heads]
 * @property {number} [kvHeads]
 * @property {number} [ffn] feed-forward length
 * @property {number} [vocabSize]
 * @property {number} [contextLength]
 * @property {WeightType} [type] type of the 2-D weights (norms stay f32)
 */

/** The two models the tests and the benchmark use. */
export const PRESETS = Object.freeze({
  /** Loads and streams 32 tokens in about a second on one thread. */
  tiny: {
    name: "polymath-tiny",
    layers: 2,
    width: 64,
    heads: 4,
    kvHeads: 2,
    ffn: 128,
    vocabSize: 512,
    contextLength: 2048,
    type: /** @type {WeightType} */ ("f32"),
  },
  /** The benchmark's mid-size model: about 60 MB, slow enough that decode speed is measurable. */
  mid: {
    name: "polymath-mid",
    layers: 8,
    width: 512,
    heads: 8,
    kvHeads: 8,
    ffn: 2560,
    vocabSize: 16384,
    contextLength: 2048,
    type: /** @type {WeightType} */ ("q8_0"),
  },
});

const TYPE_CODES = { f32: TensorType.F32, f16: TensorType.F16, q8_0: TensorType.Q8_0 };
/** llama.cpp's `general.file_type` for "mostly this type". */
const FILE_TYPES = { f32: 0, f16: 1, q8_0: 7 };
const ANCHOR = 8;
const BLOCKED_WEIGHT = -64;

/** A small seeded generator (mulberry32): same seed, same numbers, on every platform. */
export function seededRandom(seed = 1) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {() => number} random
 * @param {number} count
 * @param {number} std standard deviation of the uniform distribution used
 */
function uniform(random, count, std) {
  const half = std * Math.sqrt(3);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (random() * 2 - 1) * half;
  return out;
}

/** @param {Required<TinyLlamaOptions>} o */
function validate(o) {
  const positive = ["layers", "width", "heads", "kvHeads", "ffn", "vocabSize", "contextLength"];
  for (const key of positive) {
    const v = /** @type {Record<string, unknown>} */ (o)[key];
    if (!Number.isInteger(v) || /** @type {number} */ (v) <= 0) {
      throw new Error(`${key} must be a positive integer, not ${String(v)}`);
    }
  }
  if (o.width % o.heads !== 0) throw new Error("width must be a multiple of heads");
  if (o.heads % o.kvHeads !== 0) throw new Error("heads must be a multiple of kvHeads");
  if ((o.width / o.heads) % 2 !== 0) throw new Error("the head size must be even (RoPE)");
  if (!(o.type in TYPE_CODES)) throw new Error(`type must be f32, f16 or q8_0, not ${o.type}`);
  if (o.type === "q8_0" && (o.width % 32 !== 0 || o.ffn % 32 !== 0)) {
    throw new Error("q8_0 needs width and ffn to be multiples of 32");
  }
}

/**
 * The GGUF bytes of a random llama model. Same options, same bytes.
 * @param {TinyLlamaOptions} [options]
 * @returns {Uint8Array}
 */
export function buildTinyLlama(options = {}) {
  /** @type {Required<TinyLlamaOptions>} */
  const o = { ...PRESETS.tiny, seed: 1, ...options };
  validate(o);
  const random = seededRandom(o.seed);
  const vocab = buildBpeVocab(o.vocabSize);
  const headDim = o.width / o.heads;
  const kvWidth = headDim * o.kvHeads;
  const weightType = TYPE_CODES[o.type];

  /** @type {import("./gguf-encode.mjs").TensorEntry[]} */
  const tensors = [];
  /** @param {string} name @param {number[]} dims @param {Float32Array} values @param {number} type */
  const add = (name, dims, values, type) =>
    tensors.push({ name, dims, type, data: encodeTensor(values, type) });
  const ones = (n) => new Float32Array(n).fill(1);
  /** A [rows × cols] weight (cols = input size, ggml's first dimension). */
  const matrix = (rows, cols, std) => uniform(random, rows * cols, std);
  /** @param {Float32Array} m @param {number} cols */
  const keepDimZero = (m, cols) => m.fill(0, 0, cols); // output row 0 never changes dimension 0

  const embeddings = matrix(o.vocabSize, o.width, 1);
  for (let t = 0; t < o.vocabSize; t++) embeddings[t * o.width] = ANCHOR;
  add("token_embd.weight", [o.width, o.vocabSize], embeddings, weightType);

  for (let l = 0; l < o.layers; l++) {
    const p = `blk.${l}.`;
    add(p + "attn_norm.weight", [o.width], ones(o.width), TensorType.F32);
    add(
      p + "attn_q.weight",
      [o.width, o.width],
      matrix(o.width, o.width, o.width ** -0.5),
      weightType,
    );
    add(
      p + "attn_k.weight",
      [o.width, kvWidth],
      matrix(kvWidth, o.width, o.width ** -0.5),
      weightType,
    );
    add(
      p + "attn_v.weight",
      [o.width, kvWidth],
      matrix(kvWidth, o.width, o.width ** -0.5),
      weightType,
    );
    const attnOut = keepDimZero(matrix(o.width, o.width, o.width ** -0.5), o.width);
    add(p + "attn_output.weight", [o.width, o.width], attnOut, weightType);
    add(p + "ffn_norm.weight", [o.width], ones(o.width), TensorType.F32);
    add(
      p + "ffn_gate.weight",
      [o.width, o.ffn],
      matrix(o.ffn, o.width, o.width ** -0.5),
      weightType,
    );
    const down = keepDimZero(matrix(o.width, o.ffn, o.ffn ** -0.5), o.ffn);
    add(p + "ffn_down.weight", [o.ffn, o.width], down, weightType);
    add(p + "ffn_up.weight", [o.width, o.ffn], matrix(o.ffn, o.width, o.width ** -0.5), weightType);
  }

  add("output_norm.weight", [o.width], ones(o.width), TensorType.F32);
  const output = matrix(o.vocabSize, o.width, o.width ** -0.5);
  const allowed = new Set(vocab.asciiIds);
  for (let t = 0; t < o.vocabSize; t++) {
    if (allowed.has(t)) output[t * o.width] = 0;
    else {
      output.fill(0, t * o.width, (t + 1) * o.width);
      output[t * o.width] = BLOCKED_WEIGHT;
    }
  }
  add("output.weight", [o.width, o.vocabSize], output, weightType);

  const endOfText = /** @type {number} */ (vocab.specialIds["<|endoftext|>"]);
  const endOfTurn = /** @type {number} */ (vocab.specialIds["<|im_end|>"]);
  /** @type {[string, import("./gguf-encode.mjs").TypedValue][]} */
  const metadata = [
    ["general.architecture", str("llama")],
    ["general.name", str(o.name)],
    ["general.alignment", u32(32)],
    ["general.file_type", u32(FILE_TYPES[o.type])],
    ["polymath.generator.seed", u32(o.seed)],
    ["llama.context_length", u32(o.contextLength)],
    ["llama.embedding_length", u32(o.width)],
    ["llama.block_count", u32(o.layers)],
    ["llama.feed_forward_length", u32(o.ffn)],
    ["llama.attention.head_count", u32(o.heads)],
    ["llama.attention.head_count_kv", u32(o.kvHeads)],
    ["llama.rope.dimension_count", u32(headDim)],
    ["llama.rope.freq_base", f32(10000)],
    ["llama.attention.layer_norm_rms_epsilon", f32(1e-5)],
    ["llama.vocab_size", u32(o.vocabSize)],
    ["tokenizer.ggml.model", str("gpt2")],
    ["tokenizer.ggml.pre", str("default")],
    ["tokenizer.ggml.tokens", arr(ValueType.STRING, vocab.tokens)],
    ["tokenizer.ggml.token_type", arr(ValueType.INT32, vocab.types)],
    ["tokenizer.ggml.merges", arr(ValueType.STRING, vocab.merges)],
    ["tokenizer.ggml.bos_token_id", u32(endOfText)],
    ["tokenizer.ggml.eos_token_id", u32(endOfTurn)],
    ["tokenizer.ggml.padding_token_id", u32(endOfText)],
    ["tokenizer.ggml.add_bos_token", bool(false)],
    ["tokenizer.chat_template", str(CHATML_TEMPLATE)],
  ];
  return encodeGguf({ metadata, tensors });
}
