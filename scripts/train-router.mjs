#!/usr/bin/env node
// Trains the prompt router on data/router/prompts.jsonl (with the word lists of
// data/router/lexicon.json) and writes its weights to
// src/core/routing/router-model.json, printing the held-out accuracy and confusion matrix.
// Deterministic (seeded; the held-out split is fixed by id): a unit test checks that the
// committed JSON is what this script makes from the committed data.
//   node scripts/train-router.mjs [--check]   (--check: fail if the committed JSON differs)
import { readFileSync, writeFileSync } from "node:fs";
import { runnerImport } from "vite";

const DATA = "data/router/prompts.jsonl";
const LEXICON = "data/router/lexicon.json";
const OUT = "src/core/routing/router-model.json";

/** @type {{ module: typeof import("../src/core/routing/train.ts") }} */
const { module: train } = await runnerImport("/src/core/routing/train.ts");
const prompts = train.parsePrompts(readFileSync(DATA, "utf8"));
const lexicon = train.parseLexicon(readFileSync(LEXICON, "utf8"));
const model = train.trainRouter(prompts, { ...train.DEFAULT_TRAIN_OPTIONS, lexicon });
const json = train.serializeModel(model);
const held = model.training.heldOut;

console.log(`${prompts.length} prompts, ${model.training.trainExamples} trained on`);
console.log(`held-out accuracy ${(held.accuracy * 100).toFixed(1)}% on ${held.n} prompts`);
console.log(["true \\ predicted", ...model.labels].map((s) => s.padStart(12)).join(""));
held.confusion.forEach((row, i) =>
  console.log([model.labels[i] ?? "", ...row.map(String)].map((s) => s.padStart(12)).join("")),
);
if (process.argv.includes("--check")) {
  if (readFileSync(OUT, "utf8") !== json) {
    console.error(`${OUT} is not what the script makes from ${DATA}: run it without --check.`);
    process.exit(1);
  }
} else {
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT} (${(json.length / 1024).toFixed(1)} kB)`);
}
