#!/usr/bin/env node
// Decode speed of the CPU runtime in Polymath's Engine against wllama called directly, on a
// generated mid-size model (8 layers x 512, q8_0, about 60 MB): both pages load the same file with
// the same threads and context, then answer the same request with the same seed, interleaved
// (ABAB..., first page alternating). Prints decode tokens/s min/median/max for each, as seen on the
// page's main thread and as llama.cpp measured it, the ratio of medians (target >= 95%), and the
// main-thread long tasks during the measured runs. Same seed, same settings: each pair must give
// the same text, which the output confirms.
//   node scripts/bench-wllama.mjs [--runs 7] [--tokens 128] [--threads N]
import { parseArgs } from "node:util";
import { launch } from "../tests/helpers/browser.mjs";
import { serveDist } from "../tests/helpers/server.mjs";
import { buildTestPages } from "../tests/helpers/build-pages.mjs";
import { fileRoute } from "../tests/helpers/gguf-files.mjs";
import { writeTinyGguf } from "./make-tiny-gguf.mjs";
import { PRESETS } from "./gguf/tiny-llama.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    tokens: { type: "string", default: "128" },
    threads: { type: "string" },
  },
});
const RUNS = Math.max(5, Number(values.runs));
const TOKENS = Number(values.tokens);
const N_CTX = 2048;
const MESSAGES = [
  { role: "system", content: "You are a helpful assistant." },
  { role: "user", content: "Write a short story about a team of small models and one generalist." },
];

const model = await writeTinyGguf({ ...PRESETS.mid });
console.log(`model: ${model.path} (${(model.bytes / 1e6).toFixed(1)} MB)`);
const pages = await buildTestPages("wllama");
const server = await serveDist(pages);
server.route("/models/mid.gguf", fileRoute(model.path));
const browser = await launch({ webgpu: false });
await browser.context.route(
  (url) => url.origin !== new URL(server.url).origin,
  (route) => route.abort("internetdisconnected"),
);

const app = browser.page;
const query = values.threads ? `?threads=${values.threads}` : "";
await app.goto(`${server.url}index.html${query}`);
await app.waitForFunction(() => typeof window.wllamaPage === "object");
const info = await app.evaluate(() => window.wllamaPage.info());
const threads = info.threadPlan.threads;
console.log(`threads: ${threads} (${info.threadPlan.reason})`);
await app.evaluate(() => window.wllamaPage.register("mid", "/models/mid.gguf", 2048));
const loaded = await app.evaluate(() => window.wllamaPage.load(["mid"]));
if (loaded.error) throw new Error(`engine load: ${loaded.error.message}`);

const bare = await browser.context.newPage();
await bare.goto(`${server.url}bare.html`);
await bare.waitForFunction(() => typeof window.barePage === "object");
const bareInfo = await bare.evaluate(
  ([n, t]) => window.barePage.load("/models/mid.gguf", n, t),
  [N_CTX, threads],
);
if (bareInfo.threads !== threads) throw new Error(`bare page runs ${bareInfo.threads} threads`);

/** Decode rate seen on the main thread: tokens after the first over the time after the first. */
function observed(chunkTimes, tokens) {
  const span = (chunkTimes.at(-1) ?? 0) - (chunkTimes[0] ?? 0);
  return span > 0 ? ((tokens - 1) * 1000) / span : 0;
}

async function runApp(seed) {
  await app.bringToFront();
  const before = (await app.evaluate(() => window.wllamaPage.longTasks())).length;
  const out = await app.evaluate(
    ([msgs, p]) => window.wllamaPage.chat("mid", msgs, p),
    [MESSAGES, { max_tokens: TOKENS, temperature: 0.7, seed }],
  );
  if (out.error) throw new Error(`engine chat: ${out.error.message}`);
  const after = await app.evaluate(() => window.wllamaPage.longTasks());
  const tokens = out.result.usage.completionTokens;
  return {
    text: out.result.text,
    tokens,
    seen: observed(out.chunkTimes, tokens),
    llama: out.result.usage.decodeTokensPerS,
    longTasks: after.slice(before),
  };
}

async function runBare(seed) {
  await bare.bringToFront();
  const before = (await bare.evaluate(() => window.barePage.longTasks())).length;
  const out = await bare.evaluate(
    ([msgs, p]) => window.barePage.run(msgs, p),
    [MESSAGES, { max_tokens: TOKENS, temperature: 0.7, seed }],
  );
  const after = await bare.evaluate(() => window.barePage.longTasks());
  return {
    text: out.text,
    tokens: out.completionTokens,
    seen: observed(out.chunkTimes, out.completionTokens),
    llama: out.timings?.predicted_per_second ?? 0,
    longTasks: after.slice(before),
  };
}

// One unmeasured run each warms caches and the JIT.
await runBare(1);
await runApp(1);
/** @type {{ app: Awaited<ReturnType<typeof runApp>>[], bare: Awaited<ReturnType<typeof runBare>>[] }} */
const results = { app: [], bare: [] };
for (let i = 0; i < RUNS; i++) {
  const seed = 100 + i;
  const order = i % 2 === 0 ? ["bare", "app"] : ["app", "bare"];
  const pair = {};
  for (const which of order)
    pair[which] = which === "app" ? await runApp(seed) : await runBare(seed);
  results.app.push(pair.app);
  results.bare.push(pair.bare);
  const same = pair.app.text === pair.bare.text ? "same text" : "TEXT DIFFERS";
  console.log(
    `run ${i + 1}: bare ${pair.bare.seen.toFixed(1)} tok/s, app ${pair.app.seen.toFixed(1)} tok/s (${pair.app.tokens} tokens, ${same})`,
  );
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const stats = (xs) => {
  const s = sorted(xs);
  return `min ${s[0].toFixed(1)}  median ${median(s).toFixed(1)}  max ${s.at(-1).toFixed(1)}`;
};
console.log(
  `\nDecode tokens/s over ${RUNS} interleaved runs of ${TOKENS} tokens, ${threads} thread(s):`,
);
/** @type {[string, "seen" | "llama"][]} */
const measures = [
  ["seen on the main thread", "seen"],
  ["measured by llama.cpp", "llama"],
];
for (const [label, key] of measures) {
  const bareRates = results.bare.map((r) => r[key]);
  const appRates = results.app.map((r) => r[key]);
  console.log(`  ${label}:`);
  console.log(`    bare wllama      ${stats(bareRates)}`);
  console.log(`    Polymath Engine  ${stats(appRates)}`);
  console.log(`    ratio of medians ${((100 * median(appRates)) / median(bareRates)).toFixed(1)}%`);
  // Each pair ran back to back, so a slow spell on a shared machine hits both; their ratio is steadier.
  const paired = appRates.map((r, i) => (100 * r) / (bareRates[i] ?? r));
  console.log(`    paired ratios    ${stats(paired)} (%)`);
}
const tasks = (rs) => rs.flatMap((r) => r.longTasks);
for (const [label, rs] of [
  ["bare wllama", results.bare],
  ["Polymath Engine", results.app],
]) {
  const t = tasks(rs);
  const worst = t.length ? `, longest ${Math.max(...t).toFixed(0)} ms` : "";
  console.log(`Main-thread long tasks during measured runs, ${label}: ${t.length}${worst}`);
}

await browser.close();
await server.close();
