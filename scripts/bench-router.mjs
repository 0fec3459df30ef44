#!/usr/bin/env node
// How fast the prompt router decides: 10,000 decisions over the project's prompts and the
// built-in suites' items (cycled), after a warm-up; prints decisions per second and the p50 and
// p99 latency. Target: well under 1 ms per decision. Figures, not a test: run it on a quiet machine.
//   node scripts/bench-router.mjs [--n 10000]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { runnerImport } from "vite";

const arg = process.argv.indexOf("--n");
const N = arg > 0 ? Number(process.argv[arg + 1]) : 10_000;
const { module: routing } = await runnerImport("/src/core/routing/router.ts");
const { module: train } = await runnerImport("/src/core/routing/train.ts");
const { module: suites } = await runnerImport("/src/core/scoring/suites/index.ts");
const model = JSON.parse(readFileSync("src/core/routing/router-model.json", "utf8"));
const router = routing.createRouter(model, { now: () => performance.now() });
const prompts = [
  ...train.parsePrompts(readFileSync("data/router/prompts.jsonl", "utf8")).map((p) => p.text),
  ...suites.builtInSuites.flatMap((s) => s.items.map((i) => i.prompt)),
];
for (let i = 0; i < 2000; i++) router.route(prompts[i % prompts.length]);
const times = new Float64Array(N);
const started = performance.now();
for (let i = 0; i < N; i++) times[i] = router.route(prompts[i % prompts.length]).ms;
const total = performance.now() - started;
times.sort();
const q = (p) => times[Math.min(N - 1, Math.floor(p * N))] ?? NaN;
const chars = prompts.reduce((s, p) => s + p.length, 0) / prompts.length;
console.log(`${N} decisions over ${prompts.length} prompts (mean ${Math.round(chars)} chars)`);
console.log(`${Math.round((N * 1000) / total)} decisions/s`);
console.log(
  `p50 ${(q(0.5) * 1000).toFixed(1)} µs · p99 ${(q(0.99) * 1000).toFixed(1)} µs · max ${(q(1) * 1000).toFixed(1)} µs`,
);
