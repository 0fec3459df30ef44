#!/usr/bin/env node
// Finds a Chromium for the browser tests. Where none is found and the machine allows it (root and
// apt-get), installs Debian's `chromium`; otherwise stops with a message saying how to get one.
// Prints the path it found, so other scripts can use it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** @type {string[]} */
const CANDIDATES = /** @type {string[]} */ (
  [
    process.env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ].filter((p) => typeof p === "string" && p.length > 0)
);

/** The first Chromium-like browser found, or undefined. */
export function findBrowser() {
  return CANDIDATES.find((p) => existsSync(p));
}

function canApt() {
  try {
    execFileSync("which", ["apt-get"], { stdio: "ignore" });
    return typeof process.getuid === "function" && process.getuid() === 0;
  } catch {
    return false;
  }
}

function install() {
  console.log("ensure-browser: no Chromium found; installing Debian's chromium with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-dejavu-core"], {
    stdio: "inherit",
    env,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let found = findBrowser();
  if (!found && canApt()) {
    install();
    found = findBrowser();
  }
  if (!found) {
    console.error(
      [
        "ensure-browser: no Chromium or Chrome found, and this machine cannot install one here.",
        "Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: Google Chrome)",
        "or point CHROME_PATH at a Chromium-based browser binary, then run `npm test` again.",
      ].join("\n"),
    );
    process.exit(1);
  }
  console.log(`ensure-browser: using ${found}`);
}
