// The response headers that make Polymath's pages cross-origin isolated, so llama.cpp (wllama)
// may use threads (SharedArrayBuffer). The dev and preview servers send them, and so does the test
// server, so every browser test runs under them. Why `require-corp` and not `credentialless`: see
// the README ("CPU runtime", threads and cross-origin isolation).

/** @type {Readonly<Record<string, string>>} */
export const ISOLATION_HEADERS = Object.freeze({
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
});
