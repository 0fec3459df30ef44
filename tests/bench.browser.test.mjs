// The Bench view's scoring in real Chromium launched WITHOUT WebGPU (scoring needs no GPU): the
// built-in code suite's self-test in the real sandbox, importing every supported format (and
// refusing every kind of malformed file, line by line, adding nothing), imported suites that
// survive a reload and can be deleted, and responses files scored per model, with the expected
// figures worked out here independently of the app's scorers.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURES = "tests/fixtures/import";
const fixture = (name) => join(FIXTURES, name);
const fixtureText = (name) => readFileSync(fixture(name), "utf8");

let server;
let b;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: false });
});
after(async () => {
  await b?.close();
  await server?.close();
});

async function openBench(page, hash = "") {
  await page.goto(server.url + "#/bench" + hash);
  await viewShown(page, "Bench");
  await page.waitForFunction(() => !document.body.innerText.includes("Reading imported suites"));
}

const rows = (page) => page.getByTestId("suite-row");

/** Import a fixture through the file input; returns the status line or the error's text. */
async function importFixture(page, name) {
  const form = page.getByTestId("suite-import");
  await form.getByLabel("From a file").setInputFiles(fixture(name));
  await page.waitForFunction(
    () =>
      !(/** @type {HTMLInputElement | null} */ (document.querySelector("#suite-file"))?.disabled),
  );
  const outcome = form.locator("[data-testid=import-status] p, [data-testid=error-notice]");
  await outcome.first().waitFor();
  const error = form.getByTestId("error-notice");
  if (await error.count()) return { error: await error.innerText() };
  return { status: await form.getByTestId("import-status").innerText() };
}

/** Data records of a CSV text: line breaks inside quotes do not end a record. */
function csvRecords(text) {
  let quoted = false;
  let records = 0;
  let content = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === "\n" && !quoted) {
      if (content) records++;
      content = false;
    } else if (c.trim() !== "") content = true;
  }
  return records + (content ? 1 : 0);
}

const nonBlankLines = (text) => text.split(/\r?\n/).filter((l) => l.trim() !== "").length;
const pct = (fraction) => `${(fraction * 100).toFixed(1)}%`;

