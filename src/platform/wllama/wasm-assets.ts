/**
 * wllama's WebAssembly, served from this app's own origin: Vite copies the files into the build
 * (hashed names) and these imports give their URLs, so nothing comes from wllama's default CDN and
 * the runtime works offline once cached. The compat build (for browsers without JSPI or 64-bit
 * WebAssembly, e.g. Safari) is large and rarely needed, so its worker code is a separate lazy chunk.
 */
import wasmUrl from "@wllama/wllama/esm/wasm/wllama.wasm?url";
import compatWasmUrl from "@wllama/wllama-compat/wasm/wllama.wasm?url";

/** URL of the main (JSPI, memory64) build. */
export const WLLAMA_WASM_URL: string = wasmUrl;

/** URL of the compat (Asyncify, 32-bit) build's WebAssembly. */
export const WLLAMA_COMPAT_WASM_URL: string = compatWasmUrl;

const throughPage = new Map<string, Promise<string>>();

/**
 * `url` fetched by this page, handed to wllama as a `blob:` URL. wllama runs llama.cpp in a blob
 * worker, and a blob worker's own requests do not go through the app's service worker here: the
 * `.wasm` would be neither cached on first use nor served offline. The page's request is both.
 * Falls back to `url` when the page cannot fetch it (the worker then reports the failure).
 */
export function wasmThroughPage(url: string): Promise<string> {
  let made = throughPage.get(url);
  if (!made) {
    made = fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        const bytes = await response.arrayBuffer();
        return URL.createObjectURL(new Blob([bytes], { type: "application/wasm" }));
      })
      .catch(() => {
        throughPage.delete(url);
        return url;
      });
    throughPage.set(url, made);
  }
  return made;
}

/**
 * The compat build's worker code. wllama evaluates it in a blob worker, so it is passed as text
 * (as wllama-compat's README asks for Vite) and fetched only on browsers that need it.
 */
export async function loadCompatWorkerCode(): Promise<string> {
  const module = await import("@wllama/wllama-compat/wasm/wllama.js?raw");
  return module.default;
}
