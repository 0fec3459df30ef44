/**
 * The sandbox frame's document. The frame is `sandbox="allow-scripts"` (an opaque origin: no app
 * storage, cookies or DOM); this CSP adds "no network": `default-src 'none'` blocks fetch, XHR,
 * WebSocket, EventSource, beacons, images, fonts, frames and prefetch. Scripts run only with the
 * per-frame nonce, `'unsafe-eval'` lets the worker evaluate programs, and `worker-src blob:` admits
 * only workers made from in-frame blobs, which inherit this policy.
 */
import runnerSource from "./frame-runner.js?raw";
import workerSource from "./worker-prelude.js?raw";

const WORKER_MARKER = '"__POLYMATH_WORKER_SOURCE__"';

/** The Content-Security-Policy of a sandbox frame whose one script carries `nonce`. */
export function sandboxPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'unsafe-eval'`,
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The frame's HTML: the CSP first, then the runner with the worker prelude inlined. */
export function buildSrcdoc(nonce: string): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error("A nonce must be long base64.");
  const script = runnerSource.replace(WORKER_MARKER, () => scriptLiteral(workerSource));
  if (script === runnerSource || /<\/script/i.test(script)) {
    throw new Error("The sandbox runner cannot be inlined.");
  }
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(nonce)}">`,
    `<script nonce="${nonce}">${script}</script>`,
    "</head><body></body></html>",
  ].join("\n");
}

/** A fresh random nonce (128 bits, base64url). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

// A JS string literal that cannot close the <script> element it sits in.
function scriptLiteral(source: string): string {
  return JSON.stringify(source).replace(/</g, "\\u003c");
}
