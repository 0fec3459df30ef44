/**
 * Builds the code sandbox's page (src/platform/sandbox/sandbox-page.ts) into `sandbox-<hash>.html`
 * beside index.html, serves it in dev, and tells the app its name through the virtual module
 * `virtual:sandbox-page`. The name changes with the content, so a cached old page is never used.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { sandboxPage, sandboxScript } from "../../src/platform/sandbox/sandbox-page.ts";

const VIRTUAL = "virtual:sandbox-page";
const RESOLVED = "\0" + VIRTUAL;
const source = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../src/platform/sandbox/${name}`, import.meta.url)),
    "utf8",
  );

/** The page, its file name and the script's hash, from the sources as they are now. */
export function buildSandboxPage(): { html: string; fileName: string; hash: string } {
  const script = sandboxScript(source("frame-runner.js"), source("worker-prelude.js"));
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const html = sandboxPage(script, hash);
  const short = createHash("sha256").update(html).digest("hex").slice(0, 10);
  return { html, fileName: `sandbox-${short}.html`, hash };
}

export function sandboxPagePlugin(): Plugin {
  return {
    name: "polymath-sandbox-page",
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // Watched, so an edit of the sources rebuilds the page and its name.
      this.addWatchFile(
        fileURLToPath(new URL("../../src/platform/sandbox/frame-runner.js", import.meta.url)),
      );
      this.addWatchFile(
        fileURLToPath(new URL("../../src/platform/sandbox/worker-prelude.js", import.meta.url)),
      );
      const { fileName } = buildSandboxPage();
      return `export const sandboxPageName = ${JSON.stringify(fileName)};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const page = buildSandboxPage();
        if (!req.url?.endsWith(`/${page.fileName}`)) return next();
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(page.html);
      });
    },
    generateBundle() {
      const { html, fileName } = buildSandboxPage();
      this.emitFile({ type: "asset", fileName, source: html });
    },
  };
}
