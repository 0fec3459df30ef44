// Builds the test-only pages (tests/pages/) with Vite into .tmp/pages/, apart from the app's
// dist/, so they never ship. Skips the build when the output is newer than its sources.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "vite";

export const PAGES_OUT = resolve(".tmp", "pages");

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build tests/pages/<name>/ (every .html in it is an entry) and return the output folder. */
export async function buildTestPages(name = "wllama") {
  const root = resolve("tests", "pages", name);
  const outDir = join(PAGES_OUT, name);
  const stamp = join(outDir, "index.html");
  const sources = Math.max(newest(root), newest("src"), statSync("package-lock.json").mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs > sources) return outDir;
  const input = Object.fromEntries(
    readdirSync(root)
      .filter((f) => f.endsWith(".html"))
      .map((f) => [f.replace(/\.html$/, ""), join(root, f)]),
  );
  await build({
    configFile: false,
    root,
    base: "./",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, target: "es2022", rollupOptions: { input } },
    worker: { format: "es" },
  });
  return outDir;
}
