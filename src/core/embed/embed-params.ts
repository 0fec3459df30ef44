/**
 * The embed page's configuration, read from its URL: `recording=<url>` (a recording to replay),
 * a share payload in the fragment (`#/shared/<payload>`), `models=a,b` + `prompt=` (repeatable)
 * to run live after an explicit click, `speed=1|4|instant`, and `origins=` (comma separated): the
 * host pages allowed to talk to the embed over postMessage. None are allowed by default.
 */

export type EmbedSpeed = "1" | "4" | "instant";

export interface EmbedParams {
  recordingUrl: string | null;
  sharePayload: string | null;
  models: string[];
  prompts: string[];
  speed: EmbedSpeed;
  /** Exact origins (`https://host.example`), normalised; "*" is never accepted. */
  origins: string[];
}

/** An origin as `URL` writes it, or null for anything that is not an http(s) origin. */
export function normaliseOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Read the embed page's parameters from `search` (`?a=b`) and `hash` (`#/shared/…`). */
export function parseEmbedParams(search: string, hash: string): EmbedParams {
  const q = new URLSearchParams(search);
  const list = (name: string) =>
    q
      .getAll(name)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean);
  const speed = q.get("speed");
  const share = /^#\/shared\/([A-Za-z0-9_-]+)$/.exec(hash)?.[1] ?? null;
  return {
    recordingUrl: q.get("recording")?.trim() || null,
    sharePayload: share,
    models: list("models"),
    prompts: q
      .getAll("prompt")
      .map((p) => p.trim())
      .filter(Boolean),
    speed: speed === "4" || speed === "instant" ? speed : "1",
    origins: [
      ...new Set(
        list("origins")
          .map(normaliseOrigin)
          .filter((o) => o !== null),
      ),
    ],
  };
}

/** True when `origin` is in the allowlist (exact match; "null" and opaque origins never are). */
export function originAllowed(origin: string, allowlist: readonly string[]): boolean {
  return origin !== "null" && allowlist.includes(origin);
}
