#!/usr/bin/env node
// Builds the app, prints the size of what the first page load runs, and fails when the entry
// JavaScript passes its gzip budget, any main-thread chunk bundles @mlc-ai/web-llm, the first
// load runs wllama (the CPU runtime must stay a lazy chunk), or the load path regresses: a view
// that imports the Markdown renderer statically (it loads with the first answer) or built-in
// suites bundled with the Bench view.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// The issues' budget: 25 kB gzip for each page's entry and its static imports.
const ENTRY_BUDGET_BYTES = 25 * 1024;
const DIST = "dist";

execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });

/** @type {import("./vite/chunk-report").ChunkReportEntry[]} */
const chunks = JSON.parse(readFileSync(join(DIST, "chunk-report.json"), "utf8"));
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

// What the first load runs: the entry and every chunk it imports statically. Each page (the app,
// the embed page) is its own first load, with its own budget.
const initial = new Set();
const entryTotals = [];
for (const entry of chunks.filter((c) => c.isEntry)) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  visit(entry.fileName);
  let total = 0;
  console.log(`Initial JavaScript of ${entry.fileName} (entry + static imports):`);
  for (const name of seen) {
    initial.add(name);
    const size = gz(name);
    total += size;
    console.log(`  ${name.padEnd(48)} ${kb(size).padStart(9)} gzip`);
  }
  console.log(
    `  ${"total".padEnd(48)} ${kb(total).padStart(9)} gzip (budget ${kb(ENTRY_BUDGET_BYTES)})`,
  );
  entryTotals.push({ name: entry.fileName, total });
}

const lazy = chunks.filter((c) => !initial.has(c.fileName));
console.log(`Lazy main-thread chunks: ${lazy.length}`);
for (const c of lazy)
  console.log(`  ${c.fileName.padEnd(48)} ${kb(gz(c.fileName)).padStart(9)} gzip`);

// Workers are bundled apart from the main graph; list them so the web-llm chunk is visible.
const workers = readdirSync(join(DIST, "assets")).filter((f) => /worker.*\.js$/.test(f));
for (const w of workers)
  console.log(`Worker chunk: ${w.padEnd(40)} ${kb(gz(join("assets", w))).padStart(9)} gzip`);
const offenders = chunks.filter((c) => c.webllm).map((c) => c.fileName);
console.log(
  `Main-thread chunks containing @mlc-ai/web-llm: ${offenders.length ? offenders.join(", ") : "none"}`,
);

const eagerWllama = chunks
  .filter((c) => c.wllama && initial.has(c.fileName))
  .map((c) => c.fileName);
const lazyWllama = chunks
  .filter((c) => c.wllama && !initial.has(c.fileName))
  .map((c) => c.fileName);
console.log(
  `Lazy chunks containing @wllama: ${lazyWllama.length ? lazyWllama.join(", ") : "none"}`,
);

// The load path: what opening each view fetches, from the chunk graph.
const closure = (name, seen = new Set()) => {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of byName.get(name)?.imports ?? []) closure(dep, seen);
  return seen;
};
const viewChunks = chunks.filter((c) => c.views?.some((v) => v.endsWith("View")));
const eagerMarkdown = viewChunks
  .filter((v) => [...closure(v.fileName)].some((f) => byName.get(f)?.markdown))
  .map((v) => v.fileName);
const suitesWithViews = chunks
  .filter((c) => c.builtInSuites && c.views?.length)
  .map((c) => `${c.fileName} (${c.views.join(", ")})`);
for (const v of viewChunks) {
  const needs = [...closure(v.fileName)].filter((f) => f !== v.fileName && !initial.has(f));
  console.log(`Opening ${v.views.join(", ")} fetches with it: ${needs.length} chunks`);
}
console.log(
  `Views that load the Markdown renderer before an answer: ${eagerMarkdown.length ? eagerMarkdown.join(", ") : "none"}`,
);
console.log(
  `Built-in suites bundled with a view or root: ${suitesWithViews.length ? suitesWithViews.join(", ") : "no"}`,
);

let failed = false;
if (eagerMarkdown.length) {
  console.error("FAIL: a view imports the Markdown renderer statically; use LazyMarkdown.");
  failed = true;
}
if (suitesWithViews.length) {
  console.error("FAIL: the built-in suites must stay their own chunk.");
  failed = true;
}
if (eagerWllama.length) {
  console.error(
    `FAIL: the first load runs wllama (${eagerWllama.join(", ")}); import() it instead.`,
  );
  failed = true;
}
for (const { name, total } of entryTotals.filter((e) => e.total > ENTRY_BUDGET_BYTES)) {
  console.error(
    `FAIL: entry JavaScript of ${name} is ${kb(total)} gzip, over the ${kb(ENTRY_BUDGET_BYTES)} budget.`,
  );
  failed = true;
}
if (offenders.length) {
  console.error("FAIL: web-llm must live only in the worker chunk.");
  failed = true;
}
if (failed) process.exit(1);
console.log("size budget: pass");
