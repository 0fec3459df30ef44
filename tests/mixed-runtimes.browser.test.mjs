// One comparison, two runtimes: a column replayed from a recording (a synthetic fixture) beside a
// live column that web-llm's real worker serves. The model host is stubbed at the network (every
// request off loopback is refused and logged), so the live column fails the way a blocked
// download does, while the replayed column answers: each runtime is picked per model.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { answerDownload, launch, screenshot } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = "tests/fixtures/recordings/compare-two-models.json";
const fixture = JSON.parse(await readFile(FIXTURE, "utf8"));
const [REPLAYED, DROPPED] = fixture.models;
const PROMPT = fixture.entries[0].request.messages.at(-1).content;
const replayedAnswer = fixture.entries.find((e) => e.modelId === REPLAYED.id).result.text;
// A chat model that runs on SwiftShader (f32) and is not in the recording.
const LIVE = "Qwen2.5-0.5B-Instruct-q4f32_1-MLC";

let server;
let b;
const offHost = [];
before(async () => {
  server = await serveDist();
  b = await launch();
  await b.context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      offHost.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
});
after(async () => {
  await b?.close();
  await server?.close();
});

const squeeze = (text) => text.replace(/\s+/g, " ").trim();

describe("A comparison that mixes runtimes", () => {
  it("replays one column and runs the other on web-llm's worker, each by its model", async () => {
    const { page } = b;
    await page.goto(server.url + "#/compare");
    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(FIXTURE);
    await page.getByTestId("replay-badge").waitFor();
    const list = page.getByTestId("model-list");
    // The recording's models are chosen; the live models stay on offer beside them.
    assert.equal(await list.getByRole("checkbox", { checked: true }).count(), 2);
    assert.match(await list.innerText(), /replayed from the recording/);
    await list.getByRole("checkbox", { name: new RegExp(`^${DROPPED.label}`) }).uncheck();
    await page.getByLabel("Filter").fill("0.5B-Instruct-q4f32");
    await list.locator("label", { hasText: "Qwen2.5-0.5B-Instruct · q4f32" }).first().click();
    assert.equal(await list.getByRole("checkbox", { checked: true }).count(), 2);

    await page.getByTestId("recorded-prompts").getByRole("button", { name: PROMPT }).click();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    // Only the live model downloads, so only it is asked about.
    const asked = await answerDownload(page);
    assert.match(asked, /Download this model\?[\s\S]*Qwen2\.5-0\.5B-Instruct/);
    assert.doesNotMatch(asked, new RegExp(REPLAYED.label));
    await page.waitForFunction(
      () => {
        const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
        // Done, and rendered to the end (the renderer loads with the first answer, then catches up).
        return (
          s.length === 2 &&
          s.every((e) => /Done|Error/.test(e.textContent ?? "")) &&
          !document.querySelector("[data-markdown=pending], [data-rendering=true]")
        );
      },
      undefined,
      { timeout: 60_000 },
    );
    const names = await page.getByTestId("column-name").allInnerTexts();
    const statuses = await page.getByTestId("column-status").allInnerTexts();
    const replayedAt = names.findIndex((n) => n.includes(REPLAYED.label));
    const liveAt = names.findIndex((n) => /Qwen2\.5-0\.5B/.test(n));
    assert.ok(replayedAt >= 0 && liveAt >= 0, `columns: ${names.join(" | ")}`);
    assert.match(statuses[replayedAt], /Done/);
    assert.match(statuses[liveAt], /Error: Could not download the model files\./);
    // The replayed column shows the recorded answer (Markdown fences aside), word for word.
    const shown = squeeze(await page.getByTestId("answer-text").nth(replayedAt).innerText());
    assert.equal(shown, squeeze(replayedAnswer.replace(/```\w*\n?/g, "").replace(/`/g, "")));
    // Only the live model went to the network, through web-llm's worker; the replayed one did not.
    assert.ok(
      offHost.some((u) => u.includes(LIVE.replace(/-MLC$/, ""))),
      `web-llm fetched the live model: ${offHost.join(", ")}`,
    );
    assert.ok(!offHost.some((u) => u.includes("Qwen3-1.7B")), "nothing fetched for the replay");
    assert.match(
      await page.getByTestId("mixed-source").innerText(),
      new RegExp(`Replayed from a recording, not live: ${REPLAYED.label}`),
    );
    // The failed live column can be retried alone; the replayed answer stays.
    assert.equal(await page.getByRole("button", { name: /^Retry (?!failed)/ }).count(), 1);
    await screenshot(page, "compare-mixed-runtimes");
    assert.deepEqual(b.errors, []);
  });
});
