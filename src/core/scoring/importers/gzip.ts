/** Reading imported bytes: gzip (via the standard DecompressionStream) and UTF-8. */
import { PolymathError } from "../../errors";

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflate gzip bytes (a `.jsonl.gz` download); throws malformed-input when they are not gzip. */
export async function decompressGzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new DecompressionStream("gzip");
    const writer = stream.writable.getWriter();
    // Errors surface on the reading side; the writer's own promises must not go unhandled.
    writer.write(new Uint8Array(bytes)).catch(() => undefined);
    writer.close().catch(() => undefined);
    const chunks: Uint8Array[] = [];
    const reader = stream.readable.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch (e) {
    throw new PolymathError("malformed-input", "The file is not valid gzip.", {
      cause: e,
      advice:
        "The file ends in .gz but could not be decompressed: it may be truncated. Download it again.",
    });
  }
}

/** What reading a file named `.gz` that holds plain bytes says; undefined when nothing to say. */
export function notGzipNote(fileName: string, bytes: Uint8Array): string | undefined {
  if (!/\.gz$/i.test(fileName) || isGzip(bytes)) return undefined;
  return `"${fileName}" ends in .gz but is not gzip-compressed, so it was read as plain text.`;
}

/**
 * Run `parse` over text read with `note` (see notGzipNote): a failure's message starts with the
 * note, since a misnamed file is the likelier cause than the line it names.
 */
export function withReadNote<T>(note: string | undefined, parse: () => T): T {
  if (note === undefined) return parse();
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof PolymathError)) throw e;
    throw new PolymathError(e.code, `${note} ${e.message}`, {
      cause: e,
      advice: e.advice,
      details: e.details,
    });
  }
}

/** File bytes as text: gunzipped when gzip (by content, not name), decoded as UTF-8 (a BOM is dropped). */
export async function readImportText(bytes: Uint8Array): Promise<string> {
  const plain = isGzip(bytes) ? await decompressGzip(bytes) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(plain).replace(/^\uFEFF/, "");
  } catch (e) {
    throw new PolymathError("malformed-input", "The file is not UTF-8 text.", {
      cause: e,
      advice: "Save the file as UTF-8 and import it again.",
    });
  }
}
