// A static file server for the built app, on loopback only. It serves dist/ both at `/` and at a
// sub-path (`/polymath/`) so tests prove the build works from a project page, and it logs every
// request so tests can check that nothing was fetched that should not have been. Like the dev and
// preview servers it sends the cross-origin isolation headers, unless a test asks for none.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { ISOLATION_HEADERS } from "../../scripts/isolation-headers.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".jsonl": "application/jsonl",
  ".gz": "application/gzip",
  ".gguf": "application/octet-stream",
};

/**
 * Start serving `root`. Returns { url, subUrl, requests, close, route }.
 * `route(path, handler)` adds a custom response for tests (e.g. a fake model host).
 * `isolated: false` leaves out the COOP/COEP headers (a host that cannot send headers).
 * `compress: true` gzips text files for clients that accept it, as static hosts do (Lighthouse).
 */
export async function serveDist(
  root = process.env.POLYMATH_DIST ?? "dist",
  { subPath = "/polymath/", isolated = true, compress = false } = {},
) {
  const policy = isolated ? ISOLATION_HEADERS : {};
  const requests = [];
  const routes = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push({ method: req.method, path: url.pathname });
    for (const [name, value] of Object.entries(policy)) res.setHeader(name, value);
    const custom = routes.get(url.pathname);
    if (custom) return custom(req, res);
    let path = url.pathname.startsWith(subPath)
      ? "/" + url.pathname.slice(subPath.length)
      : url.pathname;
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(normalize(root))) return end(res, 403, "forbidden");
    try {
      if (!(await stat(file)).isFile()) return end(res, 404, "not found");
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const gzip =
        compress &&
        /^(text\/|application\/(json|manifest|jsonl)|image\/svg)/.test(type) &&
        /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      res.writeHead(200, {
        "content-type": type,
        "cache-control": "no-cache",
        ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
      });
      res.end(gzip ? gzipSync(body) : body);
    } catch {
      end(res, 404, "not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    subUrl: `http://127.0.0.1:${port}${subPath}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

function end(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain" });
  res.end(text);
}
