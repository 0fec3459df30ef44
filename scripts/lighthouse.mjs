#!/usr/bin/env node
// Lighthouse 12 (the `lighthouse` npm package) against the built app, in the same Debian Chromium
// the browser tests use (headless, their flags, SwiftShader WebGPU), on every view with the
// mobile and the desktop preset. Prints, per view and preset over the runs: performance,
// accessibility and best-practices scores, LCP, TBT and CLS as min / median / max; the bytes
// transferred; whether any model runtime chunk (web-llm's worker, wllama) was fetched; and the
// audits that cost points, so they can be fixed. Also scores the embed page's first view (a
// recording to replay, as an author would embed it) against the app's views, and asks Chromium's
// own installability check (DevTools `Page.getInstallabilityErrors`) whether the app can be
// installed. Exits 1 when a target is missed. Not part of `npm test` (a full run takes minutes).
//
//   node scripts/lighthouse.mjs                          every view, both presets, 3 runs each
//   node scripts/lighthouse.mjs --runs 5 --views compare,chat --presets mobile
//   POLYMATH_DIST=.tmp/dist-x node scripts/lighthouse.mjs   an existing build
//
// The files are served by tests/helpers/server.mjs (cross-origin isolation headers, gzip as a
// static host sends it). Each run starts from empty storage (Lighthouse resets it), so every
// figure is a first visit.
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import lighthouse, { desktopConfig } from "lighthouse";
import { chromium } from "playwright-core";
import { COMMON, WEBGPU } from "../tests/helpers/browser.mjs";
import { serveDist } from "../tests/helpers/server.mjs";
import { findBrowser } from "./ensure-browser.mjs";

const VIEWS = ["home", "chat", "compare", "bench", "models", "device", "embed"];
/**
 * Where each view is: the first screen (an empty hash), the app's views by hash, and the embed
 * page as a host would embed it.
 */
const path = (view) =>
  view === "embed"
    ? "embed.html?recording=recordings/synthetic-demo.json"
    : view === "home"
      ? "#/"
      : `#/${view}`;
const PRESETS = ["mobile", "desktop"];
const TARGETS = { mobilePerformance: 95, cls: 0.05, accessibility: 100, desktopTbtMs: 50 };
/** Chunks that hold a model runtime: web-llm's worker, wllama (bundled in cpu-root) and its wasm. */
const RUNTIME = /engine\.worker|wllama|web-llm|cpu-root/i;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    views: { type: "string", default: VIEWS.join(",") },
    presets: { type: "string", default: PRESETS.join(",") },
    "no-webgpu": { type: "boolean", default: false },
    /** Also print where main-thread time went (per script, per kind of work). */
    verbose: { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(values.runs) || 3);
const views = values.views.split(",").filter((v) => VIEWS.includes(v));
const presets = values.presets.split(",").filter((p) => PRESETS.includes(p));

if (!process.env.POLYMATH_DIST) {
  execFileSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
}

