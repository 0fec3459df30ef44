#!/usr/bin/env node
// Benchmark of the Bench view's scoring in headless Chromium (no WebGPU), driven through the UI
// like a person would: export the built-in code and instruction suites, grow them into a
// 200-item HumanEval-X-style suite and a 500-item IFEval suite (same items under new ids),
// import both, score a responses file for each, and print the time the app reports
// (`score-duration`) against the targets. Then a 14,079-question MMLU-style CSV (made up here,
// some questions asked twice with other options) scored from a file keyed by question text, not
// id: the time, when the first progress showed, and how long Stop takes to act mid-file.
// Not part of `npm test`.
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
const MMLU_ITEMS = 14_079;
const TARGETS = { code: 20_000, instruction: 2_000, text: 3_000, stop: 1_000 };

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
  await form
    .locator("[data-testid=import-status] a, [data-testid=error-notice]")
    .first()
    .waitFor({ timeout: 60_000 });
  const error = form.getByTestId("error-notice");
  if (await error.count()) throw new Error(`import failed: ${await error.innerText()}`);
  const status = await form.getByTestId("import-status").innerText();
  if (!status.endsWith(`: ${expectedItems} items.`))
    throw new Error(`unexpected import: ${status}`);
  const href = await form.getByTestId("import-status").getByRole("link").getAttribute("href");
  return decodeURIComponent((href ?? "").split("/").pop() ?? "");
}

/** Score a responses file; the app's own figure, and the wall time seen from here. */
async function score(suiteId, path) {
  await page.goto(server.url + "#/bench");
  await page.locator("#score-suite").selectOption(suiteId);
  // Long tasks (> 50 ms) on the main thread while scoring: the scorers must not cause any.
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__longTasks = [];
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    });
    w.__observer.observe({ type: "longtask" });
  });
  const started = performance.now();
  await page
    .getByRole("region", { name: "Score answers" })
    .getByLabel("Responses file")
    .setInputFiles(path);
  const duration = page.getByTestId("score-duration");
  await duration.waitFor({ timeout: 300_000 });
  const wallMs = performance.now() - started;
  const text = await duration.innerText();
  const scores = await page.getByTestId("model-score").allInnerTexts();
  const longTasks = /** @type {number[]} */ (
    await page.evaluate(() => /** @type {any} */ (window).__longTasks)
  );
  const frames = await page.locator("iframe[data-sandbox]").count();
  return { text, ms: parseDuration(text), wallMs, scores, longTasks, frames };
}

/** "in 8.42 s", "in 850 ms", "in 1 min 5 s" (formatDuration) back to ms. */
function parseDuration(text) {
  const min = /in (\d+) min (\d+) s/.exec(text);
  if (min) return (Number(min[1]) * 60 + Number(min[2])) * 1000;
  const m = /in ([\d.]+) (ms|s)\b/.exec(text);
  if (!m) throw new Error(`no duration in "${text}"`);
  return Number(m[1]) * (m[2] === "s" ? 1000 : 1);
}

// Plausible answers, made up here and scored for speed only. English sentences are drawn from
// word lists by a seeded generator, so answers differ (no cache in the scorer can shortcut them);
// items that ask for another language get sentences in that language.
const WORDS = {
  who: "the keeper,our neighbour,a young baker,the old teacher,my cousin,the team,a tired traveller,the gardener,every student,the captain,a quiet child,the committee".split(
    ",",
  ),
  did: "carefully checked,slowly painted,proudly showed,quickly fixed,gently moved,happily shared,patiently explained,suddenly noticed,finally found,often visited".split(
    ",",
  ),
  what: "the lantern,a wooden boat,the morning bread,an old map,the garden fence,a warm blanket,the town clock,a box of letters,the bright kitchen,a small notebook".split(
    ",",
  ),
  when: "before sunrise,after the storm,during the festival,every Sunday,late at night,in early spring,on the way home,while the kettle boiled".split(
    ",",
  ),
};
const OTHER = {
  es: [
    "El otoño es mi estación favorita porque los árboles cambian de color.",
    "Me gusta caminar por el parque cuando hace fresco.",
    "Las tardes son más cortas y la luz es dorada.",
  ],
  fr: [
    "Le week-end idéal commence par un long petit déjeuner au soleil.",
    "Ensuite, je me promène au bord de la rivière avec des amis.",
    "Le soir, nous cuisinons ensemble et nous parlons longtemps.",
  ],
  de: [
    "Ein Regenbogen entsteht, wenn Sonnenlicht in Regentropfen gebrochen wird.",
    "Man sieht ihn meistens, wenn die Sonne hinter einem steht.",
    "Die Farben liegen immer in derselben Reihenfolge.",
  ],
  hi: [
    "गर्मियों में खूब पानी पिएं और धूप से बचें।",
    "ताज़े फल खाना भी शरीर को ठंडा रखता है।",
    "दोपहर में बाहर कम निकलें।",
  ],
};

