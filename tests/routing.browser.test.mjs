// The routed team and the prompt-specialized generalist in a real bench run, in Chromium without
// WebGPU, from a synthetic recording (a test fixture, right or wrong by construction, not model
// output): a generalist, a math and a logic specialist, and the generalist recorded again with
// each domain prompt of the run setup. The report shows the generalist alone, with the routed
// domain prompts, the routed team and the oracle team, with the router's accuracy on the items
// and its time; the router panel shows its held-out accuracy and confusion matrix.
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
  dir = await mkdtemp(join(tmpdir(), "polymath-routing-"));
});
after(async () => {
  await b?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

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

describe("Routing in the bench", () => {
  it("reports the generalist, the prompt-specialized generalist, the routed team and the oracle", async () => {
    const { page } = b;
    await page.goto(server.url + "#/bench");
    await viewShown(page, "Bench");
    const model = JSON.parse(await readFile("src/core/routing/router-model.json", "utf8"));

    // The router panel: the committed model's held-out accuracy and its confusion matrix.
    const panel = page.getByTestId("router-panel");
    await panel.locator("summary").click();
    assert.equal(
      await page.getByTestId("router-accuracy").innerText(),
      `${Math.round(model.training.heldOut.accuracy * 100)}%`,
    );
    const matrix = page.getByTestId("router-confusion");
    assert.equal(await matrix.locator("tbody tr").count(), 5);
    assert.equal(
      await matrix.locator("tbody tr").first().locator("td").first().innerText(),
      String(model.training.heldOut.confusion[0][0]),
    );
    await panel.getByLabel("Try a prompt").fill('def add(a, b):\n    """Return a + b."""');
    assert.match(await page.getByTestId("router-decision").innerText(), /^code · \d+% sure/);

    const templates = await readTemplates(page);
    // The domain prompts as the setup shows them (what the prompted generalist will be told; the
    // editor loads with the setup, so wait for its five fields).
    await page
      .getByTestId("prompted-setup")
      .locator("textarea")
      .nth(4)
      .waitFor({ state: "attached" });
    const systems = await page
      .getByTestId("prompted-setup")
      .locator("textarea")
      .evaluateAll((els) => els.map((e) => e.value));
    assert.equal(systems.length, 5);
    const items = [
      ...(await suiteItems(page, "builtin-math")),
      ...(await suiteItems(page, "builtin-reasoning")),
    ];
    const recording = benchRecording({
      templates,
      items,
      step: 1,
      ttft: 5,
      models: [
        {
          id: "fx-generalist",
          label: "Fixture generalist",
          role: "generalist",
          right: (_x, i) => i % 3 !== 0,
          systems,
          // With a domain prompt it gets every math item right.
          rightWith: (x, i) => x.kind === "math" || i % 3 !== 0,
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
    const file = join(dir, "routing-fixture.json");
    await writeFile(file, JSON.stringify(recording));
    await page.goto(server.url + "#/compare");
    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
    await page.getByTestId("replay-badge").waitFor();
    await page.evaluate(() => (location.hash = "#/bench"));
    await viewShown(page, "Bench");

    const runs = page.locator("#runs");
    for (const label of ["Fixture generalist", "Fixture math", "Fixture logic"]) {
      await runs.getByTestId("run-models").getByLabel(new RegExp(label)).check();
    }
    await runs.getByLabel("Also run Fixture generalist with domain prompts").check();
    await runs.getByLabel(/Math word problems \(/).check();
    await runs.getByLabel(/Reasoning \(\d/).check();
    await runs.getByLabel("Items per suite").fill("8");
    await runs.getByRole("button", { name: "Run 16 items on 4 models" }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector("[data-testid=run-report] p.muted")
          ?.textContent?.startsWith("64 of 64 items scored · done"),
      undefined,
      { timeout: 90_000 },
    );

    const systemsTable = page.getByTestId("systems");
    const kinds = await systemsTable
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind")));
    assert.deepEqual(
      kinds.filter((k) => k !== "learned"),
      ["generalist", "prompted", "routed", "oracle"],
    );
    const row = (kind) => systemsTable.locator(`tbody tr[data-kind=${kind}]`).innerText();
    assert.match(await row("generalist"), /Fixture generalist alone/);
    assert.match(await row("prompted"), /Fixture generalist with routed domain prompts/);
    // The routed team: the router's accuracy on the 16 items, how many fell back, its time.
    const team = await row("routed");
    assert.match(team, /Routed team/);
    assert.match(team, /\d+% of 16 · \d+ unsure → fallback/);
    assert.match(team, /(µs|ms) mean · .*(µs|ms) p99/);
    assert.match(team, /[+-]?\d+ pts/);
    assert.match(await row("oracle"), /Oracle team/);
    // The routing overhead beside the scores: model switches on a mixed workload.
    const cells = (kind) => systemsTable.locator(`tbody tr[data-kind=${kind}] td`).allInnerTexts();
    const heads = await systemsTable.locator("thead th").allInnerTexts();
    const col = (name) => heads.indexOf(name);
    assert.ok(col("Switches") > 0 && col("Switch time") > 0, heads.join(" | "));
    const [alone, routedCells] = [await cells("generalist"), await cells("routed")];
    assert.equal(alone[col("Switches")], "0", "one model never switches");
    assert.ok(Number(routedCells[col("Switches")]) > 0, "the team switches between members");
    // The measured answer time plus routing and switches, per answer (the latency the sentence uses).
    assert.match(alone[col("Time per answer")], /^\d+\.\d\d s$/);
    assert.match(
      await page.getByTestId("systems-sentence").innerText(),
      /^On quality .+ (wins|tie) \(\d+%, 95% \d+%–\d+%\); on cost .+; on latency .+\.$/,
    );
    // The prompted generalist is compared with the specialists like any generalist.
    assert.match(
      await page.getByTestId("comparisons").innerText(),
      /Fixture generalist \+ domain prompts (too few items to tell|keeps)/,
    );
    await screenshot(page, "bench-routing-report");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("run-report").getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const json = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.equal(Object.keys(json.run.routing.decisions).length, 16);
    const routed = json.report.systems.find((s) => s.kind === "routed");
    assert.equal(routed.routing.n, 16);
    // The router's labels are the items' domains where it is right: the accuracy the row shows.
    const right = Object.entries(json.run.routing.decisions).filter(([key, d]) => {
      const id = decodeURIComponent(key.split("|")[1] ?? "");
      return d.label === items.find((x) => x.id === id)?.domain;
    }).length;
    assert.equal(routed.routing.accuracy, right / 16);
    // The prompted generalist's math answers came from its domain-prompt recordings: all right
    // where the router said math with confidence.
    const prompted = json.report.systems.find((s) => s.kind === "prompted");
    assert.equal(prompted.memoryMB, json.report.systems[0].memoryMB);
    // Each system's score per domain in the table: the domain, its score, the model that
    // answered most of its items there and how many, as the report computed them.
    assert.ok(col("Per domain") > 0, heads.join(" | "));
    const modelName = (id) => json.run.config.models.find((m) => m.id === id)?.name ?? id;
    for (const s of json.report.systems) {
      const shown = await systemsTable
        .locator(`tbody tr[data-kind=${s.kind}] li[data-domain]`)
        .allInnerTexts();
      assert.deepEqual(
        shown.map((t) => t.replace(/\s+/g, " ").trim()),
        s.domains.map(
          (d) => `${d.domain} ${Math.round(d.score * 100)}% ${modelName(d.modelId)} · n = ${d.n}`,
        ),
        s.name,
      );
      assert.deepEqual(
        s.domains.map((d) => d.domain),
        ["math", "reasoning"],
      );
    }
    // The math specialist gets every math item right, so the oracle scores 100% there.
    assert.equal(json.report.systems.find((s) => s.kind === "oracle").domains[0].score, 1);
    assert.deepEqual(b.errors, []);
  });
});
