import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRecording } from "../engine/replay/recording";
import { PolymathError } from "../errors";
import { decodeShare, encodeShare, MAX_FRAGMENT_CHARS, stripSecrets } from "./share-link";

// A labelled test fixture (tests/fixtures/recordings), not a real run.
const fixture = parseRecording(
  readFileSync(
    new URL("../../../tests/fixtures/recordings/compare-two-models.json", import.meta.url),
    "utf8",
  ),
);

async function rejection(p: Promise<unknown>): Promise<PolymathError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PolymathError);
  return e as PolymathError;
}

describe("share links", () => {
  it("round-trips a recording through a base64url fragment", async () => {
    const payload = await encodeShare(fixture);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(payload!)).toEqual(fixture);
  });

  it("refuses a recording too big for a link (share the file instead)", async () => {
    // Incompressible text: random letters, well past the cap once compressed.
    let seed = 7;
    const noise = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(33 + (seed % 90));
    }).join("");
    const big = { ...fixture, note: noise };
    expect(await encodeShare(big)).toBeNull();
    expect(MAX_FRAGMENT_CHARS).toBe(8192);
  });

  it("strips fields that could hold a credential, at any depth", async () => {
    const withKey = {
      ...fixture,
      engine: { ...fixture.engine, apiKey: "sk-secret" },
      models: fixture.models.map((m) => ({ ...m, token: "t0ken" })),
    };
    expect(JSON.stringify(stripSecrets(withKey))).not.toMatch(/sk-secret|t0ken/);
    const payload = await encodeShare(withKey as typeof fixture);
    const back = await decodeShare(payload!);
    expect(JSON.stringify(back)).not.toMatch(/sk-secret|t0ken/);
  });

  it("explains malformed fragments with a typed error, never a crash", async () => {
    for (const bad of ["", "!!!not-base64!!!", "AAAA", "x".repeat(MAX_FRAGMENT_CHARS + 1)]) {
      const e = await rejection(decodeShare(bad));
      expect(e.code).toBe("malformed-input");
      expect(e.advice).toMatch(/link/);
    }
    // Cut short: the tail of a real payload is missing.
    const payload = (await encodeShare(fixture))!;
    const cut = await rejection(decodeShare(payload.slice(0, payload.length / 2)));
    expect(cut.code).toBe("malformed-input");
  });

  it("refuses well-formed data that is not a recording", async () => {
    const other = await encodeShare({ hello: "world" } as never);
    const e = await rejection(decodeShare(other!));
    expect(["unsupported-format", "malformed-input"]).toContain(e.code);
  });
});
