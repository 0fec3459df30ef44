// Fixtures for scripts/bench-ui.mjs, built in a temp folder from the synthetic fixture answer
// tests/fixtures/recordings/markdown-code.json (and render-cases.mjs): N Compare columns that
// stream the same answer, a 50-turn chat whose every turn has its recorded answer, and one long
// answer with tables, code and math. Synthetic test fixtures, not real model output.
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtureEntry, fixtureRecording } from "../tests/fixtures/recordings/fixture-recording.mjs";
import { GENERALIST, longAnswer, recordingOf } from "../tests/fixtures/recordings/render-cases.mjs";

const MODELS = [
  ["Qwen3-1.7B-q4f16_1-MLC", "Qwen3 1.7B", "generalist", "chat"],
  ["Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC", "Qwen2.5 Coder 1.5B", "specialist", "code"],
  ["Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC", "Qwen2.5 Math 1.5B", "specialist", "math"],
  ["Llama-3.2-1B-Instruct-q4f16_1-MLC", "Llama 3.2 1B", "generalist", "chat"],
];
export const MAX_COLUMNS = MODELS.length;

const base = async () =>
  JSON.parse(await readFile("tests/fixtures/recordings/markdown-code.json", "utf8"));
let dir = null;
async function save(name, recording) {
  dir ??= await mkdtemp(join(tmpdir(), "polymath-bench-ui-"));
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(recording));
  return path;
}

/** `columns` models answering the same prompt with the fixture answer. */
export async function makeCompareFixture(columns = MAX_COLUMNS) {
  const recording = await base();
  const entry = recording.entries[0];
  const models = MODELS.slice(0, columns);
  const path = await save(`bench-${columns}-columns.json`, {
    ...recording,
    note: `Synthetic test fixture, not a real model output: one fixture answer copied to ${columns} models for the UI benchmark.`,
    models: models.map(([id, label, role, domain]) => ({ id, label, role, domain })),
    entries: models.map(([id], i) => ({
      ...entry,
      id: `bench-${i}`,
      modelId: id,
      request: { ...entry.request, modelId: id },
    })),
  });
  return { path, tokensPerAnswer: entry.chunks.length };
}

/** Run one comparison; the page is on #/compare with the fixture loaded. */
export async function runCompareBenchmark(page, startCounting, tokensPerAnswer, columns) {
  await page.getByLabel("Prompt for every model").fill("How do I reverse a linked list in Python?");
  await startCounting();
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForFunction(
    (n) => {
      const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
      return s.length === n && s.every((e) => e.textContent?.trim() === "Done");
    },
    columns,
    // Checked ten times a second, not every frame: the harness's own work stays off the
    // main thread's measured busy time as far as it can.
    { timeout: 120_000, polling: 100 },
  );
  return { streams: columns, tokens: columns * tokensPerAnswer };
}

export const turnPrompt = (k) => `Turn ${k}: how do I reverse a linked list in Python?`;

/** A chat of `turns` turns: entry k holds the whole conversation before its answer. */
export async function makeLongChatFixture(turns) {
  const recording = await base();
  const entry = recording.entries[0];
  const text = entry.result.text;
  const entries = [];
  const history = [];
  for (let k = 1; k <= turns; k++) {
    history.push({ role: "user", content: turnPrompt(k) });
    entries.push({
      ...entry,
      id: `turn-${k}`,
      request: { ...entry.request, messages: [...history] },
    });
    history.push({ role: "assistant", content: text });
  }
  const path = await save(`bench-chat-${turns}-turns.json`, {
    ...recording,
    note: `Synthetic test fixture, not a real model output: the fixture answer for each of ${turns} turns.`,
    entries,
  });
  return { path, tokensPerAnswer: entry.chunks.length };
}

export const LONG_PROMPT = "Write a long answer with tables, code and math.";

/** One answer of about `bytes` characters with tables, code and math, in word-sized tokens. */
export async function makeLongAnswerFixture(bytes) {
  const { text } = longAnswer(bytes);
  const [id, label] = /** @type {string[]} */ (MODELS[0]);
  const model = { id, label, role: "generalist" };
  const e = fixtureEntry({
    id: "long-1",
    modelId: model.id,
    messages: [{ role: "user", content: LONG_PROMPT }],
    params: { temperature: 0 },
    text,
    promptTokens: 20,
    ttft: 100,
    step: 10,
  });
  const path = await save(
    "bench-long-answer.json",
    fixtureRecording({
      note: "A long answer with tables, code and math for the UI benchmark.",
      models: [model],
      entries: [e],
    }),
  );
  return { path, tokens: e.chunks.length, chars: text.length };
}

export const HUGE_PROMPT = "huge";

/** A multi-megabyte answer (mostly prose, with tables, code and some math) in 3 kB chunks. */
export async function makeHugeAnswerFixture(bytes) {
  const { text } = longAnswer(bytes, 8, 3);
  const recording = recordingOf(GENERALIST, [[HUGE_PROMPT, text]], { step: 2, chunkChars: 3000 });
  const path = await save("bench-huge-answer.json", recording);
  return { path, chunks: recording.entries[0]?.chunks.length ?? 0, chars: text.length };
}
