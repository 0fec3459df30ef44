#!/usr/bin/env node
// Runs the real-browser tests (tests/*.browser.test.mjs) with node's test runner, one file at a
// time: each launches Chromium, and two cores do not run several at once well.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const only = process.argv.slice(2);
const files = readdirSync("tests")
  .filter((f) => f.endsWith(".browser.test.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .map((f) => `tests/${f}`);
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...files], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
