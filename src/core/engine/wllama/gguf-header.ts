/**
 * Reads the header of a GGUF file (llama.cpp's model format): magic, version, metadata and
 * tensor infos, from the first bytes only. Big arrays (a 150k-token vocabulary) are skipped
 * unless asked for, so a check before a download needs only the header's few megabytes.
 *
 * Layout (little-endian): "GGUF", u32 version, u64 tensor count, u64 metadata count, metadata
 * (string key, u32 type, value), tensor infos (name, u32 dims, u64 × dims, u32 type, u64 offset),
 * padding to `general.alignment`, tensor data. Strings are u64 length + UTF-8 bytes.
 */
import { PolymathError } from "../../errors";

/** Metadata value types as the format numbers them. */
export const GGUF_TYPE = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;

export type GgufScalar = number | bigint | boolean | string;

/** An array value: its item type and length, and the items when they were kept. */
export interface GgufArray {
  itemType: number;
  length: number;
  values?: GgufScalar[];
}

export type GgufValue = GgufScalar | GgufArray;

export interface GgufTensorInfo {
  name: string;
  /** Sizes, fastest-varying first (ggml's ne0, ne1, …). */
  dims: number[];
  /** ggml tensor type (0 f32, 1 f16, 8 q8_0, 12 q4_K…). */
  type: number;
  /** Offset of the data from the start of the data section. */
  offset: number;
}

export interface GgufHeader {
  version: number;
  tensorCount: number;
  metadata: Map<string, GgufValue>;
  /** Tensor infos, when the bytes reached that far and they were asked for. */
  tensors?: GgufTensorInfo[];
  /** Where the tensor data starts (only when tensors were read). */
  dataOffset?: number;
  /** Bytes the header used up to where reading stopped. */
  bytesRead: number;
}

export interface ReadGgufOptions {
  /** Keep the items of arrays up to this length (default 64); longer ones keep only their length. */
  keepArraysUpTo?: number;
  /** Read the tensor infos too (default false). */
  tensors?: boolean;
}

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
const DEFAULT_ALIGNMENT = 32;
const MAX_STRING_BYTES = 1 << 30;
const MAX_ITEMS = 2 ** 31;

/** Thrown inside the parser when the buffer ends too early; says how many bytes it needs. */
class NeedMoreBytes {
  constructor(readonly atLeast: number) {}
}

class Cursor {
  private readonly view: DataView;
  private readonly decoder = new TextDecoder("utf-8");
  pos = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.bytes.length) throw new NeedMoreBytes(this.pos + n);
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.pos++);
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  /** A u64 that must fit a JS number (lengths, counts, offsets). */
  size(what: string): number {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed(`${what} is too large (${v}).`);
    return Number(v);
  }
  string(): string {
    const length = this.size("A string length");
    if (length > MAX_STRING_BYTES) throw malformed(`A string claims ${length} bytes.`);
    this.need(length);
    const text = this.decoder.decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
  skipString(): void {
    const length = this.size("A string length");
    if (length > MAX_STRING_BYTES) throw malformed(`A string claims ${length} bytes.`);
    this.skip(length);
  }
  scalar(type: number): GgufScalar {
    const size = SCALAR_BYTES[type];
    if (type === GGUF_TYPE.string) return this.string();
    if (size === undefined) throw malformed(`Unknown metadata value type ${type}.`);
    this.need(size);
    const v = this.view;
    const at = this.pos;
    this.pos += size;
    switch (type) {
      case GGUF_TYPE.uint8:
        return v.getUint8(at);
      case GGUF_TYPE.int8:
        return v.getInt8(at);
      case GGUF_TYPE.uint16:
        return v.getUint16(at, true);
      case GGUF_TYPE.int16:
        return v.getInt16(at, true);
      case GGUF_TYPE.uint32:
        return v.getUint32(at, true);
      case GGUF_TYPE.int32:
        return v.getInt32(at, true);
      case GGUF_TYPE.float32:
        return v.getFloat32(at, true);
      case GGUF_TYPE.bool:
        return v.getUint8(at) !== 0;
      case GGUF_TYPE.uint64:
        return small(v.getBigUint64(at, true));
      case GGUF_TYPE.int64:
        return small(v.getBigInt64(at, true));
      default:
        return v.getFloat64(at, true);
    }
  }
}

const SCALAR_BYTES: Record<number, number> = {
  [GGUF_TYPE.uint8]: 1,
  [GGUF_TYPE.int8]: 1,
  [GGUF_TYPE.uint16]: 2,
  [GGUF_TYPE.int16]: 2,
  [GGUF_TYPE.uint32]: 4,
  [GGUF_TYPE.int32]: 4,
  [GGUF_TYPE.float32]: 4,
  [GGUF_TYPE.bool]: 1,
  [GGUF_TYPE.uint64]: 8,
  [GGUF_TYPE.int64]: 8,
  [GGUF_TYPE.float64]: 8,
};

/** 64-bit integers become numbers when exact, else stay bigint. */
function small(v: bigint): number | bigint {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(v)
    : v;
}

