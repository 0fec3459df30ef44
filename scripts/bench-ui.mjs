#!/usr/bin/env node
// UI streaming benchmark: streams replayed answers at a fixed token rate in the built app and
// prints the main thread's long tasks (> 50 ms) and the frames rendered. Target: zero long tasks.
//
//   node scripts/bench-ui.mjs                 # Chat: 4 answers one after another, 250 tok/s each
//   node scripts/bench-ui.mjs --view compare  # Compare: 3 columns streaming at once, 250 tok/s each
//
// The answers come from a synthetic fixture recording (tests/fixtures/recordings): the benchmark
// measures rendering, not a model.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { launch } from "../tests/helpers/browser.mjs";
import { serveDist } from "../tests/helpers/server.mjs";

const args = process.argv.slice(2);
const view = args.includes("--view") ? args[args.indexOf("--view") + 1] : "chat";
const TPS = 250;
const fixture = (name) =>
  fileURLToPath(new URL(`../tests/fixtures/recordings/${name}`, import.meta.url));

execFileSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
const server = await serveDist();
const b = await launch({ webgpu: false });
const { page } = b;

// Count frames and long tasks from the page's first moment.
await page.addInitScript(() => {
  const w = /** @type {any} */ (window);
  w.__bench = { frames: 0, longTasks: [], counting: false };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (w.__bench.counting) w.__bench.longTasks.push(e.duration);
      if (w.__bench.counting)
        (w.__bench.at ??= []).push(Math.round(e.startTime - w.__bench.started));
    }
  }).observe({ type: "longtask", buffered: false });
  const tick = () => {
    if (w.__bench.counting) w.__bench.frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});

async function setReplay(file) {
  await page.getByLabel("Pace", { exact: true }).selectOption("tps");
  await page.getByLabel("Tokens per second").fill(String(TPS));
  await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
  await page.getByTestId("replay-badge").waitFor();
}

const startCounting = () =>
  page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__bench.counting = true;
    w.__bench.started = performance.now();
  });
const stopCounting = () =>
  page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__bench.counting = false;
    return { ...w.__bench, elapsedMs: performance.now() - w.__bench.started };
  });

let streams = 0;
let tokens = 0;
if (view === "chat") {
  await page.goto(server.url + "#/chat");
  await page.getByRole("heading", { level: 1, name: "Chat" }).waitFor();
  await setReplay(fixture("markdown-code.json"));
  await page.getByText("Settings", { exact: true }).click();
  await page.getByLabel("System prompt").fill("You are a helpful coding assistant.");
  await startCounting();
  await page
    .getByLabel("Message", { exact: true })
    .fill("How do I reverse a linked list in Python?");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  for (let i = 0; i < 4; i++) {
    if (i > 0) await page.getByRole("button", { name: "Regenerate" }).last().click();
    await page.getByRole("button", { name: "Stop", exact: true }).waitFor({ state: "hidden" });
    await page.getByTestId("usage").last().waitFor();
    streams++;
    tokens += 329;
  }
} else if (view === "compare") {
  const { makeCompareFixture, runCompareBenchmark } = await import("./bench-ui-compare.mjs");
  const { path, tokensPerAnswer } = await makeCompareFixture();
  await page.goto(server.url + "#/compare");
  await page.getByRole("heading", { level: 1, name: "Compare" }).waitFor();
  await setReplay(path);
  const r = await runCompareBenchmark(page, startCounting, tokensPerAnswer);
  streams = r.streams;
  tokens = r.tokens;
} else {
  throw new Error(`Unknown view ${view}: use chat or compare`);
}
const result = await stopCounting();
await b.close();
await server.close();

const longTotal = result.longTasks.reduce((a, d) => a + d, 0);
console.log(
  `UI benchmark (${view}): ${streams} replayed answers at ${TPS} tok/s each (${tokens} tokens)`,
);
console.log(`  wall time:        ${(result.elapsedMs / 1000).toFixed(2)} s`);
console.log(
  `  frames rendered:  ${result.frames} (${(result.frames / (result.elapsedMs / 1000)).toFixed(1)} fps)`,
);
console.log(`  long tasks >50ms: ${result.longTasks.length} (total ${longTotal.toFixed(0)} ms)`);
if (result.longTasks.length)
  console.log(
    `    at ms: ${(result.at ?? []).join(", ")}; durations: ${result.longTasks.map((d) => d.toFixed(0)).join(", ")}`,
  );
console.log(`  target: zero long tasks — ${result.longTasks.length === 0 ? "met" : "MISSED"}`);
process.exit(result.longTasks.length === 0 ? 0 : 1);
