// The Compare view in real Chromium, on the replay engine with a synthetic three-model fixture:
// answers stream into three columns with metrics, follow-ups go to every column, a blind vote
// hides then reveals names and feeds the leaderboard, a comparison survives a reload and
// exports a recording that replays the same texts, and one reloaded mid-stream keeps its partial
// answers. Live, with the network blocked, failed columns can be retried.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerDownload, launch, screenshot } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = "tests/fixtures/recordings/compare-three-models.json";
const fixture = JSON.parse(await readFile(FIXTURE, "utf8"));
const answersOf = (turn) =>
  fixture.models.map((m) => fixture.entries.filter((e) => e.modelId === m.id)[turn].result.text);
const FOLLOW_UP = fixture.entries[1].request.messages.at(-1).content;

let server;
let b;
let dir;
before(async () => {
  server = await serveDist();
  b = await launch();
  dir = await mkdtemp(join(tmpdir(), "polymath-compare-"));
});
after(async () => {
  await b?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Load a recording into replay mode from the Compare setup. */
async function replay(page, file) {
  await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
  await page.getByTestId("replay-badge").waitFor();
}

async function pickExample(page, label) {
  await page.getByLabel("Example prompt").selectOption({ label });
}

/**
 * An answer's text as rendered, with each typeset formula read back as its TeX source (`$…$`),
 * so answers compare with the recording's text whether or not KaTeX has loaded yet.
 */
const answerText = (locator) =>
  locator.evaluate((el) => {
    const swaps = [...el.querySelectorAll(".math[aria-label]")].map((m) => {
      const tex = document.createTextNode(`$${m.getAttribute("aria-label")}$`);
      m.replaceWith(tex);
      return [m, tex];
    });
    const text = /** @type {HTMLElement} */ (el).innerText;
    for (const [m, tex] of swaps) tex.replaceWith(m);
    // A trailing line break depends on whether the last block is still the live tail.
    return text.trimEnd();
  });

/** Texts of the answers of the last turn, as their Markdown rendered them. */
async function lastTurnTexts(page, count) {
  const answers = page.getByTestId("answer-text");
  const n = await answers.count();
  const texts = [];
  for (let i = n - count; i < n; i++) texts.push(await answerText(answers.nth(i)));
  return texts;
}

async function waitAllDone(page, count) {
  await page.waitForFunction(
    (n) => {
      const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
      // Done, and rendered (the Markdown renderer loads with the first answer).
      return (
        s.length === n &&
        s.every((e) => e.textContent?.trim() === "Done") &&
        !document.querySelector("[data-markdown=pending], [data-rendering=true]")
      );
    },
    count,
    { timeout: 20_000 },
  );
}

/** Let resize observers and the next render run before measuring or taking a screenshot. */
const settle = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** A fixture answer as the page shows it: Markdown marks gone, whitespace squeezed. */
const visible = (text) =>
  text
    .replace(/```\w*\n?/g, "")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
const squeeze = (text) => text.replace(/\s+/g, " ").trim();

describe("Compare view with the replay engine", () => {
  let firstTexts;

  it("streams one prompt into three columns with metrics, and follow-ups into each", async () => {
    const { page } = b;
    await page.goto(server.url + "#/compare");
    await replay(page, FIXTURE);
    assert.equal(
      await page.getByTestId("model-list").getByRole("checkbox", { checked: true }).count(),
      3,
    );
    await pickExample(page, "Train speeds");
    assert.equal(await page.getByLabel("Domain of this prompt").inputValue(), "math");
    await screenshot(page, "compare-setup");
    await page.getByRole("button", { name: "Compare", exact: true }).click();

    // Caught mid-stream: some text arrived, not all of it.
    await page.waitForFunction(() => {
      const statuses = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
      return statuses.some((s) => s.textContent?.includes("Generating"));
    });
    const partial = await answerText(page.getByTestId("answer-text").first());
    await waitAllDone(page, 3);
    const names = await page.getByTestId("column-name").allInnerTexts();
    assert.deepEqual(
      names,
      fixture.models.map((m) => m.label),
    );
    firstTexts = await lastTurnTexts(page, 3);
    assert.deepEqual(firstTexts.map(squeeze), answersOf(0).map(visible));
    assert.ok(
      squeeze(partial).length < squeeze(firstTexts[0]).length,
      "first column was streaming",
    );
    const usage = await page.getByTestId("usage").allInnerTexts();
    assert.equal(usage.length, 3);
    for (const line of usage) assert.match(line, /TTFT \d+ ms.*decode [\d.]+ tok\/s/s);
    assert.match(
      await page.getByTestId("fairness").innerText(),
      /temperature 0 \(greedy\) · seed 1/,
    );
    assert.match(await page.getByTestId("schedule").innerText(), /Replay: no GPU memory used/);
    assert.match(page.url(), /#\/compare\/[\w-]+$/);

    await page.getByLabel("Follow-up for every model").fill(FOLLOW_UP);
    await page.getByRole("button", { name: "Send to all" }).click();
    await page.getByTestId("answer").nth(5).waitFor();
    await waitAllDone(page, 3);
    assert.deepEqual((await lastTurnTexts(page, 3)).map(squeeze), answersOf(1).map(visible));
    await screenshot(page, "compare-three-columns");

    await page.setViewportSize({ width: 360, height: 740 });
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360 px`);
    await screenshot(page, "compare-three-columns-360px");
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it("hides names in a blind vote, reveals them after it, and keeps a fixture vote off the live board unless asked", async () => {
    const { page } = b;
    await page.getByRole("button", { name: "New comparison" }).click();
    await page.getByLabel("Blind vote (arena)", { exact: false }).check();
    await pickExample(page, "Train speeds");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await waitAllDone(page, 2);
    assert.deepEqual(await page.getByTestId("column-name").allInnerTexts(), ["Model A", "Model B"]);
    const board = await page.locator("main").innerText();
    for (const m of fixture.models) assert.ok(!board.includes(m.label), `${m.label} is hidden`);
    assert.equal(await page.getByTestId("usage").count(), 0, "metrics wait for the vote");
    await screenshot(page, "compare-blind");

    await page.getByRole("button", { name: "A is better" }).click();
    const reveal = await page.getByTestId("reveal").innerText();
    const [, nameA, nameB] = reveal.match(/Model A was (.+), Model B was (.+)\. Your vote/) ?? [];
    const labels = fixture.models.map((m) => m.label);
    assert.ok(labels.includes(nameA) && labels.includes(nameB) && nameA !== nameB, reveal);
    assert.equal(await page.getByTestId("usage").count(), 2);

    await page.getByRole("button", { name: "See the leaderboard" }).click();
    // A vote on synthetic fixture answers is kept apart from the live board until asked for.
    await page.getByTestId("leaderboard-empty").waitFor();
    assert.match(
      await page.getByTestId("leaderboard-empty").innerText(),
      /No votes on live answers/,
    );
    await page.getByTestId("include-replayed").getByRole("checkbox").check();
    const table = page.getByTestId("leaderboard-table");
    await table.waitFor();
    const rows = await table.locator("tbody tr").allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0], new RegExp(`^1\\s+${nameA.replace(/\./g, "\\.")}`));
    assert.match(rows[0], /\b1 \/ 0 \/ 0\b/);
    assert.match(rows[1], /\b0 \/ 1 \/ 0\b/);
    await page.getByTestId("leaderboard-chart").waitFor();
    await page.getByLabel("Domain", { exact: true }).selectOption("math");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="leaderboard-table"] tbody tr').length === 2,
    );
    await screenshot(page, "compare-leaderboard");
    await page.setViewportSize({ width: 360, height: 740 });
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `leaderboard scrolls sideways by ${overflow}px at 360 px`);
    await screenshot(page, "compare-leaderboard-360px");
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it("keeps comparisons after a reload and exports a recording that replays the same texts", async () => {
    const { page } = b;
    await page.reload();
    await page.getByRole("tab", { name: "History" }).click();
    const item = page.getByTestId("history-item").filter({ hasText: "2 turns" });
    await item.waitFor();
    assert.equal(await page.getByTestId("history-item").count(), 2);
    await screenshot(page, "compare-history");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.getByRole("button", { name: "Export recording" }).click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, "utf8"));
    assert.equal(exported.format, "polymath-recording");
    assert.equal(exported.fixture, true, "a replayed fixture stays marked as one");
    assert.equal(exported.entries.length, 6);

    // Opened from history after the reload, it shows the stored answers.
    await item.getByRole("link").click();
    await page.getByTestId("comparison-title").waitFor();
    assert.equal(await page.getByTestId("answer").count(), 6);

    await page.getByRole("button", { name: "New comparison" }).click();
    await replay(page, file);
    await pickExample(page, "Train speeds");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await waitAllDone(page, 3);
    assert.deepEqual(await lastTurnTexts(page, 3), firstTexts);

    // A column continues as a normal chat with that model.
    await page.getByRole("button", { name: "Continue in Chat" }).first().click();
    await page.waitForURL(/#\/chat\/[\w-]+$/);
    await page.getByText(fixture.entries[0].result.text.slice(0, 30)).first().waitFor();
    assert.deepEqual(b.errors, []);
  });

  it("offers this device's models and presets at 360 px without sideways scroll", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.url + "#/compare");
    await page.reload();
    await page.getByTestId("model-list").locator("li").first().waitFor();
    await page.getByLabel("Preset").selectOption({ label: "Small (weak devices)" });
    // The preset asks first (the dialog fits the screen too); agreeing downloads nothing yet.
    await page.getByTestId("download-consent").waitFor();
    const dialogOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - innerWidth,
    );
    assert.ok(dialogOverflow <= 0, `the download question scrolls sideways by ${dialogOverflow}px`);
    await answerDownload(page);
    await page.getByText(/Small \(weak devices\):|Left out/).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `setup scrolls sideways by ${overflow}px at 360 px`);
    await screenshot(page, "compare-setup-live-360px");
    await page.setViewportSize({ width: 1280, height: 860 });
    assert.deepEqual(b.errors, []);
  });

  it("keeps a comparison reloaded mid-stream, its partial answers marked stopped", async () => {
    const { page } = b;
    await page.goto(server.url + "#/compare");
    await replay(page, FIXTURE);
    // Slow enough that every column still streams when the first checkpoint (about 2 s) is saved.
    await page.getByLabel("Pace").selectOption("tps");
    await page.getByLabel("Tokens per second").fill("3");
    await pickExample(page, "Train speeds");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    // The app routes to a new comparison once it is first stored: here, by a checkpoint.
    await page.waitForURL(/#\/compare\/[\w-]+$/, { timeout: 10_000 });
    const id = decodeURIComponent(page.url().split("/").at(-1));
    const streaming = await page.locator('[data-testid="answer"][aria-busy="true"]').count();
    assert.equal(streaming, 3, "every column was still streaming at the reload");
    await page.reload();

    await page.getByRole("tab", { name: "History" }).click();
    const link = page.locator(`a[href="#/compare/${encodeURIComponent(id)}"]`);
    await link.click();
    await page.getByTestId("comparison-title").waitFor();
    assert.equal(await page.getByTestId("answer").count(), 3);
    assert.equal(await page.getByTestId("answer-stopped").count(), 3);
    const texts = (await lastTurnTexts(page, 3)).map((t) => visible(t));
    answersOf(0).forEach((full, i) => {
      assert.ok(texts[i].length > 0, `column ${i + 1} kept its partial answer`);
      assert.ok(visible(full).startsWith(texts[i]), `column ${i + 1}: ${texts[i]}`);
      assert.ok(texts[i].length < visible(full).length, `column ${i + 1} was cut short`);
    });
    // Go on from it, or start over.
    assert.ok(await page.getByLabel("Follow-up for every model").isEditable());
    assert.ok(await page.getByRole("button", { name: "New comparison" }).isEnabled());
    await screenshot(page, "compare-reloaded-mid-stream");
    await page.setViewportSize({ width: 360, height: 740 });
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `stopped answers scroll sideways by ${overflow}px at 360 px`);
    await screenshot(page, "compare-reloaded-mid-stream-360px");
    await page.setViewportSize({ width: 1280, height: 860 });
    assert.deepEqual(b.errors, []);
  });

  it("offers Retry when downloads fail, and keeps Export and Send off until a model answers", async () => {
    const { page, context } = b;
    const blocked = [];
    const offline = (url) => url.hostname !== "127.0.0.1";
    const abort = (route) => {
      blocked.push(route.request().url());
      return route.abort("internetdisconnected");
    };
    await context.route(offline, abort);
    try {
      await page.goto(server.url + "#/compare");
      await page.reload();
      await page.getByTestId("model-list").locator("li").first().waitFor();
      await page.getByLabel("Preset").selectOption({ label: "Qwen2.5-1.5B family" });
      // Choosing the preset asks first, with its download size.
      assert.match(await answerDownload(page), /Download 3 models\?[\s\S]*≈ [\d.]+ GB in all/);
      await pickExample(page, "Palindrome check");
      await page.getByRole("button", { name: "Compare", exact: true }).click();
      const allFailed = () =>
        page.waitForFunction(
          () => {
            const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
            const bar = document.querySelector('[data-testid="retry-bar"]');
            return s.length >= 2 && bar && s.every((e) => e.textContent?.includes("Error:"));
          },
          undefined,
          { timeout: 60_000 },
        );
      await allFailed();
      const columns = await page.getByTestId("column-status").count();
      const first = await page.getByTestId("column-status").allInnerTexts();
      for (const text of first) assert.match(text, /Error: Could not download the model files\./);
      assert.equal(await page.getByRole("button", { name: /^Retry (?!failed)/ }).count(), columns);
      const exportButton = page.getByRole("button", { name: "Export recording" });
      assert.ok(await exportButton.isDisabled());
      assert.match((await exportButton.getAttribute("title")) ?? "", /No model answered/);
      assert.ok(await page.getByRole("button", { name: "Send to all" }).isDisabled());
      await page.getByTestId("follow-up-hint").waitFor();
      await screenshot(page, "compare-download-failed");

      const triedBefore = blocked.length;
      await page.getByRole("button", { name: "Retry failed" }).click();
      // The retry reaches the network again and fails the same way, without a crash.
      const deadline = Date.now() + 60_000;
      while (blocked.length === triedBefore && Date.now() < deadline)
        await page.waitForTimeout(100);
      assert.ok(blocked.length > triedBefore, "Retry fetched again");
      await allFailed();
      assert.deepEqual(await page.getByTestId("column-status").allInnerTexts(), first);
      assert.equal(await page.getByTestId("answer").count(), columns, "still one turn");
      assert.ok(await exportButton.isDisabled());
      assert.ok(await page.getByRole("button", { name: "Send to all" }).isDisabled());
      await page.setViewportSize({ width: 360, height: 740 });
      await settle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `failed columns scroll sideways by ${overflow}px at 360 px`);
      await screenshot(page, "compare-download-failed-360px");
      await page.setViewportSize({ width: 1280, height: 860 });
      assert.deepEqual(b.errors, []);
    } finally {
      await context.unroute(offline, abort);
    }
  });
});
