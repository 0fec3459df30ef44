// Bench-report share links, in Chromium without WebGPU: a run from two responses files
// (synthetic fixtures written here, right or wrong by construction, not model output) over the
// built-in math suite; "Share link" puts the report's summary in the URL fragment. Opening the
// link shows the report read-only (what the generalist keeps, scores per suite) with "Run this
// yourself", which sets up a new run with the report's suite and names the answers a link cannot
// carry, and the data never reaches the server. A damaged link is explained.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

let server;
let b;
let dir;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: false });
  dir = await mkdtemp(join(tmpdir(), "polymath-bench-share-"));
});
after(async () => {
  await b?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The built-in math suite's items, through the UI's Export (JSONL, header first). */
async function mathItems(page) {
  const row = page.locator(`[data-testid=suite-row][data-suite-id="builtin-math"]`);
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

/** A responses file right on the items `right(i)` picks, wrong on the others. */
async function responses(name, items, right) {
  const lines = items.map((item, i) => ({
    id: item.id,
    response: `Working… #### ${right(i) ? item.answer : Number(item.answer) + 1}`,
  }));
  const path = join(dir, `${name}.jsonl`);
  await writeFile(path, lines.map((l) => JSON.stringify(l)).join("\n"));
  return path;
}

describe("Bench report share links", () => {
  it("opens a shared report read-only from the fragment alone", async () => {
    const { page, errors } = b;
    await page.goto(server.url + "#/bench");
    await viewShown(page, "Bench");
    const math = await mathItems(page);
    const files = [
      ["Generalist", "generalist", await responses("g", math, (i) => i % 2 === 0)],
      ["Math specialist", "specialist", await responses("m", math, () => true)],
    ];
    const runs = page.locator("#runs");
    for (const [name, role, path] of files) {
      await runs.getByLabel("Name").fill(name);
      await runs.getByLabel("Role").selectOption(role);
      await runs.getByLabel("Responses file").setInputFiles(path);
      await runs.getByText(`${name} · ${role}`).waitFor();
    }
    await runs.getByLabel(/Math word problems \(/).check();
    await runs.getByRole("button", { name: /^Run \d+ items on 2 models$/ }).click();
    await page.waitForFunction(
      (total) =>
        document
          .querySelector("[data-testid=run-report] p.muted")
          ?.textContent?.includes(`${total} of ${total} items scored`),
      2 * math.length,
      { timeout: 60_000 },
    );
    const sentence = (await page.getByTestId("comparisons").innerText()).split("\n")[0];
    assert.match(sentence, /Generalist keeps \d+%/);

    await page.getByTestId("run-report").getByRole("button", { name: "Share link" }).click();
    const link = await page.getByTestId("report-share-link").inputValue();
    const payload = new URL(link).hash.replace(/^#\/shared\//, "");
    assert.match(payload, /^[A-Za-z0-9_-]+$/);
    const before = server.requests.length;

    await page.goto("about:blank");
    await page.goto(link);
    const shared = page.getByTestId("shared-report");
    await shared.waitFor();
    assert.match(await shared.innerText(), /read-only/);
    assert.match(await shared.innerText(), new RegExp(`${2 * math.length} of ${2 * math.length}`));
    const comparisons = await page.getByTestId("shared-comparisons").innerText();
    assert.ok(comparisons.includes(sentence.trim()), "the generalist's sentence is the same");
    assert.match(await shared.locator("table").first().innerText(), /Math specialist/);
    assert.match(await page.getByTestId("shared-report-recipe").innerText(), /Generalist/);
    assert.equal(
      server.requests.slice(before).filter((r) => r.path.includes(payload.slice(0, 20))).length,
      0,
      "the data never reached the server",
    );
    await shared.getByRole("button", { name: "Run this yourself" }).click();
    await viewShown(page, "Bench");
    // The run setup is the shared run's: its suite ticked, and the answers that came from files
    // named as such (a link cannot carry them), with nothing else ticked.
    const plan = page.getByTestId("run-plan");
    await plan.waitFor();
    assert.match(await plan.innerText(), /Set up as the shared report “[^”]+”: 1 of 1 suites/);
    assert.match(
      await page.getByTestId("run-plan-imported").innerText(),
      /responses file in the report: Generalist, Math specialist\. Add the file again/,
    );
    const setup = page.locator("#runs");
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#runs input[type=checkbox]")].some(
        (el) => /** @type {HTMLInputElement} */ (el).checked,
      ),
    );
    assert.equal(await setup.getByLabel(/Math word problems \(/).isChecked(), true);
    const ticked = await setup
      .locator("fieldset")
      .first()
      .locator("input[type=checkbox]:checked")
      .count();
    assert.equal(ticked, 1, "only the shared run's suite is ticked");
    await plan.getByRole("button", { name: "Dismiss" }).click();
    await plan.waitFor({ state: "detached" });

    // A report link cut short is explained, not thrown.
    await page.goto(link.slice(0, -40));
    await page.getByTestId("shared-error").waitFor();
    assert.deepEqual(errors, []);
  });
});
