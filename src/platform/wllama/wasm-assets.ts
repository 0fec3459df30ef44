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

/**
 * The compat build's worker code. wllama evaluates it in a blob worker, so it is passed as text
 * (as wllama-compat's README asks for Vite) and fetched only on browsers that need it.
 */
export async function loadCompatWorkerCode(): Promise<string> {
  const module = await import("@wllama/wllama-compat/wasm/wllama.js?raw");
  return module.default;
}
