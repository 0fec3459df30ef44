#!/usr/bin/env node
// Writes a random-weight llama GGUF for tests and benchmarks (no download, no dependency).
//   node scripts/make-tiny-gguf.mjs [--preset tiny|mid] [--layers N] [--width N] [--heads N]
//     [--kv-heads N] [--ffn N] [--vocab N] [--ctx N] [--type f32|f16|q8_0] [--seed N] [--out FILE]
// Without --out it writes .tmp/gguf/<name>.gguf (git-ignored) and prints the path.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { PRESETS, buildTinyLlama } from "./gguf/tiny-llama.mjs";

export const GGUF_DIR = join(".tmp", "gguf");

/**
 * Write a model to `out` (or the default folder) and return its path and size.
 * @param {import("./gguf/tiny-llama.mjs").TinyLlamaOptions & { out?: string }} [options]
 */
export async function writeTinyGguf(options = {}) {
  const { out, ...modelOptions } = options;
  const bytes = buildTinyLlama(modelOptions);
  const name = modelOptions.name ?? PRESETS.tiny.name;
  const path = out ?? join(GGUF_DIR, `${name}-s${modelOptions.seed ?? 1}.gguf`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return { path, bytes: bytes.length };
}

async function main() {
  const { values } = parseArgs({
    options: {
      preset: { type: "string", default: "tiny" },
      layers: { type: "string" },
      width: { type: "string" },
      heads: { type: "string" },
      "kv-heads": { type: "string" },
      ffn: { type: "string" },
      vocab: { type: "string" },
      ctx: { type: "string" },
      type: { type: "string" },
      seed: { type: "string" },
      name: { type: "string" },
      out: { type: "string" },
    },
  });
  const preset = PRESETS[/** @type {"tiny" | "mid"} */ (values.preset)];
  if (!preset) throw new Error(`Unknown preset ${values.preset}: use tiny or mid.`);
  const num = (v) => (v === undefined ? undefined : Number(v));
  /** @type {Record<string, unknown>} */
  const overrides = {
    name: values.name,
    layers: num(values.layers),
    width: num(values.width),
    heads: num(values.heads),
    kvHeads: num(values["kv-heads"]),
    ffn: num(values.ffn),
    vocabSize: num(values.vocab),
    contextLength: num(values.ctx),
    type: values.type,
    seed: num(values.seed),
    out: values.out,
  };
  for (const key of Object.keys(overrides)) if (overrides[key] === undefined) delete overrides[key];
  const { path, bytes } = await writeTinyGguf({ ...preset, ...overrides });
  console.log(`${path} (${(bytes / 1e6).toFixed(2)} MB)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
