#!/usr/bin/env node
// UI streaming benchmark: streams replayed answers in the built app and prints, per case, the
// main thread's long tasks (> 50 ms), its busy share (task time / wall time) and script and
// layout (+ style) time per 1,000 tokens, from Chromium's own counters (CDP Performance).
//
//   node scripts/bench-ui.mjs                  # every case below, one after another
//   node scripts/bench-ui.mjs --case compare   # 4 Compare columns streaming at once, 250 tok/s each
//   node scripts/bench-ui.mjs --case chat      # Chat: 4 answers one after another, 250 tok/s
//   node scripts/bench-ui.mjs --case long-chat # a 50-turn chat at 250 tok/s: first vs last 10 turns
//   node scripts/bench-ui.mjs --case long-answer  # one 50 KB answer (tables, code, math), 60 tok/s
//   node scripts/bench-ui.mjs --case huge-answer  # one 5 MB answer in 3 kB chunks, 400 chunks/s
//   options: --columns N (1-4), --turns N, --kb N, --tps N (overrides the case's rate),
//            --profile PREFIX (writes PREFIX-<case>.cpuprofile, the main thread's CPU profile of
//            the case, for Chromium DevTools' Performance panel or any .cpuprofile reader),
//            --why (prints each long animation frame's scripts, style and layout: what to fix)
//
// The answers come from synthetic fixture recordings (scripts/bench-ui-compare.mjs): the
// benchmark measures rendering, not a model. Targets: zero long tasks on a quiet machine, the
// main thread under half busy at 4 × 250 tok/s, the last ten turns within 1.3× of the first ten.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { launch } from "../tests/helpers/browser.mjs";
import { serveDist } from "../tests/helpers/server.mjs";
import {
  HUGE_PROMPT,
  LONG_PROMPT,
  MAX_COLUMNS,
  makeHugeAnswerFixture,
  makeCompareFixture,
  makeLongAnswerFixture,
  makeLongChatFixture,
  runCompareBenchmark,
  turnPrompt,
} from "./bench-ui-compare.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const legacyView = opt("--view", null);
const which = opt("--case", legacyView ?? "all");
const CASES = ["compare", "chat", "long-chat", "long-answer", "huge-answer"];
const cases = which === "all" ? ["compare", "long-chat", "long-answer"] : [which];
for (const c of cases) if (!CASES.includes(c)) throw new Error(`Unknown case ${c}: ${CASES}`);
const columns = Math.min(MAX_COLUMNS, Math.max(1, Number(opt("--columns", MAX_COLUMNS))));
const turns = Number(opt("--turns", 50));
const kb = Number(opt("--kb", 50));
const tpsOverride = opt("--tps", null);
const profile = opt("--profile", null);
const why = args.includes("--why");
const profiling = new WeakSet();
const fixture = (name) =>
  fileURLToPath(new URL(`../tests/fixtures/recordings/${name}`, import.meta.url));

execFileSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
const server = await serveDist();

