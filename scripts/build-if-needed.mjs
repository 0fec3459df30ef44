#!/usr/bin/env node
// Browser tests run against the built app. `npm test` builds it in the size step; when the browser
// tests run alone, build here if dist/ is missing or older than the sources.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    t = Math.max(t, name.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = existsSync("dist/index.html") ? statSync("dist/index.html").mtimeMs : 0;
const sources = Math.max(newest("src"), newest("public"), statSync("index.html").mtimeMs);
if (built < sources) {
  console.log("build-if-needed: building the app for the browser tests…");
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
}
