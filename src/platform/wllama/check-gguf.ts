/**
 * Checks a GGUF file before anything is downloaded: reachable from this page (the host must allow
 * it by CORS), a GGUF by its magic, and what its header says (architecture, shapes, context),
 * read with Range requests of the first bytes only. No wllama here: this runs in the Models view.
 */
import { ggufModelFacts, type GgufModelFacts } from "../../core/engine/wllama/gguf-model";
import { readGgufHeaderFrom } from "../../core/engine/wllama/gguf-header";
import { ramNeededBytes } from "../../core/engine/wllama/cpu-fit";
import { PolymathError } from "../../core/errors";

export interface CheckedGguf {
  facts: GgufModelFacts;
  /** The file's size (this part's, for a split model), bytes. */
  fileBytes: number;
  /** Context Polymath allocates for it, tokens. */
  contextWindow: number;
  /** Memory it needs on the CPU runtime at that context, MB. */
  ramMB: number;
}

/** Most context the app allocates on the CPU (its KV cache is memory taken up front). */
const MAX_CONTEXT = 4096;

/** Check the GGUF at `url`; rejects with a PolymathError saying what to fix. */
export async function checkGguf(
  url: string,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): Promise<CheckedGguf> {
  let total = 0;
  const read = async (start: number, end: number): Promise<Uint8Array> => {
    const { bytes, size } = await readRange(fetchFn, url, start, end);
    if (size) total = size;
    return bytes;
  };
  let header;
  try {
    header = await readGgufHeaderFrom(read, { firstBytes: 64 * 1024 });
  } catch (e) {
    if (e instanceof PolymathError && e.code !== "malformed-input") throw e;
    throw new PolymathError("malformed-input", "This file is not a GGUF model.", {
      advice: "Give the URL of a .gguf file (llama.cpp's format), e.g. from a -GGUF repository.",
      details: { url },
      cause: e,
    });
  }
  const facts = ggufModelFacts(header);
  if (!facts.architecture) {
    throw new PolymathError("malformed-input", "The GGUF header names no architecture.", {
      advice: "llama.cpp cannot load it; pick another file.",
      details: { url },
    });
  }
  if (facts.split && facts.split.index !== 0) {
    throw new PolymathError("malformed-input", "This is not the first part of a split GGUF.", {
      advice: "Give the URL of the part ending in -00001-of-….gguf; the others are found from it.",
      details: { url },
    });
  }
  const contextWindow = Math.min(facts.contextLength ?? 2048, MAX_CONTEXT);
  const fileBytes = total;
  const ramBytes = ramNeededBytes({
    fileBytes: fileBytes * (facts.split?.count ?? 1),
    facts,
    nCtx: contextWindow,
  });
  return { facts, fileBytes, contextWindow, ramMB: Math.round(ramBytes / (1024 * 1024)) };
}

/**
 * Bytes [start, end) of `url` and the file's size: a Range request; a host that ignores Range
 * answers 200 with the whole file, which is read only as far as needed.
 */
async function readRange(
  fetchFn: typeof fetch,
  url: string,
  start: number,
  end: number,
): Promise<{ bytes: Uint8Array; size: number }> {
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { range: `bytes=${start}-${end - 1}` } });
  } catch (e) {
    throw new PolymathError("network", "The GGUF file cannot be reached from this page.", {
      advice:
        "Check the URL. The host must allow this site to read it (CORS: Access-Control-Allow-Origin); Hugging Face does.",
      details: { url },
      cause: e,
    });
  }
  if (!response.ok) {
    throw new PolymathError(
      response.status === 404 ? "not-found" : "network",
      `The GGUF URL answered ${response.status}.`,
      {
        advice:
          response.status === 401 || response.status === 403
            ? "The file is private or gated; only public files can be added."
            : "Check the URL.",
        details: { url, status: response.status },
      },
    );
  }
  if (response.status === 206) {
    const range = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "");
    return { bytes: new Uint8Array(await response.arrayBuffer()), size: Number(range?.[1] ?? 0) };
  }
  const size = Number(response.headers.get("content-length") ?? 0);
  const reader = response.body?.getReader();
  if (!reader)
    return { bytes: new Uint8Array(await response.arrayBuffer()).slice(start, end), size };
  const chunks: Uint8Array[] = [];
  let have = 0;
  while (have < end) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    have += value.length;
  }
  await reader.cancel().catch(() => {});
  const all = new Uint8Array(have);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { bytes: all.slice(start, Math.min(end, have)), size };
}
