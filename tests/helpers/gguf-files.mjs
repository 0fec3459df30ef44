// Generated GGUF models for browser tests, and a handler that serves one the way a model host
// does (Content-Length, HEAD, optional CORS), optionally slowly, so a download can be cancelled.
import { readFile } from "node:fs/promises";
import { writeTinyGguf } from "../../scripts/make-tiny-gguf.mjs";

/** Write the tiny model with `seed` (and any other options); returns its path and size. */
export function tinyModel(options = {}) {
  return writeTinyGguf({ seed: 1, ...options });
}

/**
 * A route handler serving the file at `path` the way a model host does, `Range` requests
 * included (206 with Content-Range; 416 past the end), unless `ranges` is false (then the whole
 * file comes back with 200, as from a host that ignores ranges). `chunkBytes`/`delayMs` trickle
 * the body; `cors` adds `Access-Control-Allow-Origin: *` as Hugging Face's CDN sends it. `log`
 * collects what happened to each GET: "range N-" when it asked for bytes from N on, then
 * "complete" or "aborted".
 * @param {string} path
 * @param {{ chunkBytes?: number, delayMs?: number, cors?: boolean, ranges?: boolean, log?: string[] }} [options]
 */
export function fileRoute(
  path,
  { chunkBytes = 0, delayMs = 0, cors = false, ranges = true, log = [] } = {},
) {
  return async (req, res) => {
    const whole = await readFile(path);
    const corsHeaders = cors
      ? { "access-control-allow-origin": "*", "access-control-expose-headers": "*" }
      : {};
    const asked = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ""));
    if (asked && req.method !== "HEAD") log.push(`range ${asked[1]}-`);
    const start = asked && ranges ? Number(asked[1]) : 0;
    if (start >= whole.length && start > 0) {
      res.writeHead(416, { "content-range": `bytes */${whole.length}`, ...corsHeaders });
      res.end();
      log.push("complete");
      return;
    }
    const body = whole.subarray(start);
    const headers = {
      "content-type": "application/octet-stream",
      "content-length": String(body.length),
      "accept-ranges": ranges ? "bytes" : "none",
      ...(start > 0
        ? { "content-range": `bytes ${start}-${whole.length - 1}/${whole.length}` }
        : {}),
      ...corsHeaders,
    };
    res.writeHead(start > 0 ? 206 : 200, headers);
    if (req.method === "HEAD") return res.end();
    if (!chunkBytes) {
      res.end(body);
      log.push("complete");
      return;
    }
    let closed = false;
    res.on("close", () => (closed = true));
    for (let at = 0; at < body.length; at += chunkBytes) {
      if (closed) {
        log.push("aborted");
        return;
      }
      res.write(body.subarray(at, at + chunkBytes));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    res.end();
    log.push(closed ? "aborted" : "complete");
  };
}