function readArray(c: Cursor, keepUpTo: number): GgufArray {
  const itemType = c.u32();
  const length = c.size("An array length");
  if (length > MAX_ITEMS) throw malformed(`An array claims ${length} items.`);
  if (itemType === GGUF_TYPE.array) throw malformed("Nested metadata arrays are not supported.");
  const keep = length <= keepUpTo;
  const values: GgufScalar[] = [];
  const fixed = SCALAR_BYTES[itemType];
  if (!keep && fixed !== undefined) {
    c.skip(fixed * length);
    return { itemType, length };
  }
  for (let i = 0; i < length; i++) {
    if (keep) values.push(c.scalar(itemType));
    else if (itemType === GGUF_TYPE.string) c.skipString();
    else c.scalar(itemType);
  }
  return keep ? { itemType, length, values } : { itemType, length };
}

function parse(bytes: Uint8Array, options: ReadGgufOptions): GgufHeader {
  const c = new Cursor(bytes);
  const magic = c.u32();
  if (magic !== GGUF_MAGIC) {
    throw new PolymathError("unsupported-format", "This file is not a GGUF model.", {
      advice:
        "Pick a .gguf file (llama.cpp's format). MLC models (a folder with mlc-chat-config.json) use the WebGPU runtime.",
      details: { magic: magic.toString(16).padStart(8, "0") },
    });
  }
  const version = c.u32();
  if (version !== 2 && version !== 3) {
    const bigEndian = version === 0x02000000 || version === 0x03000000;
    throw new PolymathError(
      "unsupported-format",
      bigEndian
        ? "This GGUF file is big-endian; browsers run little-endian models only."
        : `GGUF version ${version} is not supported (versions 2 and 3 are).`,
      {
        advice: "Convert the model again with a current llama.cpp (convert_hf_to_gguf.py).",
        details: { version },
      },
    );
  }
  const tensorCount = c.size("The tensor count");
  const metadataCount = c.size("The metadata count");
  const keepUpTo = options.keepArraysUpTo ?? 64;
  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < metadataCount; i++) {
    const key = c.string();
    const type = c.u32();
    metadata.set(key, type === GGUF_TYPE.array ? readArray(c, keepUpTo) : c.scalar(type));
  }
  const header: GgufHeader = { version, tensorCount, metadata, bytesRead: c.pos };
  if (!options.tensors) return header;
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = c.string();
    const nDims = c.u32();
    if (nDims > 8) throw malformed(`Tensor ${name} claims ${nDims} dimensions.`);
    const dims: number[] = [];
    for (let d = 0; d < nDims; d++) dims.push(c.size("A tensor dimension"));
    const type = c.u32();
    tensors.push({ name, dims, type, offset: c.size("A tensor offset") });
  }
  const alignValue = metadata.get("general.alignment");
  const alignment =
    typeof alignValue === "number" && alignValue > 0 ? alignValue : DEFAULT_ALIGNMENT;
  const dataOffset = Math.ceil(c.pos / alignment) * alignment;
  return { ...header, tensors, dataOffset, bytesRead: c.pos };
}

function malformed(message: string, details: Record<string, number | boolean> = {}): PolymathError {
  return new PolymathError("malformed-input", `This GGUF file is damaged: ${message}`, {
    advice: "Download the file again; if it keeps failing, the file on the server is broken.",
    details,
  });
}

/**
 * Read a GGUF header from `bytes` (the start of the file). Throws `unsupported-format` for a file
 * that is not GGUF and `malformed-input` for a damaged one; when `bytes` ends before the header
 * does, the error has `details.truncated` and `details.bytesNeeded` (a lower bound).
 */
export function readGgufHeader(bytes: Uint8Array, options: ReadGgufOptions = {}): GgufHeader {
  try {
    return parse(bytes, options);
  } catch (e) {
    if (!(e instanceof NeedMoreBytes)) throw e;
    if (bytes.length < 8) {
      throw new PolymathError("unsupported-format", "This file is too short to be a GGUF model.", {
        details: { bytes: bytes.length },
      });
    }
    throw malformed(`the header continues past the first ${bytes.length} bytes.`, {
      truncated: true,
      bytesNeeded: e.atLeast,
    });
  }
}

/** True when `e` is the error `readGgufHeader` throws for a buffer that ends too early. */
export function isTruncatedHeader(e: unknown): e is PolymathError {
  return e instanceof PolymathError && e.details.truncated === true;
}

export interface ReadGgufFromOptions extends ReadGgufOptions {
  /** Bytes asked for first (default 256 KiB). */
  firstBytes?: number;
  /** Give up past this many bytes (default 64 MiB; vocabularies of 250k tokens need ~10 MB). */
  maxBytes?: number;
}

/**
 * Read a GGUF header through `read(start, end)` (a range request, a `Blob.slice`), asking for more
 * bytes until the header fits. `read` may return fewer bytes at the end of the file.
 */
export async function readGgufHeaderFrom(
  read: (start: number, end: number) => Promise<Uint8Array>,
  options: ReadGgufFromOptions = {},
): Promise<GgufHeader> {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  let buffer = await read(0, Math.min(options.firstBytes ?? 256 * 1024, maxBytes));
  for (;;) {
    try {
      return readGgufHeader(buffer, options);
    } catch (e) {
      if (!isTruncatedHeader(e)) throw e;
      const needed = Number(e.details.bytesNeeded);
      const want = Math.min(maxBytes, Math.max(needed, buffer.length * 2));
      if (want <= buffer.length) throw e;
      const more = await read(buffer.length, want);
      if (more.length === 0) throw malformed("the file ends inside its header.");
      const grown = new Uint8Array(buffer.length + more.length);
      grown.set(buffer);
      grown.set(more, buffer.length);
      buffer = grown;
    }
  }
}
