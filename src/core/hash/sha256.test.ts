import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha256, sha256Hex } from "./sha256";

const reference = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

function seeded(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("Sha256", () => {
  it("gives the known digests of the empty string and 'abc'", () => {
    expect(sha256Hex(new Uint8Array())).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("matches node:crypto at every length around the padding boundaries", () => {
    for (const length of [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]) {
      const data = seeded(length, length);
      expect(sha256Hex(data), `length ${length}`).toBe(reference(data));
    }
  });

  it("gives the same digest however the input is cut into pieces", () => {
    const data = seeded(70_001, 7);
    const want = reference(data);
    for (const piece of [1, 3, 63, 64, 65, 4096, 65_537]) {
      const hash = new Sha256();
      for (let at = 0; at < data.length; at += piece) hash.update(data.subarray(at, at + piece));
      expect(hash.length).toBe(data.length);
      expect(hash.hex(), `pieces of ${piece}`).toBe(want);
    }
  });

  it("reads a digest from a clone and keeps hashing", () => {
    const data = seeded(300, 3);
    const hash = new Sha256().update(data.subarray(0, 100));
    expect(hash.clone().hex()).toBe(reference(data.subarray(0, 100)));
    hash.update(data.subarray(100));
    expect(hash.hex()).toBe(reference(data));
  });

  it("refuses more input once finished", () => {
    const hash = new Sha256().update(new Uint8Array([1]));
    hash.hex();
    expect(() => hash.update(new Uint8Array([2]))).toThrow(/already finished/);
  });
});