function prng(seed) {
  let x = seed * 2654435761 + 1;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function answerFor(item, n) {
  const random = prng(n + 1);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const langAt = item.instructionIds.indexOf("language:response_language");
  const lang = langAt === -1 ? "en" : (item.kwargs[langAt]?.language ?? "en");
  const sentence = () =>
    lang in OTHER
      ? pick(OTHER[lang])
      : `${pick(WORDS.who)} ${pick(WORDS.did)} ${pick(WORDS.what)} ${pick(WORDS.when)}.`.replace(
          /^./,
          (c) => c.toUpperCase(),
        );
  const paragraphs = [];
  for (let p = 0; p < 2 + (n % 3); p++) {
    const count = 3 + Math.floor(random() * 4);
    paragraphs.push(Array.from({ length: count }, sentence).join(" "));
  }
  if (n % 5 === 0) paragraphs.push("* First point.\n* Second point.\n* Third point.");
  if (n % 7 === 0) paragraphs.push("P.S. Thank you for reading.");
  const text = paragraphs.join(n % 2 === 0 ? "\n\n" : "\n***\n");
  return n % 4 === 0 ? text.toLowerCase() : text;
}

/** MMLU-style CSV rows: every 50th question is asked again with other options. */
function mmluRows(n) {
  const random = prng(7);
  /** @type {{ question: string; options: string[]; answer: string }[]} */
  const rows = [];
  for (let i = 0; i < n; i++) {
    const repeat = i % 50 === 49;
    const q = repeat
      ? (rows[i - 1]?.question ?? "")
      : `Made-up question ${i}: which value does ${Math.floor(random() * 1e6)} map to under rule ${i % 97}?`;
    const options = Array.from({ length: 4 }, (_, k) => `option ${k} of ${i}`);
    rows.push({ question: q, options, answer: "ABCD"[i % 4] ?? "A" });
  }
  return rows;
}

const csvField = (s) => `"${s.replace(/"/g, '""')}"`;

/** The score progress line once it shows a figure above 0, as text. */
async function progressAboveZero() {
  const text = await page.waitForFunction(
    () => {
      const t = document.querySelector("[data-testid=score-progress]")?.textContent ?? "";
      return /[1-9]\d* of \d+/.test(t) ? t.replace(/\s+/g, " ").trim() : null;
    },
    undefined,
    { timeout: 60_000, polling: 10 },
  );
  return /** @type {string} */ (await text.jsonValue());
}

/**
 * Pick a responses file and press Stop the moment its progress first moves (from inside the page,
 * so the click is not late): ms until the run ended, or `finished` when it ended before that.
 */
async function stopMidway(suiteId, path) {
  await page.goto(server.url + "#/bench");
  await page.locator("#score-suite").selectOption(suiteId);
  const armed = page.evaluate(
    () =>
      new Promise((resolve) => {
        let clickedAt = null;
        let seen = "";
        let started = false;
        const check = () => {
          const el = document.querySelector("[data-testid=score-progress]");
          if (el) started = true;
          if (clickedAt === null) {
            const text = el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
            if (/[1-9]\d* of \d+/.test(text)) {
              seen = text;
              clickedAt = performance.now();
              el?.parentElement?.querySelector("button")?.click();
            } else if (started && !el) {
              observer.disconnect();
              resolve({ finished: true, ms: 0, seen });
            }
          } else if (!el) {
            observer.disconnect();
            resolve({ finished: false, ms: performance.now() - clickedAt, seen });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
  );
  await page
    .getByRole("region", { name: "Score answers" })
    .getByLabel("Responses file")
    .setInputFiles(path);
  return /** @type {{ finished: boolean; ms: number; seen: string }} */ (await armed);
}

/** Pick a responses file: ms until the first progress with a figure above 0 shows. */
async function firstProgress(suiteId, path) {
  await page.goto(server.url + "#/bench");
  await page.locator("#score-suite").selectOption(suiteId);
  const started = performance.now();
  await page
    .getByRole("region", { name: "Score answers" })
    .getByLabel("Responses file")
    .setInputFiles(path);
  const shown = await progressAboveZero();
  const ms = performance.now() - started;
  await page.getByTestId("score-duration").waitFor({ timeout: 300_000 });
  return { ms, shown };
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
    {
      target: TARGETS.code,
      what: `${CODE_ITEMS} code items (reference answers)`,
      r: await score(codeSuite, codeAnswersPath),
    },
    {
      target: TARGETS.instruction,
      what: `${INSTRUCTION_ITEMS} instruction answers (IFEval)`,
      r: await score(ifevalSuite, ifevalAnswersPath),
    },
  ];
  // Again right after a reload: the scoring worker is still starting (loading tinyld's model).
  await page.reload();
  results.push({
    target: TARGETS.instruction,
    what: `${INSTRUCTION_ITEMS} instruction answers, just after a reload`,
    r: await score(ifevalSuite, ifevalAnswersPath),
  });

  // 14,079 choice questions answered in a file keyed by question text (no ids).
  const mmlu = mmluRows(MMLU_ITEMS);
  const mmluPath = join(tmp, "bench-mmlu-14079.csv");
  await writeFile(
    mmluPath,
    mmlu.map((r) => [r.question, ...r.options, r.answer].map(csvField).join(",")).join("\n") + "\n",
  );
  const mmluAnswersPath = join(tmp, "bench-mmlu-14079-responses.jsonl");
  await writeFile(
    mmluAnswersPath,
    jsonl(
      mmlu.map((r, i) => ({
        question: r.question,
        // Repeated questions carry their options, as HF-style exports ("choices") do.
        ...(i % 50 >= 48 ? { choices: r.options } : {}),
        model: "text-keyed",
        response: `Answer: ${i % 3 === 0 ? "A" : r.answer}`,
      })),
    ),
  );
  const mmluSuite = await importSuite(mmluPath, MMLU_ITEMS);
  results.push({
    target: TARGETS.text,
    what: `${MMLU_ITEMS} choice answers keyed by question text`,
    r: await score(mmluSuite, mmluAnswersPath),
  });
  const first = await firstProgress(mmluSuite, mmluAnswersPath);
  const stop = await stopMidway(mmluSuite, mmluAnswersPath);

  console.log("");
  let missed = 0;
  for (const { target, what, r } of results) {
    const ok = r.ms < target;
    if (!ok) missed++;
    const longest = r.longTasks.length ? Math.max(...r.longTasks).toFixed(0) : "0";
    console.log(
      `${what}: ${(r.ms / 1000).toFixed(2)} s (target < ${target / 1000} s: ${ok ? "met" : "MISSED"})`,
    );
    console.log(
      `  seen from the test ${(r.wallMs / 1000).toFixed(2)} s; score ${r.scores.join(", ")}; ` +
        `main-thread long tasks: ${r.longTasks.length} (longest ${longest} ms); sandbox frames: ${r.frames}`,
    );
  }
  console.log(
    `Text-keyed file: first progress above 0 after ${first.ms.toFixed(0)} ms ("${first.shown}")`,
  );
  if (stop.finished) {
    console.log("Stop: the run ended before its progress first moved; nothing to stop.");
  } else {
    const stopOk = stop.ms < TARGETS.stop;
    if (!stopOk) missed++;
    console.log(
      `Stop pressed at "${stop.seen}": the run ended ${stop.ms.toFixed(0)} ms later ` +
        `(target < ${TARGETS.stop} ms: ${stopOk ? "met" : "MISSED"})`,
    );
  }
  if (browser.errors.length) console.log("Page errors:", browser.errors);
  process.exitCode = missed === 0 ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
