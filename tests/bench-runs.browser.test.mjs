// A bench run in real Chromium without WebGPU, from answers made elsewhere: three responses files
// (synthetic fixtures written here, right or wrong by construction, not model output) run as
// three "models" over two built-in suites. The report says what share of the best specialist's
// score the generalist keeps, with its interval, shows the systems and costs, survives a reload,
// and exports JSON, CSV and a self-contained HTML page that makes no request.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchRecording, readTemplates } from "./helpers/bench-recording.mjs";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

let server;
let b;
let dir;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: false });
  dir = await mkdtemp(join(tmpdir(), "polymath-bench-runs-"));
});
after(async () => {
  await b?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openBench(page, hash = "") {
  await page.goto(server.url + "#/bench" + hash);
  await viewShown(page, "Bench");
}

/** A built-in suite's items, through the UI's Export (Polymath suite JSONL, header first). */
async function suiteItems(page, id) {
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

/** A responses file right on the items `right(i)` picks, wrong on the others. */
async function responses(name, math, choice, right) {
  const lines = [
    ...math.map((item, i) => ({
      id: item.id,
      response: `Working… #### ${right("math", i) ? item.answer : Number(item.answer) + 1}`,
    })),
    ...choice.map((item, i) => {
      const wrong = ["A", "B", "C", "D"].find((l) => l !== item.answer);
      return {
        id: item.id,
        response: `The answer is ${right("reasoning", i) ? item.answer : wrong}.`,
      };
    }),
  ];
  const path = join(dir, `${name}.jsonl`);
  await writeFile(path, lines.map((l) => JSON.stringify(l)).join("\n"));
  return path;
}

describe("Bench runs", () => {
  it("runs answers from files as models and reports what the generalist keeps", async () => {
    const { page } = b;
    await openBench(page);
    const math = await suiteItems(page, "builtin-math");
    const choice = await suiteItems(page, "builtin-reasoning");
    assert.ok(math.length >= 20 && choice.length >= 20, "suites big enough to tell");
    // Generalist: 3 of 4 right everywhere; math specialist: all math right; reasoning specialist:
    // all reasoning right, every math item wrong.
    const files = [
      ["Generalist", "generalist", await responses("g", math, choice, (_d, i) => i % 4 !== 3)],
      ["Math specialist", "specialist", await responses("m", math, choice, (d) => d === "math")],
      ["Logic specialist", "specialist", await responses("l", math, choice, (d) => d !== "math")],
    ];
    const runs = page.locator("#runs");
    for (const [name, role, path] of files) {
      await runs.getByLabel("Name").fill(name);
      await runs.getByLabel("Role").selectOption(role);
      await runs.getByLabel("Responses file").setInputFiles(path);
      await runs.getByText(`${name} · ${role}`).waitFor();
    }
    await runs.getByLabel(/Math word problems \(/).check();
    await runs.getByLabel(/Reasoning \(\d/).check();
    await runs.getByRole("button", { name: /^Run \d+ items on 3 models$/ }).click();

    const report = page.getByTestId("run-report");
    await page.waitForFunction(
      (total) =>
        document
          .querySelector("[data-testid=run-report] p.muted")
          ?.textContent?.includes(`${total} of ${total} items scored`),
      3 * (math.length + choice.length),
      { timeout: 60_000 },
    );
    const sentences = await page.getByTestId("comparisons").innerText();
    const kept = Math.round((100 * math.filter((_, i) => i % 4 !== 3).length) / math.length);
    assert.match(
      sentences,
      new RegExp(
        `Generalist keeps ${kept}% \\(\\d+%–\\d+%\\) of Math specialist's math score on ${math.length} items`,
      ),
    );
    assert.match(sentences, /of Logic specialist's reasoning score on \d+ items/);
    const systems = await page.getByTestId("systems").innerText();
    assert.match(systems, /Generalist alone/);
    assert.match(systems, /Oracle team/);
    assert.match(await page.getByTestId("suite-scores").innerText(), /wilson/);
    await screenshot(page, "bench-run-report");

    const save = async (label) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        report.getByRole("button", { name: label }).click(),
      ]);
      return readFile(await download.path(), "utf8");
    };
    const json = JSON.parse(await save("Export JSON"));
    assert.equal(json.format, "polymath-bench-report");
    assert.equal(json.results.length, 3 * (math.length + choice.length));
    assert.match((await save("Export CSV")).split("\r\n")[0] ?? "", /^model,suite,item,domain/);
    const html = await save("Export HTML");

    // The HTML report opens on its own and asks for nothing.
    const offline = await b.context.newPage();
    const asked = [];
    await offline.route("**/*", (route) => {
      asked.push(route.request().url());
      return route.abort();
    });
    await offline.setContent(html);
    assert.match(await offline.locator("body").innerText(), /Generalist keeps \d+%/);
    assert.equal((await offline.locator("svg").count()) >= 2, true);
    assert.deepEqual(asked, []);
    await offline.close();

    // The run and its report survive a reload.
    await page.reload();
    await page.getByTestId("run-list").getByRole("link").first().click();
    await page.getByTestId("comparisons").getByText("Generalist keeps").first().waitFor();
    assert.deepEqual(b.errors, []);
  });

  it("runs replayed models item by item, and after a reload resumes without asking twice", async () => {
    const { page } = b;
    await openBench(page);
    const templates = await readTemplates(page);
    const items = [
      ...(await suiteItems(page, "builtin-math")),
      ...(await suiteItems(page, "builtin-reasoning")),
    ];
    const recording = benchRecording({
      templates,
      items,
      step: 40,
      ttft: 60,
      models: [
        {
          id: "fx-generalist",
          label: "Fixture generalist",
          role: "generalist",
          right: (_x, i) => i % 3 !== 0,
        },
        {
          id: "fx-math",
          label: "Fixture math",
          role: "specialist",
          domain: "math",
          right: (x) => x.kind === "math",
        },
        {
          id: "fx-logic",
          label: "Fixture logic",
          role: "specialist",
          domain: "reasoning",
          right: (x) => x.kind === "choice",
        },
      ],
    });
    const file = join(dir, "bench-fixture.json");
    await writeFile(file, JSON.stringify(recording));
    const loadRecording = async (pace) => {
      await page.goto(server.url + "#/compare");
      await page.getByLabel("Pace", { exact: true }).selectOption(pace);
      await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
      await page.getByTestId("replay-badge").waitFor();
      await page.evaluate(() => (location.hash = "#/bench"));
      await viewShown(page, "Bench");
    };
    // At the recorded pace the run is still going when the tab goes away.
    await loadRecording("recorded");
    const runs = page.locator("#runs");
    for (const label of ["Fixture generalist", "Fixture math", "Fixture logic"]) {
      await runs.getByTestId("run-models").getByLabel(new RegExp(label)).check();
    }
    await runs.getByLabel(/Math word problems \(/).check();
    await runs.getByLabel(/Reasoning \(\d/).check();
    await runs.getByLabel("Items per suite").fill("6");
    await runs.getByRole("button", { name: "Run 12 items on 3 models" }).click();
    const total = 36;
    await page.waitForFunction(
      () => Number(document.querySelector("[data-testid=asked-here]")?.textContent ?? 0) >= 10,
      undefined,
      { timeout: 60_000 },
    );

    // The tab goes away mid-run; a new page load finds the run where it stopped.
    await page.reload();
    await openBench(page);
    await page.getByTestId("run-list").getByRole("link").first().click();
    const status = page.locator("[data-testid=run-report] p.muted").first();
    await status.waitFor();
    const answered = Number((await status.innerText()).match(/^(\d+) of 36/)?.[1]);
    assert.ok(answered >= 9 && answered < total, `answered before the reload: ${answered}`);
    // Replay needs its recording again after a reload (nothing of it is stored); then Resume.
    // The rest may go as fast as it can (a loaded machine need not wait out the recorded pace).
    const url = page.url();
    await loadRecording("fastest");
    await page.goto(url);
    await page.getByRole("button", { name: "Resume" }).click();
    await page.waitForFunction(
      (n) =>
        document
          .querySelector("[data-testid=run-report] p.muted")
          ?.textContent?.startsWith(`${n} of ${n} items scored · done`),
      total,
      { timeout: 60_000 },
    );
    // This page asked only what was left: no item was asked twice.
    assert.equal(Number(await page.getByTestId("asked-total").innerText()), total - answered);
    assert.match(
      await page.getByTestId("comparisons").innerText(),
      /Fixture generalist too few items to tell \(n = 6\)|Fixture generalist keeps/,
    );
    const costs = await page.getByTestId("costs").innerText();
    assert.match(costs, /Fixture math/);
    assert.deepEqual(b.errors, []);
  });
});
