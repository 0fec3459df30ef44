/**
 * Before a custom model is added, read the first bytes of its model library: a file that is not
 * WebAssembly (an HTML error page, a JSON file, a renamed archive) is refused with a message that
 * says what it is. A library that cannot be read now is only a warning: web-llm fetches it when
 * the model is downloaded, and says then what went wrong.
 */
import { PolymathError } from "../../core/errors";

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

export interface LibraryCheckOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Null when the library starts like WebAssembly; a warning when it could not be read now. */
export async function checkModelLibrary(
  libUrl: string,
  options: LibraryCheckOptions = {},
): Promise<string | null> {
  const doFetch = options.fetch ?? fetch;
  let head: Uint8Array;
  try {
    const response = await doFetch(libUrl, {
      headers: { Range: "bytes=0-7" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15000),
    });
    if (!response.ok) {
      return `The model library answered ${response.status} now; it is fetched again when you download the model.`;
    }
    head = await firstBytes(response, WASM_MAGIC.length);
  } catch {
    return "The model library could not be read now (offline, or the server refuses this site); it is fetched again when you download the model.";
  }
  if (WASM_MAGIC.every((b, i) => head[i] === b)) return null;
  throw new PolymathError(
    "malformed-input",
    `The model library is not WebAssembly: ${describe(head)}.`,
    {
      advice:
        "The library URL must point at the model's compiled .wasm file (for example one from web-llm's binary-mlc-llm-libs), not at a web page or another file.",
      details: { field: "modelLibUrl", url: libUrl },
    },
  );
}

/** The first `n` bytes of a body, without reading the rest when a server ignores the range. */
async function firstBytes(response: Response, n: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).slice(0, n);
  const out = new Uint8Array(n);
  let filled = 0;
  while (filled < n) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    const take = value.subarray(0, n - filled);
    out.set(take, filled);
    filled += take.length;
  }
  void reader.cancel().catch(() => undefined);
  return out.subarray(0, filled);
}

/** What the bytes look like instead, in words. */
function describe(head: Uint8Array): string {
  if (head.length === 0) return "the file is empty";
  const text = new TextDecoder().decode(head).trimStart();
  if (text.startsWith("<")) return "it is a web page (HTML)";
  if (text.startsWith("{") || text.startsWith("[")) return "it is a JSON file";
  if (head[0] === 0x50 && head[1] === 0x4b) return "it is a zip archive";
  if (head[0] === 0x1f && head[1] === 0x8b) return "it is gzip-compressed";
  return `it starts with the bytes ${[...head].map((b) => b.toString(16).padStart(2, "0")).join(" ")}`;
}
