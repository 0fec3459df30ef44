// Serialises a GGUF v3 file: header, typed metadata, tensor infos, aligned tensor data. Written
// from the format description in ggml's docs/gguf.md; knows nothing of any model architecture.

export const GGUF_MAGIC = "GGUF";
export const GGUF_VERSION = 3;
export const DEFAULT_ALIGNMENT = 32;

/** Metadata value types, as numbered by the format. */
export const ValueType = Object.freeze({
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
});

/** The ggml tensor types this writer produces. */
export const TensorType = Object.freeze({ F32: 0, F16: 1, Q8_0: 8 });

/**
 * @typedef {{ type: number, value: unknown, itemType?: number }} TypedValue
 * @typedef {{ name: string, dims: number[], type: number, data: Uint8Array }} TensorEntry
 */

/** @param {number} v @returns {TypedValue} */
export const u32 = (v) => ({ type: ValueType.UINT32, value: v });
/** @param {number} v @returns {TypedValue} */
export const i32 = (v) => ({ type: ValueType.INT32, value: v });
/** @param {number} v @returns {TypedValue} */
export const f32 = (v) => ({ type: ValueType.FLOAT32, value: v });
/** @param {boolean} v @returns {TypedValue} */
export const bool = (v) => ({ type: ValueType.BOOL, value: v });
/** @param {string} v @returns {TypedValue} */
export const str = (v) => ({ type: ValueType.STRING, value: v });
/** @param {number} itemType @param {unknown[]} values @returns {TypedValue} */
export const arr = (itemType, values) => ({ type: ValueType.ARRAY, itemType, value: values });

const encoder = new TextEncoder();

/** A growable little-endian byte writer. */
class ByteWriter {
  constructor(initial = 1 << 16) {
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
    this.length = 0;
  }
  /** @param {number} n */
  reserve(n) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  /** @param {number} v */
  u8(v) {
    this.reserve(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  /** @param {number} v */
  i8(v) {
    this.reserve(1);
    this.view.setInt8(this.length, v);
    this.length += 1;
  }
  /** @param {number} v */
  u16(v) {
    this.reserve(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  /** @param {number} v */
  i16(v) {
    this.reserve(2);
    this.view.setInt16(this.length, v, true);
    this.length += 2;
  }
  /** @param {number} v */
  u32(v) {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  /** @param {number} v */
  i32(v) {
    this.reserve(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  /** @param {number | bigint} v */
  u64(v) {
    this.reserve(8);
    this.view.setBigUint64(this.length, BigInt(v), true);
    this.length += 8;
  }
  /** @param {number | bigint} v */
  i64(v) {
    this.reserve(8);
    this.view.setBigInt64(this.length, BigInt(v), true);
    this.length += 8;
  }
  /** @param {number} v */
  f32(v) {
    this.reserve(4);
    this.view.setFloat32(this.length, v, true);
    this.length += 4;
  }
  /** @param {number} v */
  f64(v) {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  /** @param {Uint8Array} bytes */
  bytes(bytes) {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  /** GGUF strings: u64 byte length, then UTF-8 bytes, no terminator. @param {string} s */
  string(s) {
    const bytes = encoder.encode(s);
    this.u64(bytes.length);
    this.bytes(bytes);
  }
  /** @param {number} alignment */
  pad(alignment) {
    const rest = this.length % alignment;
    if (rest === 0) return;
    this.reserve(alignment - rest);
    this.length += alignment - rest; // new bytes are already zero
  }
  result() {
    return this.buf.slice(0, this.length);
  }
}

/** @param {ByteWriter} w @param {number} type @param {unknown} value */
function writeScalar(w, type, value) {
  switch (type) {
    case ValueType.UINT8:
      return w.u8(Number(value));
    case ValueType.INT8:
      return w.i8(Number(value));
    case ValueType.UINT16:
      return w.u16(Number(value));
    case ValueType.INT16:
      return w.i16(Number(value));
    case ValueType.UINT32:
      return w.u32(Number(value));
    case ValueType.INT32:
      return w.i32(Number(value));
    case ValueType.FLOAT32:
      return w.f32(Number(value));
    case ValueType.BOOL:
      return w.u8(value ? 1 : 0);
    case ValueType.STRING:
      return w.string(String(value));
    case ValueType.UINT64:
      return w.u64(/** @type {number | bigint} */ (value));
    case ValueType.INT64:
      return w.i64(/** @type {number | bigint} */ (value));
    case ValueType.FLOAT64:
      return w.f64(Number(value));
    default:
      throw new Error(`GGUF writer: unsupported value type ${type}`);
  }
}

/** @param {ByteWriter} w @param {TypedValue} v */
function writeValue(w, v) {
  w.u32(v.type);
  if (v.type !== ValueType.ARRAY) return writeScalar(w, v.type, v.value);
  const items = /** @type {unknown[]} */ (v.value);
  const itemType = v.itemType ?? ValueType.UINT8;
  if (itemType === ValueType.ARRAY) throw new Error("GGUF writer: nested arrays are not supported");
  w.u32(itemType);
  w.u64(items.length);
  for (const item of items) writeScalar(w, itemType, item);
}

/**
 * Encode a whole GGUF file. `metadata` keeps its order; `general.alignment` is honoured when given.
 * @param {{ metadata: [string, TypedValue][], tensors: TensorEntry[] }} file
 * @returns {Uint8Array}
 */
export function encodeGguf({ metadata, tensors }) {
  const alignEntry = metadata.find(([key]) => key === "general.alignment");
  const alignment = alignEntry ? Number(alignEntry[1].value) : DEFAULT_ALIGNMENT;
  const dataBytes = tensors.reduce(
    (sum, t) => sum + Math.ceil(t.data.length / alignment) * alignment,
    0,
  );
  const w = new ByteWriter((1 << 20) + dataBytes);
  w.bytes(encoder.encode(GGUF_MAGIC));
  w.u32(GGUF_VERSION);
  w.u64(tensors.length);
  w.u64(metadata.length);
  for (const [key, value] of metadata) {
    w.string(key);
    writeValue(w, value);
  }
  let offset = 0;
  for (const t of tensors) {
    w.string(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(t.type);
    w.u64(offset);
    offset += Math.ceil(t.data.length / alignment) * alignment;
  }
  w.pad(alignment);
  for (const t of tensors) {
    w.bytes(t.data);
    w.pad(alignment);
  }
  return w.result();
}
