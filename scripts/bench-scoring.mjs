#!/usr/bin/env node
// Benchmark of the Bench view's scoring in headless Chromium (no WebGPU), driven through the UI
// like a person would: export the built-in code and instruction suites, grow them into a
// 200-item HumanEval-X-style suite and a 500-item IFEval suite (same items under new ids),
// import both, score a responses file for each, and print the time the app reports
// (`score-duration`) against the targets. Not part of `npm test`.
//
//   node scripts/bench-scoring.mjs               builds dist/ if needed and serves it
//   POLYMATH_DIST=.tmp/dist-x node scripts/bench-scoring.mjs   serves an existing build
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { launch } from "../tests/helpers/browser.mjs";
import { serveDist } from "../tests/helpers/server.mjs";

const CODE_ITEMS = 200;
const INSTRUCTION_ITEMS = 500;
const TARGETS = { code: 20_000, instruction: 2_000 };

if (!process.env.POLYMATH_DIST) {
  execFileSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
}
const server = await serveDist(process.env.POLYMATH_DIST ?? "dist");
const browser = await launch({ webgpu: false });
const tmp = await mkdtemp(join(tmpdir(), "polymath-bench-scoring-"));
const { page } = browser;

/** Items of a built-in suite, through the UI's "Export" (Polymath suite JSONL, header first). */
async function exportSuite(id) {
  await page.goto(server.url + "#/bench");
  const row = page.locator(`[data-testid=suite-row][data-suite-id="${id}"]`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: /^Export/ }).click(),
  ]);
  const [, ...items] = (await readFile(await download.path(), "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  return items;
}

const jsonl = (rows) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";

async function importSuite(path, expectedItems) {
  await page.goto(server.url + "#/bench");
  const form = page.getByTestId("suite-import");
  await form.getByLabel("From a file").setInputFiles(path);
  await form.locator("[data-testid=import-status] a, [data-testid=error-notice]").first().waitFor({ timeout: 60_000 });
  const error = form.getByTestId("error-notice");
  if (await error.count()) throw new Error(`import failed: ${await error.innerText()}`);
  const status = await form.getByTestId("import-status").innerText();
  if (!status.endsWith(`: ${expectedItems} items.`)) throw new Error(`unexpected import: ${status}`);
  const href = await form.getByTestId("import-status").getByRole("link").getAttribute("href");
  return decodeURIComponent(href.split("/").pop());
}

/** Score a responses file; the app's own figure, and the wall time seen from here. */
async function score(suiteId, path) {
  await page.goto(server.url + "#/bench");
  await page.locator("#score-suite").selectOption(suiteId);
  const started = performance.now();
  await page.getByLabel("Responses file").setInputFiles(path);
  const duration = page.getByTestId("score-duration");
  await duration.waitFor({ timeout: 300_000 });
  const wallMs = performance.now() - started;
  const text = await duration.innerText();
  const scores = await page.getByTestId("model-score").allInnerTexts();
  return { text, ms: parseDuration(text), wallMs, scores };
}

/** "in 8.42 s", "in 850 ms", "in 1 min 5 s" (formatDuration) back to ms. */
function parseDuration(text) {
  const min = /in (\d+) min (\d+) s/.exec(text);
  if (min) return (Number(min[1]) * 60 + Number(min[2])) * 1000;
  const m = /in ([\d.]+) (ms|s)\b/.exec(text);
  if (!m) throw new Error(`no duration in "${text}"`);
  return Number(m[1]) * (m[2] === "s" ? 1000 : 1);
}

// Plausible answers, in the language an item asks for; made up here, scored for speed only.
const SENTENCES = {
  en: [
    "The morning light spread slowly over the quiet harbour.",
    "Most people underestimate how much a short walk can change their mood.",
    "A good plan starts with a clear goal and a realistic deadline.",
    "The old bakery on the corner still opens at six every day.",
    "Water the plants in the evening so the soil stays damp overnight.",
    "Remember that practice matters more than talent in the long run.",
    "The committee agreed to meet again after the holidays.",
    "Fresh bread, strong coffee and a newspaper make a fine breakfast.",
  ],
  es: [
    "El otoño es mi estación favorita porque los árboles cambian de color.",
    "Me gusta caminar por el parque cuando hace fresco.",
  ],
  fr: [
    "Le week-end idéal commence par un long petit déjeuner au soleil.",
    "Ensuite, je me promène au bord de la rivière avec des amis.",
  ],
  de: [
    "Ein Regenbogen entsteht, wenn Sonnenlicht in Regentropfen gebrochen wird.",
    "Man sieht ihn meistens, wenn die Sonne hinter einem steht.",
  ],
  hi: ["गर्मियों में खूब पानी पिएं और धूप से बचें।", "ताज़े फल खाना भी शरीर को ठंडा रखता है।"],
};

function answerFor(item, n) {
  const langIndex = item.instructionIds.indexOf("language:response_language");
  const lang = langIndex === -1 ? "en" : (item.kwargs[langIndex]?.language ?? "en");
  const bank = SENTENCES[lang] ?? SENTENCES.en;
  const paragraphs = [];
  for (let p = 0; p < 2 + (n % 3); p++) {
    const sentences = [];
    for (let s = 0; s < 3 + ((n + p) % 4); s++)
      sentences.push(bank[(n * 7 + p * 3 + s) % bank.length]);
    paragraphs.push(sentences.join(" "));
  }
  if (n % 5 === 0) paragraphs.push("* First point.\n* Second point.\n* Third point.");
  if (n % 7 === 0) paragraphs.push("P.S. Thank you for reading.");
  const text = paragraphs.join(n % 2 === 0 ? "\n\n" : "\n***\n");
  return n % 4 === 0 ? text.toLowerCase() : text;
}

try {
  console.log(
    `Chromium headless, no WebGPU; this machine has ${availableParallelism()} CPU cores.`,
  );

  // 200 code items from the built-in code suite, HumanEval-X fields, with the references as answers.
  const code = await exportSuite("builtin-code");
  const codeRows = Array.from({ length: CODE_ITEMS }, (_, i) => {
    const item = code[i % code.length];
    return {
      task_id: `Bench/${i}`,
      prompt: item.prompt,
      canonical_solution: item.reference,
      test: item.test,
      entry_point: item.entryPoint,
    };
  });
  const codeSuitePath = join(tmp, "bench-code-200.jsonl");
  const codeAnswersPath = join(tmp, "bench-code-200-responses.jsonl");
  await writeFile(codeSuitePath, jsonl(codeRows));
  await writeFile(
    codeAnswersPath,
    jsonl(
      codeRows.map((r) => ({
        task_id: r.task_id,
        model: "reference",
        completion: r.canonical_solution,
      })),
    ),
  );

  // 500 instruction items from the built-in instruction suite, IFEval fields.
  const instruction = await exportSuite("builtin-instruction");
  const ifevalRows = Array.from({ length: INSTRUCTION_ITEMS }, (_, i) => {
    const item = instruction[i % instruction.length];
    return {
      key: 10_000 + i,
      prompt: item.prompt,
      instruction_id_list: item.instructionIds,
      kwargs: item.kwargs,
    };
  });
  const ifevalSuitePath = join(tmp, "bench-ifeval-500.jsonl");
  const ifevalAnswersPath = join(tmp, "bench-ifeval-500-responses.jsonl");
  await writeFile(ifevalSuitePath, jsonl(ifevalRows));
  await writeFile(
    ifevalAnswersPath,
    jsonl(
      ifevalRows.map((r, n) => ({
        key: r.key,
        model: "made-up-answers",
        response: answerFor(instruction[n % instruction.length], n),
      })),
    ),
  );

  const codeSuite = await importSuite(codeSuitePath, CODE_ITEMS);
  const ifevalSuite = await importSuite(ifevalSuitePath, INSTRUCTION_ITEMS);

  const results = [
    [
      "code",
      `${CODE_ITEMS} code items (reference answers)`,
      await score(codeSuite, codeAnswersPath),
    ],
    [
      "instruction",
      `${INSTRUCTION_ITEMS} instruction answers (IFEval)`,
      await score(ifevalSuite, ifevalAnswersPath),
    ],
  ];
  // A second instruction run: the scoring worker is warm and tinyld's model is loaded.
  results.push([
    "instruction",
    `${INSTRUCTION_ITEMS} instruction answers, again`,
    await score(ifevalSuite, ifevalAnswersPath),
  ]);

  console.log("");
  let missed = 0;
  for (const [kind, what, r] of results) {
    const target = TARGETS[kind];
    const ok = r.ms < target;
    if (!ok) missed++;
    console.log(
      `${what.padEnd(46)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  (target < ${target / 1000} s: ${ok ? "met" : "MISSED"}; seen from the test ${(r.wallMs / 1000).toFixed(2)} s; score ${r.scores.join(", ")})`,
    );
  }
  if (browser.errors.length) console.log("Page errors:", browser.errors);
  process.exitCode = missed === 0 ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