describe("Bench scoring without WebGPU", () => {
  it("runs in a browser that has no WebGPU adapter", async () => {
    const { page } = b;
    await openBench(page);
    const adapter = await page.evaluate(async () =>
      navigator.gpu ? Boolean(await navigator.gpu.requestAdapter()) : false,
    );
    assert.equal(adapter, false, "this browser must not offer a WebGPU adapter");
    await page.getByRole("heading", { name: "Code sandbox" }).waitFor();
  });

  it("self-tests the built-in code suite in the sandbox: references 100%, wrong solutions 0%", async () => {
    const { page } = b;
    await openBench(page);
    const row = page.locator("[data-testid=suite-row][data-suite-id=builtin-code]");
    const items = Number(/(\d+) items/.exec(await row.innerText())?.[1]);
    assert.ok(items >= 20, `the code suite lists ${items} items`);
    await row.getByRole("link").click();
    await page.getByRole("heading", { name: "Self-test" }).waitFor();
    await page.getByRole("button", { name: "Check references" }).click();
    const result = page.getByTestId("self-test-result");
    await result.waitFor({ timeout: 120_000 });
    const text = await result.innerText();
    assert.match(text, new RegExp(`references passed ${items}/${items} \\(100%\\)`, "i"));
    assert.match(text, new RegExp(`wrong solutions failed ${items}/${items} \\(100%\\)`, "i"));
    await screenshot(page, "bench-self-test");
    assert.deepEqual(b.errors, []);
  });

  it("imports every supported format from a file, and from a URL, showing item counts", async () => {
    const { page } = b;
    await openBench(page);
    const before = await rows(page).count();
    const gz = gunzipSync(readFileSync(fixture("humaneval-x-js.jsonl.gz"))).toString("utf8");
    /** @type {[string, string, number][]} */
    const cases = [
      [
        "humaneval-x-js.jsonl",
        "humaneval-x-js.jsonl",
        nonBlankLines(fixtureText("humaneval-x-js.jsonl")),
      ],
      ["gsm8k.jsonl", "gsm8k.jsonl", nonBlankLines(fixtureText("gsm8k.jsonl"))],
      ["ifeval.jsonl", "ifeval.jsonl", nonBlankLines(fixtureText("ifeval.jsonl"))],
      ["mmlu.csv", "mmlu.csv", csvRecords(fixtureText("mmlu.csv"))],
      // A Polymath suite's first line is its header.
      [
        "polymath-suite.jsonl",
        "Fixture suite",
        nonBlankLines(fixtureText("polymath-suite.jsonl")) - 1,
      ],
    ];
    for (const [file, name, count] of cases) {
      const { status, error } = await importFixture(page, file);
      assert.equal(error, undefined, `${file}: ${error}`);
      assert.equal(status, `Imported ${name}: ${count} items.`, file);
    }
    assert.equal(await rows(page).count(), before + cases.length);
    const mmlu = rows(page).filter({ hasText: "mmlu.csv" });
    assert.match(
      await mmlu.innerText(),
      new RegExp(
        `${csvRecords(fixtureText("mmlu.csv"))} items · Knowledge · imported from mmlu\\.csv`,
      ),
    );

    server.route("/remote/humaneval_js.jsonl.gz", (_req, res) => {
      res.writeHead(200, {
        "content-type": "application/gzip",
        "access-control-allow-origin": "*",
      });
      res.end(readFileSync(fixture("humaneval-x-js.jsonl.gz")));
    });
    const form = page.getByTestId("suite-import");
    await form.getByLabel("From a URL").fill(server.url + "remote/humaneval_js.jsonl.gz");
    await form.getByRole("button", { name: "Import from URL" }).click();
    await form.getByText(/^Already imported as humaneval-x-js\.jsonl/).waitFor();
    // The same items again, gzip-compressed: recognised, not added twice.
    const again = await importFixture(page, "humaneval-x-js.jsonl.gz");
    assert.equal(
      again.status,
      `Already imported as humaneval-x-js.jsonl (${nonBlankLines(gz)} items, the same ones); nothing added.`,
    );
    assert.equal(await rows(page).count(), before + cases.length);
    // Same name, other items: added under a name the Score select can tell apart.
    const fewer = fixtureText("humaneval-x-js.jsonl").trim().split("\n").slice(0, -1).join("\n");
    server.route("/remote/humaneval-x-js.jsonl", (_req, res) => {
      res.writeHead(200, { "access-control-allow-origin": "*" });
      res.end(fewer);
    });
    await form.getByLabel("From a URL").fill(server.url + "remote/humaneval-x-js.jsonl");
    await form.getByRole("button", { name: "Import from URL" }).click();
    const count = nonBlankLines(fewer);
    await form.getByText(`Imported humaneval-x-js.jsonl (2): ${count} items.`).waitFor();
    assert.equal(await rows(page).count(), before + cases.length + 1);
    const options = await page.locator("#score-suite option").allInnerTexts();
    assert.ok(
      options.includes(`humaneval-x-js.jsonl (2) — humaneval-x-js.jsonl, ${count} items`),
      options.join(" | "),
    );
    assert.equal(new Set(options).size, options.length, "every suite option differs");
    await screenshot(page, "bench-import-same-name");
    assert.deepEqual(b.errors, []);
  });

  it("refuses each kind of malformed file with the line and the problem, adding nothing", async () => {
    const { page } = b;
    await openBench(page);
    const before = await rows(page).count();
    /** @type {[string, RegExp][]} */
    const cases = [
      ["gsm8k-bad-json.jsonl", /line 3: not valid JSON/],
      ["gsm8k-missing-answer.jsonl", /line 3: missing field "answer"/],
      ["gsm8k-no-final.jsonl", /line 2: field "answer" has no final "#### N" line/],
      ["humaneval-missing-test.jsonl", /line 2: missing field "test"/],
      [
        "humaneval-duplicate-id.jsonl",
        /line 3: duplicate id "JavaScript\/fixture-0" \(first on line 1\)/,
      ],
      ["humaneval-python.jsonl", /line 1: this is Python HumanEval/],
      [
        "ifeval-kwargs-mismatch.jsonl",
        /line 2: "kwargs" has 1 entries but "instruction_id_list" has 2/,
      ],
      ["mmlu-wrong-columns.csv", /line 2: expected 6 fields/],
      ["mmlu-unclosed-quote.csv", /line 2: a quoted field is never closed/],
      ["mmlu-bad-letter.csv", /line 3: the answer must be A, B, C or D, found "E"/],
      ["suite-missing-header.jsonl", /line 1: the first line must be the header/],
      ["suite-bad-kind.jsonl", /line 3: unknown kind "essay"/],
      ["suite-missing-answer.jsonl", /line 6: missing field "answer"/],
      ["suite-duplicate-id.jsonl", /line 4: duplicate id "fx-math" \(first on line 2\)/],
      ["suite-bad-check.jsonl", /line 2: check 1: invalid regular expression/],
      ["suite-bad-answer-letter.jsonl", /line 2: "answer" must be one of A, B, C, D/],
      [
        "not-gzip.jsonl.gz",
        /ends in \.gz but is not gzip-compressed, so it was read as plain text\. line 1: not valid JSON/,
      ],
      ["responses-gsm8k.jsonl", /holds model responses, not a suite/],
      ["corrupt.jsonl.gz", /not valid gzip[\s\S]*could not be decompressed: it may be truncated/],
      ["suite-newer-version.jsonl", /format version 2/],
    ];
    for (const [file, message] of cases) {
      const { status, error } = await importFixture(page, file);
      assert.equal(status, undefined, `${file} was imported: ${status}`);
      assert.match(error, message, file);
      assert.equal(await rows(page).count(), before, `${file} added a suite`);
    }
    await screenshot(page, "bench-import-error");
    assert.deepEqual(b.errors, []);
  });

  it("keeps imported suites across a reload and deletes them", async () => {
    const { page } = b;
    await openBench(page);
    const ids = await rows(page).evaluateAll((els) => els.map((e) => e.dataset.suiteId));
    const imported = ids.filter((id) => !id.startsWith("builtin-"));
    assert.ok(imported.length >= 6, `imported: ${imported.join(", ")}`);
    await page.reload();
    await openBench(page);
    assert.deepEqual(await rows(page).evaluateAll((els) => els.map((e) => e.dataset.suiteId)), ids);
    // An imported suite's own page lists its items and offers to delete it.
    await page.goto(server.url + "#/bench/suite/" + encodeURIComponent(imported[0]));
    await page.getByRole("button", { name: "Delete suite…" }).click();
    await page.getByRole("button", { name: /^Delete “/ }).click();
    await page.waitForFunction(() => location.hash === "#/bench");
    await openBench(page);
    for (const id of imported.slice(1)) {
      await page
        .locator(`[data-testid=suite-row][data-suite-id="${id}"]`)
        .getByRole("button", { name: /^Delete / })
        .click();
      await page
        .locator(`[data-testid=suite-row][data-suite-id="${id}"]`)
        .waitFor({ state: "detached" });
    }
    await page.reload();
    await openBench(page);
    const left = await rows(page).evaluateAll((els) => els.map((e) => e.dataset.suiteId));
    assert.deepEqual(
      left,
      ids.filter((id) => id.startsWith("builtin-")),
    );
  });

  it("scores a GSM8K responses file per model, with unmatched lines listed", async () => {
    const { page } = b;
    await openBench(page);
    await importFixture(page, "gsm8k.jsonl");
    const suiteId = await rows(page)
      .filter({ hasText: "gsm8k.jsonl" })
      .getAttribute("data-suite-id");

    // The expected figures, graded here: GSM8K's "#### N" against the answer's last number.
    const questions = fixtureText("gsm8k.jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const finalOf = (s) => Number(s.slice(s.lastIndexOf("####") + 4).replace(/[,$\s]/g, ""));
    const lastNumber = (s) => Number((s.replace(/[,$]/g, "").match(/-?\d+(\.\d+)?/g) ?? []).at(-1));
    const expected = new Map();
    const seen = new Set();
    let unmatched = 0;
    for (const line of fixtureText("responses-gsm8k.jsonl").trim().split("\n")) {
      const r = JSON.parse(line);
      const n = r.id
        ? Number(/^gsm8k-(\d+)$/.exec(r.id)?.[1])
        : 1 + questions.findIndex((q) => q.question === r.question);
      const q = questions[n - 1];
      if (!q || seen.has(`${r.model}/${n}`)) {
        unmatched++;
        continue;
      }
      seen.add(`${r.model}/${n}`);
      const m = expected.get(r.model) ?? { passed: 0, answered: 0 };
      m.answered++;
      if (lastNumber(r.response ?? r.completion) === finalOf(q.answer)) m.passed++;
      expected.set(r.model, m);
    }

    await page.locator("#score-suite").selectOption(suiteId);
    await page
      .getByRole("region", { name: "Score answers" })
      .getByLabel("Responses file")
      .setInputFiles(fixture("responses-gsm8k.jsonl"));
    const duration = page.getByTestId("score-duration");
    await duration.waitFor();
    const answered = [...expected.values()].reduce((s, m) => s + m.answered, 0);
    assert.match(await duration.innerText(), new RegExp(`^Scored ${answered} answers in \\d`));
    for (const [model, m] of expected) {
      const card = page.locator(`[data-testid=model-result][data-model="${model}"]`);
      assert.equal(
        await card.getByTestId("model-score").innerText(),
        pct(m.passed / questions.length),
      );
      const text = await card.innerText();
      assert.match(text, new RegExp(`Passed\\s+${m.passed} of ${questions.length}`));
      assert.match(
        text,
        new RegExp(`Answered\\s+${m.answered}\\s+Missing\\s+${questions.length - m.answered}`),
      );
    }
    assert.match(
      await page.getByTestId("unmatched").innerText(),
      new RegExp(`${unmatched} lines not scored`),
    );
    assert.deepEqual(b.errors, []);
  });

  it("scores the instruction fixture with IFEval's strict and loose accuracies", async () => {
    const { page } = b;
    await openBench(page);
    const suiteItems = Number(
      /(\d+) items/.exec(
        await page
          .locator("[data-testid=suite-row][data-suite-id=builtin-instruction]")
          .innerText(),
      )?.[1],
    );
    // Expected figures from the fixture's hand-made judgements (expect_strict / expect_loose).
    const lines = fixtureText("responses-instruction.jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const models = new Map();
    for (const l of lines) {
      if (l.expect_strict.length === 0) continue; // answers no item
      const m = models.get(l.model) ?? {
        prompts: 0,
        inst: 0,
        ps: 0,
        pl: 0,
        is: 0,
        il: 0,
        score: 0,
        failed: 0,
      };
      const count = (xs) => xs.filter(Boolean).length;
      m.prompts++;
      m.inst += l.expect_strict.length;
      m.ps += l.expect_strict.every(Boolean) ? 1 : 0;
      m.pl += l.expect_loose.every(Boolean) ? 1 : 0;
      m.is += count(l.expect_strict);
      m.il += count(l.expect_loose);
      m.score += count(l.expect_strict) / l.expect_strict.length;
      m.failed += l.expect_strict.every(Boolean) ? 0 : 1;
      models.set(l.model, m);
    }

    await page.locator("#score-suite").selectOption("builtin-instruction");
    await page
      .getByRole("region", { name: "Score answers" })
      .getByLabel("Responses file")
      .setInputFiles(fixture("responses-instruction.jsonl"));
    await page.getByTestId("score-duration").waitFor();
    for (const [model, m] of models) {
      const card = page.locator(`[data-testid=model-result][data-model="${model}"]`);
      assert.equal(
        await card.getByTestId("model-score").innerText(),
        pct(m.score / suiteItems),
        model,
      );
      assert.equal(
        await card.getByTestId("prompt-strict").innerText(),
        pct(m.ps / m.prompts),
        model,
      );
      assert.equal(await card.getByTestId("inst-strict").innerText(), pct(m.is / m.inst), model);
      assert.equal(
        await card.getByTestId("prompt-loose").innerText(),
        pct(m.pl / m.prompts),
        model,
      );
      assert.equal(await card.getByTestId("inst-loose").innerText(), pct(m.il / m.inst), model);
      assert.match(
        await card.innerText(),
        new RegExp(`over ${m.prompts} prompts and ${m.inst} instructions`),
      );
    }
    assert.match(await page.getByTestId("unmatched").innerText(), /1 line not scored/);

    // Only one model's failures.
    const b2 = "fixture-model-b";
    await page.getByLabel("Model", { exact: true }).selectOption(b2);
    await page.getByLabel("Failures only").check();
    const tableRows = page.getByTestId("verdict-table").locator("tbody tr");
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=verdict-table] tbody tr").length === n,
      models.get(b2).failed,
    );
    assert.ok((await tableRows.allInnerTexts()).every((t) => t.includes(b2) && /fail/.test(t)));

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const doc = JSON.parse(await readFile(await json.path(), "utf8"));
    assert.equal(doc.suite.id, "builtin-instruction");
    assert.deepEqual(
      doc.models.map((m) => m.model),
      [...models.keys()],
    );
    assert.equal(doc.models[1].ifeval.promptLoose, models.get(b2).pl / models.get(b2).prompts);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV (per item)" }).click(),
    ]);
    const csvLines = (await readFile(await csv.path(), "utf8")).trim().split("\r\n");
    const scored = [...models.values()].reduce((s, m) => s + m.prompts, 0);
    assert.equal(csvLines[0], "model,item_id,pass,score,reason,extracted");
    assert.equal(csvLines.length, 1 + scored);
    await screenshot(page, "bench-scored-1280");
    assert.deepEqual(b.errors, []);
  });

  it("fits a 360 px screen without sideways scrolling", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      // The scored results of the previous test are still shown (state outlives navigation).
      await openBench(page);
      await page.getByTestId("score-duration").waitFor();
      assert.ok(
        (await overflow()) <= 0,
        `the Bench view scrolls sideways by ${await overflow()} px`,
      );
      await screenshot(page, "bench-360");
      await openBench(page, "/suite/builtin-instruction");
      await page.getByRole("heading", { name: "Instruction following" }).waitFor();
      assert.ok(
        (await overflow()) <= 0,
        `a suite's page scrolls sideways by ${await overflow()} px`,
      );
      await screenshot(page, "bench-suite-360");
      await openBench(page, "/format");
      await page.getByRole("heading", { name: /Polymath suite format/ }).waitFor();
      assert.ok(
        (await overflow()) <= 0,
        `the format page scrolls sideways by ${await overflow()} px`,
      );
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
    await openBench(page);
    await screenshot(page, "bench-1280");
    assert.deepEqual(b.errors, []);
  });
});
