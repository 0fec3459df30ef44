import { describe, expect, it } from "vitest";
import { PolymathError } from "../../errors";
import { GGUF_TYPE, isTruncatedHeader, readGgufHeader, readGgufHeaderFrom } from "./gguf-header";

/** A hand-rolled little-endian GGUF builder, so these tests do not depend on the writer script. */
class Bytes {
  private parts: number[] = [];
  u8(v: number) {
    this.parts.push(v & 0xff);
    return this;
  }
  u32(v: number) {
    for (let i = 0; i < 4; i++) this.u8(v >>> (8 * i));
    return this;
  }
  u64(v: number | bigint) {
    let big = BigInt(v);
    for (let i = 0; i < 8; i++) {
      this.u8(Number(big & 0xffn));
      big >>= 8n;
    }
    return this;
  }
  str(s: string) {
    const bytes = new TextEncoder().encode(s);
    this.u64(bytes.length);
    for (const b of bytes) this.u8(b);
    return this;
  }
  f32(v: number) {
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, v, true);
    for (let i = 0; i < 4; i++) this.u8(view.getUint8(i));
    return this;
  }
  build() {
    return new Uint8Array(this.parts);
  }
}

function header(version = 3, tensors = 0, kvs = 0): Bytes {
  return new Bytes().u8(0x47).u8(0x47).u8(0x55).u8(0x46).u32(version).u64(tensors).u64(kvs);
}

function sample(): Uint8Array {
  return header(3, 1, 6)
    .str("general.architecture")
    .u32(GGUF_TYPE.string)
    .str("llama")
    .str("llama.context_length")
    .u32(GGUF_TYPE.uint32)
    .u32(4096)
    .str("llama.attention.layer_norm_rms_epsilon")
    .u32(GGUF_TYPE.float32)
    .f32(0.5)
    .str("big")
    .u32(GGUF_TYPE.uint64)
    .u64(2n ** 60n)
    .str("tokenizer.ggml.tokens")
    .u32(GGUF_TYPE.array)
    .u32(GGUF_TYPE.string)
    .u64(3)
    .str("a")
    .str("b")
    .str("<|im_end|>")
    .str("tokenizer.ggml.scores")
    .u32(GGUF_TYPE.array)
    .u32(GGUF_TYPE.float32)
    .u64(2)
    .f32(1)
    .f32(2)
    .str("token_embd.weight")
    .u32(2)
    .u64(64)
    .u64(3)
    .u32(8)
    .u64(0)
    .build();
}

describe("readGgufHeader", () => {
  it("reads version, metadata of each type and tensor infos", () => {
    const h = readGgufHeader(sample(), { tensors: true });
    expect(h.version).toBe(3);
    expect(h.tensorCount).toBe(1);
    expect(h.metadata.get("general.architecture")).toBe("llama");
    expect(h.metadata.get("llama.context_length")).toBe(4096);
    expect(h.metadata.get("llama.attention.layer_norm_rms_epsilon")).toBe(0.5);
    expect(h.metadata.get("big")).toBe(2n ** 60n);
    expect(h.metadata.get("tokenizer.ggml.tokens")).toEqual({
      itemType: GGUF_TYPE.string,
      length: 3,
      values: ["a", "b", "<|im_end|>"],
    });
    expect(h.tensors).toEqual([{ name: "token_embd.weight", dims: [64, 3], type: 8, offset: 0 }]);
    expect(h.bytesRead).toBe(sample().length);
    expect(h.dataOffset).toBe(Math.ceil(sample().length / 32) * 32);
  });

  it("keeps long arrays as their length only", () => {
    const h = readGgufHeader(sample(), { keepArraysUpTo: 2 });
    expect(h.metadata.get("tokenizer.ggml.tokens")).toEqual({
      itemType: GGUF_TYPE.string,
      length: 3,
    });
    expect(h.metadata.get("tokenizer.ggml.scores")).toMatchObject({ length: 2, values: [1, 2] });
    expect(h.tensors).toBeUndefined();
  });

  it("refuses a file that is not GGUF, with advice", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const error = (() => {
      try {
        readGgufHeader(png);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PolymathError);
    expect(error).toMatchObject({ code: "unsupported-format", details: { magic: "474e5089" } });
    expect((error as PolymathError).advice).toMatch(/gguf/i);
    expect(() => readGgufHeader(new Uint8Array([0x47, 0x47]))).toThrow(/too short/);
  });

  it("refuses versions it cannot read, naming big-endian files", () => {
    expect(() => readGgufHeader(header(1).build())).toThrow(/version 1 is not supported/);
    const bigEndian = header(0x03000000).build();
    expect(() => readGgufHeader(bigEndian)).toThrow(/big-endian/);
  });

  it("says how many bytes a cut-off header needs", () => {
    const full = sample();
    try {
      readGgufHeader(full.subarray(0, 40));
      expect.unreachable();
    } catch (e) {
      expect(isTruncatedHeader(e)).toBe(true);
      expect(e).toMatchObject({ code: "malformed-input" });
      const needed = Number((e as PolymathError).details.bytesNeeded);
      expect(needed).toBeGreaterThan(40);
      expect(needed).toBeLessThanOrEqual(full.length);
    }
  });

  it("calls absurd lengths damage, not a reason to allocate", () => {
    const bad = header(3, 0, 1)
      .u64(2 ** 40)
      .build();
    expect(() => readGgufHeader(bad)).toThrow(/claims/);
    const hugeArray = header(3, 0, 1)
      .str("k")
      .u32(GGUF_TYPE.array)
      .u32(GGUF_TYPE.uint8)
      .u64(2 ** 40)
      .build();
    expect(() => readGgufHeader(hugeArray)).toThrow(/claims/);
    const unknownType = header(3, 0, 1).str("k").u32(99).build();
    expect(() => readGgufHeader(unknownType)).toThrow(/Unknown metadata value type 99/);
  });
});

describe("readGgufHeaderFrom", () => {
  it("asks for more bytes until the header fits", async () => {
    const file = sample();
    const reads: [number, number][] = [];
    const read = async (start: number, end: number) => {
      reads.push([start, end]);
      return file.slice(start, end);
    };
    const h = await readGgufHeaderFrom(read, { firstBytes: 16 });
    expect(h.metadata.get("general.architecture")).toBe("llama");
    expect(reads[0]).toEqual([0, 16]);
    expect(reads.length).toBeGreaterThan(1);
    // Each read continues where the last one ended.
    for (let i = 1; i < reads.length; i++) expect(reads[i]?.[0]).toBe(reads[i - 1]?.[1]);
  });

  it("gives up at maxBytes and at the end of a file cut inside its header", async () => {
    const file = sample();
    const read = async (start: number, end: number) => file.slice(start, end);
    await expect(readGgufHeaderFrom(read, { firstBytes: 8, maxBytes: 32 })).rejects.toMatchObject({
      code: "malformed-input",
    });
    const cut = file.slice(0, 60);
    const readCut = async (start: number, end: number) => cut.slice(start, end);
    await expect(readGgufHeaderFrom(readCut, { firstBytes: 16 })).rejects.toThrow(/ends inside/);
  });
});
