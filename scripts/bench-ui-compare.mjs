// The Compare half of scripts/bench-ui.mjs: three columns stream the same long synthetic fixture
// answer at once. The three-model recording is built in a temp folder from the fixture
// tests/fixtures/recordings/markdown-code.json (the replay engine plays the next answer of each
// model when the prompt does not match exactly).
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MODELS = [
  ["Qwen3-1.7B-q4f16_1-MLC", "Qwen3 1.7B", "generalist", "chat"],
  ["Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC", "Qwen2.5 Coder 1.5B", "specialist", "code"],
  ["Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC", "Qwen2.5 Math 1.5B", "specialist", "math"],
];

/** Write the three-column fixture; returns its path and tokens per answer. */
export async function makeCompareFixture() {
  const base = JSON.parse(await readFile("tests/fixtures/recordings/markdown-code.json", "utf8"));
  const entry = base.entries[0];
  const recording = {
    ...base,
    note: "Synthetic test fixture, not a real model output: one fixture answer copied to three models for the UI benchmark.",
    models: MODELS.map(([id, label, role, domain]) => ({ id, label, role, domain })),
    entries: MODELS.map(([id], i) => ({
      ...entry,
      id: `bench-${i}`,
      modelId: id,
      request: { ...entry.request, modelId: id },
    })),
  };
  const dir = await mkdtemp(join(tmpdir(), "polymath-bench-ui-"));
  const path = join(dir, "bench-three-columns.json");
  await writeFile(path, JSON.stringify(recording));
  return { path, tokensPerAnswer: entry.chunks.length };
}

/** Run one three-column comparison; the page is on #/compare with the fixture loaded. */
export async function runCompareBenchmark(page, startCounting, tokensPerAnswer) {
  await page.getByLabel("Prompt for every model").fill("How do I reverse a linked list in Python?");
  await startCounting();
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForFunction(
    () => {
      const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
      return s.length === 3 && s.every((e) => e.textContent?.trim() === "Done");
    },
    undefined,
    { timeout: 60_000 },
  );
  return { streams: 3, tokens: 3 * tokensPerAnswer };
}
