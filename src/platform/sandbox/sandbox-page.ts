/**
 * The sandbox frame's document, built at build time into its own file (`sandbox-<hash>.html`)
 * and loaded by URL into an `<iframe sandbox="allow-scripts">`: an opaque origin with no app
 * storage, cookies or DOM. A URL, not `srcdoc`, because a srcdoc document inherits the app's own
 * Content-Security-Policy, which allows neither inline scripts nor eval.
 *
 * Its own CSP adds "no network": `default-src 'none'` blocks fetch, XHR, WebSocket, EventSource,
 * beacons, images, fonts, frames and prefetch. The one script runs by its hash, `'unsafe-eval'`
 * lets the worker evaluate programs, and `worker-src blob:` admits only workers made from
 * in-frame blobs, which inherit this policy. Pure: the Vite plugin (scripts/vite/sandbox-page.ts)
 * reads the sources and hashes the script.
 */

const WORKER_MARKER = '"__POLYMATH_WORKER_SOURCE__"';

/** The Content-Security-Policy of the sandbox page whose one script has SHA-256 `hash` (base64). */
export function sandboxPolicy(hash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${hash}' 'unsafe-eval'`,
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The page's one script: the frame runner with the worker prelude inlined as a string. */
export function sandboxScript(runnerSource: string, workerSource: string): string {
  const script = runnerSource.replace(WORKER_MARKER, () => scriptLiteral(workerSource));
  if (script === runnerSource || /<\/script/i.test(script)) {
    throw new Error("The sandbox runner cannot be inlined.");
  }
  return script;
}

/** The page's HTML: the CSP first, then the script (whose SHA-256 is `hash`). */
export function sandboxPage(script: string, hash: string): string {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(hash)) throw new Error("A SHA-256 hash must be base64.");
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(hash)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<script>${script}</script>`,
    "</head><body></body></html>",
  ].join("\n");
}

// A JS string literal that cannot close the <script> element it sits in.
function scriptLiteral(source: string): string {
  return JSON.stringify(source).replace(/</g, "\\u003c");
}
