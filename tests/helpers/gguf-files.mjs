// Generated GGUF models for browser tests, and a handler that serves one the way a model host
// does (Content-Length, HEAD, optional CORS), optionally slowly, so a download can be cancelled.
import { readFile } from "node:fs/promises";
import { writeTinyGguf } from "../../scripts/make-tiny-gguf.mjs";

/** Write the tiny model with `seed` (and any other options); returns its path and size. */
export function tinyModel(options = {}) {
  return writeTinyGguf({ seed: 1, ...options });
}

/**
 * A route handler serving the file at `path`. `chunkBytes`/`delayMs` trickle the body; `cors`
 * adds `Access-Control-Allow-Origin: *` as Hugging Face's CDN sends it. `log` collects what
 * happened to each GET ("complete" or "aborted").
 * @param {string} path
 * @param {{ chunkBytes?: number, delayMs?: number, cors?: boolean, log?: string[] }} [options]
 */
export function fileRoute(path, { chunkBytes = 0, delayMs = 0, cors = false, log = [] } = {}) {
  return async (req, res) => {
    const body = await readFile(path);
    const headers = {
      "content-type": "application/octet-stream",
      "content-length": String(body.length),
      ...(cors ? { "access-control-allow-origin": "*", "access-control-expose-headers": "*" } : {}),
    };
    res.writeHead(200, headers);
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
