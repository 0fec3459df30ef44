// Tensor encodings for the GGUF writer: f32, f16 and q8_0 (blocks of 32 int8 with one f16 scale,
// ggml's layout). Node 20 has no Float16Array, hence the bit-level f16 conversion.
import { TensorType } from "./gguf-encode.mjs";

export const Q8_0_BLOCK = 32;
const Q8_0_BLOCK_BYTES = 2 + Q8_0_BLOCK;

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

/** IEEE half-precision bits of `value`, rounded to nearest even. @param {number} value */
export function f16Bits(value) {
  f32Scratch[0] = value;
  const x = /** @type {number} */ (u32Scratch[0]);
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

/** The float a half-precision bit pattern stands for. @param {number} bits */
export function f16Value(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** @param {Float32Array} values */
function encodeF32(values) {
  return new Uint8Array(
    values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength),
  );
}

/** @param {Float32Array} values */
function encodeF16(values) {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setUint16(i * 2, f16Bits(values[i] ?? 0), true);
  return out;
}

/** @param {Float32Array} values */
function encodeQ8_0(values) {
  if (values.length % Q8_0_BLOCK !== 0) {
    throw new Error(`q8_0 needs a multiple of ${Q8_0_BLOCK} values, got ${values.length}`);
  }
  const blocks = values.length / Q8_0_BLOCK;
  const out = new Uint8Array(blocks * Q8_0_BLOCK_BYTES);
  const view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    const base = b * Q8_0_BLOCK;
    let amax = 0;
    for (let i = 0; i < Q8_0_BLOCK; i++) amax = Math.max(amax, Math.abs(values[base + i] ?? 0));
    const d = amax / 127;
    const inv = d > 0 ? 1 / d : 0;
    const at = b * Q8_0_BLOCK_BYTES;
    view.setUint16(at, f16Bits(d), true);
    for (let i = 0; i < Q8_0_BLOCK; i++) {
      const q = Math.max(-127, Math.min(127, Math.round((values[base + i] ?? 0) * inv)));
      view.setInt8(at + 2 + i, q);
    }
  }
  return out;
}

/**
 * Bytes of `values` in tensor type `type`. Row length (first dimension) must suit the type.
 * @param {Float32Array} values
 * @param {number} type
 */
export function encodeTensor(values, type) {
  switch (type) {
    case TensorType.F32:
      return encodeF32(values);
    case TensorType.F16:
      return encodeF16(values);
    case TensorType.Q8_0:
      return encodeQ8_0(values);
    default:
      throw new Error(`GGUF writer: unsupported tensor type ${type}`);
  }
}