/** Start Chromium with a DevTools port for Lighthouse; resolves with its port and a stop(). */
async function startChromium() {
  const executable = findBrowser();
  if (!executable) throw new Error("No Chromium found: run `node scripts/ensure-browser.mjs`.");
  const profile = await mkdtemp(join(tmpdir(), "polymath-lighthouse-"));
  const args = [
    ...COMMON,
    ...(values["no-webgpu"] ? [] : WEBGPU),
    "--headless=new",
    "--remote-debugging-port=0",
    `--user-data-dir=${profile}`,
    "about:blank",
  ];
  const child = spawn(executable, args, { stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 30_000);
    child.stderr.on("data", (chunk) => {
      seen += chunk;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}):\n${seen}`)));
  });
  return {
    port,
    stop: async () => {
      child.kill();
      await new Promise((resolve) =>
        child.exitCode === null ? child.on("exit", resolve) : resolve(undefined),
      );
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** One Lighthouse run; the figures this script prints. */
async function measure(url, preset, port, tries = 3) {
  /** @type {import("lighthouse").Flags} */
  const flags = { port, output: "json", logLevel: "error" };
  const result = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) {
    // A trace Lighthouse could not read (NO_NAVSTART on a busy machine): that run again.
    if (tries > 1) return measure(url, preset, port, tries - 1);
    throw new Error(`${url}: ${lhr.runtimeError.message}`);
  }
  /** An audit's table rows (any shape: each audit has its own). */
  const items = (id) =>
    /** @type {any[]} */ (/** @type {any} */ (lhr.audits[id]?.details)?.items ?? []);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const requests = items("network-requests");
  const lost = Object.values(lhr.categories)
    .filter((c) => c.id !== "performance")
    .flatMap((c) =>
      c.auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => {
          const nodes = items(ref.id)
            .slice(0, 3)
            .map((i) => i.node?.snippet ?? "")
            .filter(Boolean);
          return `${c.id}: ${ref.id} — ${lhr.audits[ref.id]?.title}${nodes.length ? ` (${nodes.join(" ")})` : ""}`;
        }),
    );
  const shifts = items("layout-shifts").map(
    (i) => `${(i.score ?? 0).toFixed(3)} ${i.node?.snippet ?? "?"}`,
  );
  // The largest paint: which element, and its phases (Lighthouse 12 gives two tables).
  const lcpTables = /** @type {any[]} */ (
    /** @type {any} */ (lhr.audits["largest-contentful-paint-element"]?.details)?.items ?? []
  );
  const lcpNode = lcpTables[0]?.items?.[0]?.node?.snippet ?? "?";
  const lcpPhases = (lcpTables[1]?.items ?? [])
    .map((/** @type {any} */ p) => `${p.phase} ${Math.round(p.timing)}`)
    .join(", ");
  const chain = /** @type {any} */ (lhr.audits["critical-request-chains"]?.details)?.longestChain;
  const where = [
    `CPU benchmark index ${Math.round(lhr.environment?.benchmarkIndex ?? NaN)} · FCP ${Math.round(value("first-contentful-paint"))} ms · LCP element ${lcpNode.slice(0, 90)} (${lcpPhases} ms)`,
    `longest request chain: ${chain?.length ?? "?"} requests, ${Math.round(chain?.duration ?? 0)} ms`,
    ...items("bootup-time")
      .slice(0, 4)
      .map((i) => `script ${String(i.url).split("/").pop()}: ${Math.round(i.total)} ms`),
    ...items("mainthread-work-breakdown")
      .slice(0, 4)
      .map((i) => `${i.groupLabel}: ${Math.round(i.duration)} ms`),
    ...items("long-tasks")
      .slice(0, 4)
      .map(
        (i) =>
          `long task ${String(i.url).split("/").pop()} at ${Math.round(i.startTime)} ms: ${Math.round(i.duration)} ms`,
      ),
  ];
  return {
    where,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    bytes: requests.reduce((s, r) => s + (r.transferSize ?? 0), 0),
    runtime: requests.filter((r) => RUNTIME.test(r.url)).map((r) => r.url.split("/").pop()),
    workers: requests
      .filter((r) => /\.worker-[\w-]+\.js$/.test(r.url))
      .map((r) => r.url.split("/").pop()),
    lost,
    shifts,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const spread = (xs, f) => `${f(Math.min(...xs))} / ${f(median(xs))} / ${f(Math.max(...xs))}`;
const int = (x) => String(Math.round(x));
const ms = (x) => `${Math.round(x)} ms`;
const sec = (x) => `${(x / 1000).toFixed(2)} s`;
const cls = (x) => x.toFixed(3);
const kb = (x) => `${(x / 1024).toFixed(1)} kB`;

/**
 * Chromium's installability errors for the page at `url` (none: installable), asked over the
 * DevTools protocol once the service worker is ready, in the same browser Lighthouse drives.
 */
async function installability(port, url) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    await page.close();
    return installabilityErrors.map((e) => e.errorId);
  } finally {
    await browser.close();
  }
}

const server = await serveDist(process.env.POLYMATH_DIST ?? "dist", { compress: true });
const browserProcess = await startChromium();
const missed = [];
/** Median performance and TBT per "preset view", for the embed page's comparison. */
const medians = new Map();
try {
  console.log(
    `Lighthouse 12, Chromium headless (${values["no-webgpu"] ? "no WebGPU" : "SwiftShader WebGPU"}), ` +
      `${runs} runs per view and preset; ${availableParallelism()} CPU cores (${cpus()[0]?.model ?? "?"}).`,
  );
  console.log("Figures are min / median / max.\n");
  for (const preset of presets) {
    for (const view of views) {
      const url = `${server.url}${path(view)}`;
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await measure(url, preset, browserProcess.port));
      const col = (k) => results.map((r) => r[k]);
      const runtime = [...new Set(results.flatMap((r) => r.runtime))];
      const workers = [...new Set(results.flatMap((r) => r.workers))];
      console.log(`${preset.padEnd(7)} ${path(view)}`);
      console.log(
        `  performance ${spread(col("performance"), int)} · accessibility ${spread(col("accessibility"), int)} · best practices ${spread(col("bestPractices"), int)}`,
      );
      console.log(
        `  LCP ${spread(col("lcp"), sec)} · TBT ${spread(col("tbt"), ms)} · CLS ${spread(col("cls"), cls)}`,
      );
      console.log(
        `  transferred ${spread(col("bytes"), kb)} · model runtime fetched: ${runtime.length ? runtime.join(", ") : "no"} · workers: ${workers.length ? workers.join(", ") : "none"}`,
      );
      const lost = [...new Set(results.flatMap((r) => r.lost))];
      for (const line of lost) console.log(`  ! ${line}`);
      const shifts = [...new Set(results.flatMap((r) => r.shifts))];
      for (const line of shifts.slice(0, 5)) console.log(`  shift ${line}`);
      if (values.verbose) for (const line of results[0]?.where ?? []) console.log(`  · ${line}`);

      const perf = median(col("performance"));
      if (preset === "mobile" && perf < TARGETS.mobilePerformance)
        missed.push(`${view} mobile performance ${perf} < ${TARGETS.mobilePerformance}`);
      if (median(col("cls")) >= TARGETS.cls) missed.push(`${view} ${preset} CLS ≥ ${TARGETS.cls}`);
      if (median(col("accessibility")) < TARGETS.accessibility)
        missed.push(`${view} ${preset} accessibility < ${TARGETS.accessibility}`);
      if (preset === "desktop" && median(col("tbt")) >= TARGETS.desktopTbtMs)
        missed.push(`${view} desktop TBT ≥ ${TARGETS.desktopTbtMs} ms`);
      if ((view === "models" || view === "embed") && runtime.length)
        missed.push(`${view} view fetched a model runtime`);
      medians.set(`${preset} ${view}`, { performance: perf, tbt: median(col("tbt")) });
    }
    const app = views.filter((v) => v !== "embed").map((v) => medians.get(`${preset} ${v}`));
    const embed = medians.get(`${preset} embed`);
    if (embed && app.length) {
      const appPerf = median(app.map((m) => m.performance));
      console.log(
        `${preset.padEnd(7)} embed page vs the app: performance ${embed.performance} vs ${appPerf} ` +
          `(median of the app's views), TBT ${ms(embed.tbt)} vs ${ms(median(app.map((m) => m.tbt)))}\n`,
      );
      if (embed.performance < appPerf)
        missed.push(`embed ${preset} performance ${embed.performance} < the app's ${appPerf}`);
    }
  }
  const installable = await installability(browserProcess.port, `${server.url}#/chat`);
  console.log(
    `Installable (Chromium's own check): ${installable.length ? `no — ${installable.join(", ")}` : "yes"}`,
  );
  if (installable.length) missed.push(`not installable (${installable.join(", ")})`);
  console.log(
    `\nTargets (medians): mobile performance ≥ ${TARGETS.mobilePerformance}, CLS < ${TARGETS.cls}, ` +
      `accessibility ${TARGETS.accessibility}, desktop TBT < ${TARGETS.desktopTbtMs} ms: ` +
      (missed.length ? `MISSED — ${missed.join("; ")}` : "all met"),
  );
  process.exitCode = missed.length ? 1 : 0;
} finally {
  await browserProcess.stop();
  await server.close();
}
