#!/usr/bin/env node
// Writes public/recordings/synthetic-demo.json and the index the first screen reads: a synthetic
// demo (answers written by hand, NOT model output, marked `"fixture": true` so the app says so
// wherever it plays), shown by "See a result" until a real recording ships beside it. A real one
// goes in the same folder with `"fixture": false` in index.json, and the first screen prefers it.
// Run: node scripts/make-demo-recording.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { fixtureEntry } from "../tests/fixtures/recordings/fixture-recording.mjs";

const TAG = "[Synthetic demo answer, written by hand: not model output.]";
const MODELS = [
  { id: "Qwen3-1.7B-q4f16_1-MLC", label: "Qwen3 1.7B", role: "generalist", vramMB: 2037 },
  {
    id: "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC",
    label: "Qwen2.5 Coder 1.5B",
    role: "specialist",
    domain: "code",
    vramMB: 1630,
  },
  {
    id: "Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC",
    label: "Qwen2.5 Math 1.5B",
    role: "specialist",
    domain: "math",
    vramMB: 1630,
  },
];
const PROMPT =
  "Write a JavaScript function that returns the average of an array of numbers, and say what it returns for [2, 4, 9].";
const FOLLOW_UP = "What should it return for an empty array?";
const ANSWERS = [
  [
    `${TAG}\n\n\`\`\`js\nfunction average(xs) {\n  return xs.reduce((a, b) => a + b, 0) / xs.length;\n}\n\`\`\`\n\nFor [2, 4, 9] it returns 15 / 3 = **5**.`,
    `${TAG}\n\nAs written it returns \`NaN\` (0 / 0). Return \`null\` or throw, so callers must handle it:\n\n\`\`\`js\nif (xs.length === 0) return null;\n\`\`\``,
  ],
  [
    `${TAG}\n\n\`\`\`js\nconst average = (xs) => xs.reduce((sum, x) => sum + x, 0) / xs.length;\nconsole.log(average([2, 4, 9])); // 5\n\`\`\``,
    `${TAG}\n\n\`\`\`js\nconst average = (xs) =>\n  xs.length ? xs.reduce((sum, x) => sum + x, 0) / xs.length : NaN;\n\`\`\`\n\nIt returns \`NaN\`; check \`xs.length\` first if you want another value.`,
  ],
  [
    `${TAG}\n\nThe mean is $\\bar x = \\frac{1}{n}\\sum_{i=1}^{n} x_i$. For $[2, 4, 9]$: $\\frac{2 + 4 + 9}{3} = 5$.\n\n\`\`\`js\nfunction average(xs) { let s = 0; for (const x of xs) s += x; return s / xs.length; }\n\`\`\``,
    `${TAG}\n\nFor $n = 0$ the mean $\\frac{0}{0}$ is undefined, so the function gives \`NaN\`.`,
  ],
];
const PARAMS = { temperature: 0, seed: 1, max_tokens: 512, enable_thinking: false };
const TIMING = [
  { ttft: 320, step: 45 },
  { ttft: 260, step: 38 },
  { ttft: 280, step: 40 },
];

const entries = [];
MODELS.forEach((model, m) => {
  const history = [];
  [PROMPT, FOLLOW_UP].forEach((prompt, turn) => {
    const text = ANSWERS[m]?.[turn] ?? "";
    const messages = [...history, { role: "user", content: prompt }];
    entries.push(
      fixtureEntry({
        id: `demo-m${m + 1}-turn${turn + 1}`,
        modelId: model.id,
        messages,
        params: PARAMS,
        text,
        promptTokens: 48 + turn * 90,
        ...(TIMING[m] ?? { ttft: 300, step: 40 }),
      }),
    );
    history.push({ role: "user", content: prompt }, { role: "assistant", content: text });
  });
});

const recording = {
  format: "polymath-recording",
  version: 1,
  createdAt: "2025-01-01T00:00:00.000Z",
  app: { name: "polymath-synthetic-demo", version: "0.1.0" },
  fixture: true,
  note: "Synthetic demo, not real model output: answers written by hand to show how a comparison of one generalist and two same-size specialists looks.",
  engine: { kind: "replay" },
  models: MODELS,
  entries,
};
const index = {
  recordings: [
    {
      file: "synthetic-demo.json",
      title:
        "One generalist (Qwen3 1.7B) and two specialists (Coder, Math) answer a code question and a follow-up.",
      fixture: true,
    },
  ],
};
const dir = new URL("../public/recordings/", import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL("synthetic-demo.json", dir), JSON.stringify(recording, null, 2) + "\n");
writeFileSync(new URL("index.json", dir), JSON.stringify(index, null, 2) + "\n");
console.log(`wrote ${dir.pathname}: ${entries.length} entries`);