/** A fresh browser per case, counting long tasks and frames from the page's first moment. */
async function open() {
  const b = await launch({ webgpu: false });
  await b.page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__bench = { frames: 0, longTasks: [], frames50: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask", buffered: false });
    // Long animation frames, with the scripts that ran in them: what a long task was made of.
    new PerformanceObserver((list) => {
      for (const e of /** @type {any[]} */ (list.getEntries())) {
        if (e.duration <= 50) continue;
        w.__bench.frames50.push({
          at: Math.round(e.startTime),
          duration: Math.round(e.duration),
          blocking: Math.round(e.blockingDuration),
          layout: Math.round(
            e.startTime + e.duration - (e.styleAndLayoutStart || e.startTime + e.duration),
          ),
          scripts: e.scripts.map((/** @type {any} */ s) => ({
            duration: Math.round(s.duration),
            forcedLayout: Math.round(s.forcedStyleAndLayoutDuration),
            what: `${s.invokerType} ${s.invoker} → ${s.sourceFunctionName || "?"} (${(s.sourceURL || "").split("/").pop()}:${s.sourceCharPosition})`,
          })),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: false });
    const tick = () => {
      w.__bench.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cdp = await b.context.newCDPSession(b.page);
  await cdp.send("Performance.enable");
  return { ...b, cdp };
}

/** Chromium's counters now (seconds) plus the page's long tasks and frames so far. */
async function sample({ page, cdp }) {
  // The first sample of a case starts its CPU profile (--profile), so setup is left out.
  if (profile && !profiling.has(cdp)) {
    profiling.add(cdp);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const bench = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    return {
      longTasks: [...w.__bench.longTasks],
      frames: w.__bench.frames,
      frames50: [...w.__bench.frames50],
    };
  });
  return {
    wall: performance.now() / 1000,
    task: m.TaskDuration,
    script: m.ScriptDuration,
    layout: m.LayoutDuration + m.RecalcStyleDuration,
    nodes: m.Nodes,
    ...bench,
  };
}

/** What happened between two samples, for `tokens` tokens. */
function between(a, b, tokens) {
  const wall = b.wall - a.wall;
  return {
    wallS: wall,
    busy: (b.task - a.task) / wall,
    scriptPerK: ((b.script - a.script) * 1e6) / tokens,
    layoutPerK: ((b.layout - a.layout) * 1e6) / tokens,
    longTasks: b.longTasks.slice(a.longTasks.length),
    frames50: b.frames50.slice(a.frames50.length),
    fps: (b.frames - a.frames) / wall,
    nodes: b.nodes,
  };
}

const ms = (x) => `${x.toFixed(1)} ms`;
function report(title, r, extra = []) {
  const long = r.longTasks;
  console.log(`\n${title}`);
  console.log(`  wall time:               ${r.wallS.toFixed(2)} s, ${r.fps.toFixed(1)} frames/s`);
  console.log(`  main thread busy:        ${(100 * r.busy).toFixed(1)}%`);
  console.log(`  script per 1,000 tokens: ${ms(r.scriptPerK)}`);
  console.log(`  layout+style per 1,000:  ${ms(r.layoutPerK)}`);
  console.log(
    `  long tasks > 50 ms:      ${long.length}` +
      (long.length
        ? ` (max ${Math.max(...long)} ms; > 200 ms: ${long.filter((d) => d > 200).length})`
        : ""),
  );
  for (const line of extra) console.log(`  ${line}`);
  if (why)
    for (const f of r.frames50) {
      console.log(
        `  long frame at ${f.at} ms: ${f.duration} ms (blocking ${f.blocking}, style+layout ${f.layout})`,
      );
      for (const s of f.scripts)
        console.log(`    ${s.duration} ms (forced layout ${s.forcedLayout}) ${s.what}`);
    }
  return long.length;
}

async function setReplay(page, file, tps) {
  await page.getByLabel("Pace", { exact: true }).selectOption("tps");
  await page.getByLabel("Tokens per second").fill(String(tps));
  await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
  await page.getByTestId("replay-badge").waitFor();
}

async function sendAndWait(page, prompt, regenerate = false) {
  const answers = page.getByTestId("assistant-message");
  const before = await answers.count();
  // Plain CSS selectors: a role or label query computes styles and names over the whole page,
  // and over a long conversation that work (the harness's, not the app's) grew with every turn.
  if (regenerate) await page.locator("footer button", { hasText: "Regenerate" }).last().click();
  else {
    await page.locator("[data-testid=composer] textarea").fill(prompt);
    await page.locator("[data-testid=composer] button[type=submit]").click();
    await answers.nth(before).waitFor();
  }
  // A plain query, a few times a second: a role query computes accessible names over the whole
  // page at each poll, and over a long answer that was itself the longest task in the page.
  await page.waitForFunction(
    () => ![...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Stop"),
    undefined,
    { timeout: 600_000, polling: 250 },
  );
  await answers.last().getByTestId("usage").waitFor();
  await answers.last().locator(".markdown[data-rendering=false]").waitFor({ timeout: 120_000 });
}

let missed = 0;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, headless Chromium (no GPU)`;
console.log(`UI benchmark on ${machine}`);

for (const name of cases) {
  const b = await open();
  const { page } = b;
  if (name === "compare") {
    const tps = Number(tpsOverride ?? 250);
    const { path, tokensPerAnswer } = await makeCompareFixture(columns);
    await page.goto(server.url + "#/compare");
    await page.getByRole("heading", { level: 1, name: "Compare" }).waitFor();
    await setReplay(page, path, tps);
    let start = null;
    const r = await runCompareBenchmark(
      page,
      async () => (start = await sample(b)),
      tokensPerAnswer,
      columns,
    );
    const res = between(start, await sample(b), r.tokens);
    missed += report(`Compare: ${columns} columns at ${tps} tok/s each (${r.tokens} tokens)`, res);
  } else if (name === "chat") {
    const tps = Number(tpsOverride ?? 250);
    await page.goto(server.url + "#/chat");
    await setReplay(page, fixture("markdown-code.json"), tps);
    await page.getByText("Settings", { exact: true }).click();
    await page.getByLabel("System prompt").fill("You are a helpful coding assistant.");
    const start = await sample(b);
    for (let i = 0; i < 4; i++)
      await sendAndWait(page, "How do I reverse a linked list in Python?", i > 0);
    missed += report(
      `Chat: 4 answers at ${tps} tok/s (${4 * 329} tokens)`,
      between(start, await sample(b), 4 * 329),
    );
  } else if (name === "long-chat") {
    const tps = Number(tpsOverride ?? 250);
    const { path, tokensPerAnswer } = await makeLongChatFixture(turns);
    await page.goto(server.url + "#/chat");
    await setReplay(page, path, tps);
    const perTurn = [];
    const first = await sample(b);
    let prev = first;
    for (let k = 1; k <= turns; k++) {
      await sendAndWait(page, turnPrompt(k));
      const now = await sample(b);
      perTurn.push(between(prev, now, tokensPerAnswer));
      prev = now;
    }
    const ten = Math.min(10, Math.floor(turns / 2));
    const avg = (rows, key) => rows.reduce((s, r) => s + r[key], 0) / rows.length;
    const head = perTurn.slice(0, ten);
    const tail = perTurn.slice(-ten);
    const cost = (rows) => avg(rows, "scriptPerK") + avg(rows, "layoutPerK");
    missed += report(
      `Chat: ${turns} turns at ${tps} tok/s (${turns * tokensPerAnswer} tokens)`,
      between(first, prev, turns * tokensPerAnswer),
      [
        `first ${ten} turns: script ${ms(avg(head, "scriptPerK"))}, layout+style ${ms(avg(head, "layoutPerK"))} per 1,000 tokens`,
        `last ${ten} turns:  script ${ms(avg(tail, "scriptPerK"))}, layout+style ${ms(avg(tail, "layoutPerK"))} per 1,000 tokens`,
        `last / first: ${(cost(tail) / cost(head)).toFixed(2)}× (target ≤ 1.3×); DOM nodes at the end: ${prev.nodes}`,
      ],
    );
  } else if (name === "huge-answer") {
    const tps = Number(tpsOverride ?? 400);
    const { path, chunks, chars } = await makeHugeAnswerFixture(Number(opt("--kb", 5000)) * 1000);
    await page.goto(server.url + "#/chat");
    await setReplay(page, path, tps);
    const start = await sample(b);
    await sendAndWait(page, HUGE_PROMPT);
    const res = between(start, await sample(b), chunks);
    missed += report(
      `Chat: one ${(chars / 1e6).toFixed(1)} MB answer in ${chunks} chunks at ${tps} chunks/s, until fully rendered`,
      res,
      ["(per 1,000 tokens here means per 1,000 chunks of 3 kB)"],
    );
  } else {
    const tps = Number(tpsOverride ?? 60);
    const { path, tokens, chars } = await makeLongAnswerFixture(kb * 1000);
    await page.goto(server.url + "#/chat");
    await setReplay(page, path, tps);
    const start = await sample(b);
    await sendAndWait(page, LONG_PROMPT);
    missed += report(
      `Chat: one ${(chars / 1000).toFixed(0)} kB answer with tables, code and math at ${tps} tok/s (${tokens} tokens)`,
      between(start, await sample(b), tokens),
    );
  }
  if (profile) {
    const { profile: data } = await b.cdp.send("Profiler.stop");
    await writeFile(`${profile}-${name}.cpuprofile`, JSON.stringify(data));
    console.log(`  profile: ${profile}-${name}.cpuprofile`);
  }
  await b.close();
}
await server.close();
console.log(`\ntarget: zero long tasks — ${missed === 0 ? "met" : "MISSED"}`);
process.exit(missed === 0 ? 0 : 1);
