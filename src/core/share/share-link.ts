/**
 * Share links: a recording (a comparison's export) or a bench report's summary
 * (`core/report/shared-report.ts`) carried in the URL fragment, deflate-raw
 * compressed and base64url encoded, so the data never reaches a server (browsers do not send the
 * fragment). A result too big for a sensible link (`MAX_FRAGMENT_CHARS`) is refused with advice to
 * download the recording file instead. Anything that could hold a secret is stripped first.
 */
import { parseRecording, type Recording } from "../engine/replay/recording";
import { PolymathError } from "../errors";

/** The largest fragment a share link carries; past it, share the file. */
export const MAX_FRAGMENT_CHARS = 8 * 1024;
/** Decompressed payloads past this are refused (a small link cannot hold a big file honestly). */
const MAX_JSON_BYTES = 2 * 1024 * 1024;
/** The hash prefix of a share link: `#/shared/<payload>`. */
export const SHARE_PREFIX = "#/shared/";

const SECRET_KEY =
  /^(api[-_]?key|apikey|token|access[-_]?token|secret|password|authorization|bearer)$/i;

/** A deep copy of `value` without fields whose name says they hold a credential. */
export function stripSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripSecrets) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEY.test(k)) out[k] = stripSecrets(v);
    return out as T;
  }
  return value;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The fragment payload for `recording`, or null when it is too big for a link. */
export function encodeShare(recording: Recording): Promise<string | null> {
  return encodeValue(recording);
}

/** The fragment payload for any JSON document (credentials stripped), or null when too big. */
export async function encodeValue(value: unknown): Promise<string | null> {
  const json = JSON.stringify(stripSecrets(value));
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  const payload = toBase64Url(packed);
  return SHARE_PREFIX.length + payload.length <= MAX_FRAGMENT_CHARS ? payload : null;
}

const broken = (cause?: unknown) =>
  new PolymathError("malformed-input", "This share link is damaged or incomplete.", {
    advice: "Ask for the link again (it may have been cut short), or for the recording file.",
    ...(cause === undefined ? {} : { cause }),
  });

/** The recording a share link's payload carries; a PolymathError for anything else. */
export async function decodeShare(payload: string): Promise<Recording> {
  // The recording parser names what is wrong in a well-formed but foreign document.
  return parseRecording(await decodeText(payload));
}

/** The JSON text a share link's payload carries (not yet parsed); a PolymathError if damaged. */
export async function decodeText(payload: string): Promise<string> {
  if (!payload || payload.length > MAX_FRAGMENT_CHARS) throw broken();
  let json: string;
  try {
    const bytes = await pipe(fromBase64Url(payload), new DecompressionStream("deflate-raw"));
    if (bytes.length > MAX_JSON_BYTES) throw new Error("too large");
    json = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    throw broken(e);
  }
  return json;
}
