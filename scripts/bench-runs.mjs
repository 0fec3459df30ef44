#!/usr/bin/env node
// Benchmark of the bench runner in headless Chromium (no WebGPU), driven through the UI: a
// synthetic recording (a fixture: answers right or wrong by construction, not model output)
// answers 2 built-in suites on 9 replayed models at the fastest pace, so generation costs nearly
// nothing and what is left is the app's own work. Prints the items run, wall time, the runner's
// overhead per item as the app measures it (time outside generation: planning, saving to
// IndexedDB) and the main thread's long tasks while the run goes (target: 0). Not part of
// `npm test`.
//
//   node scripts/bench-runs.mjs               builds dist/ if needed and serves it
//   POLYMATH_DIST=.tmp/dist-x node scripts/bench-runs.mjs   serves an existing build
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { benchRecording, readTemplates } from "../tests/helpers/bench-recording.mjs";
import { launch } from "../tests/helpers/browser.mjs";
import { serveDist } from "../tests/helpers/server.mjs";

const MODELS = 9;
const SUITES = ["builtin-math", "builtin-reasoning"];

if (!process.env.POLYMATH_DIST) {
  execFileSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
}
const server = await serveDist(process.env.POLYMATH_DIST ?? "dist");
const browser = await launch({ webgpu: false });
const tmp = await mkdtemp(join(tmpdir(), "polymath-bench-runs-"));
const { page } = browser;

try {
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(server.url + "#/bench");
  await page.getByRole("heading", { name: "Bench", exact: true }).waitFor();
  const items = [];
  for (const id of SUITES) {
    const row = page.locator(`[data-testid=suite-row][data-suite-id="${id}"]`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("button", { name: /^Export/ }).click(),
    ]);
    const [, ...rows] = (await readFile(await download.path(), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    items.push(...rows);
  }
  const templates = await readTemplates(page);
  const names = Array.from({ length: MODELS }, (_, i) => `Fixture ${String.fromCharCode(65 + i)}`);
  const recording = benchRecording({
    templates,
    // Recorded timings (used only for the usage figures): the fastest pace ignores them.
    step: 20,
    ttft: 50,
    items,
    models: names.map((label, i) => ({
      id: `fx-${i}`,
      label,
      role: i === 0 ? "generalist" : "specialist",
      domain: i % 2 ? "math" : "reasoning",
      right: (_x, j) => (i + j) % 3 !== 0,
    })),
  });
  const file = join(tmp, "bench-runs-fixture.json");
  await writeFile(file, JSON.stringify(recording));

  await page.goto(server.url + "#/compare");
  await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
  await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
  await page
    .getByTestId("replay-badge")
    .waitFor({ timeout: 10_000 })
    .catch(async (e) => {
      console.error(await page.locator("main").innerText());
      throw e;
    });
  await page.evaluate(() => (location.hash = "#/bench"));
  await page.getByRole("heading", { name: "Bench", exact: true }).waitFor();
  const runs = page.locator("#runs");
  for (const name of names) {
    await runs
      .getByTestId("run-models")
      .getByLabel(new RegExp(`${name}\\b`))
      .check();
  }
  await runs.getByLabel(/Math word problems \(/).check();
  await runs.getByLabel(/Reasoning \(\d/).check();
  const total = items.length * MODELS;
  await page.evaluate(() => {
    /** @type {any} */ (window).__longTasks = [];
  });
  const started = Date.now();
  await runs.getByRole("button", { name: `Run ${items.length} items on ${MODELS} models` }).click();
  let overhead = null;
  for (;;) {
    const state = await page.evaluate(() => ({
      overhead: document.querySelector("[data-testid=runner-overhead]")?.textContent ?? null,
      status: document.querySelector("[data-testid=run-report] p.muted")?.textContent ?? "",
    }));
    if (state.overhead) overhead = Number(state.overhead);
    if (/ items scored · done/.test(state.status) && state.status.startsWith(`${total} of`)) break;
    if (Date.now() - started > 600_000) throw new Error(`Run did not finish: ${state.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const wallMs = Date.now() - started;
  const longTasks = await page.evaluate(() => /** @type {any} */ (window).__longTasks);
  console.log(`bench runner · ${availableParallelism()} cores · headless Chromium, no WebGPU`);
  console.log(
    `items run:             ${total} (${items.length} items × ${MODELS} replayed models)`,
  );
  console.log(
    `wall time:             ${(wallMs / 1000).toFixed(1)} s (${(total / (wallMs / 1000)).toFixed(0)} items/s, scoring included)`,
  );
  console.log(
    `runner overhead:       ${overhead?.toFixed(2) ?? "–"} ms per item (outside generation)`,
  );
  console.log(
    `main-thread long tasks: ${longTasks.length}` +
      (longTasks.length ? ` (longest ${Math.round(Math.max(...longTasks))} ms)` : "") +
      "  (target 0)",
  );
  if (browser.errors.length) console.log("page errors:", browser.errors);
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
