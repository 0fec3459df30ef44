// The app's Embed dialog: after a recording (the labelled fixture
// tests/fixtures/recordings/compare-two-models.json) is replayed in Compare, "Embed" opens a
// modal dialog with the `<iframe>` snippet, its allowed-origins field and a live preview; Escape
// closes it and gives focus back to the button. The snippet's address, opened on its own, is the
// embed page showing that recording's answers.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = "tests/fixtures/recordings/compare-two-models.json";

let server;
let b;
let recording;
before(async () => {
  server = await serveDist();
  recording = JSON.parse(await readFile(FIXTURE, "utf8"));
  b = await launch({ webgpu: false });
});
after(async () => {
  await b?.close();
  await server?.close();
});

const prompt = () => recording.entries[0].request.messages.at(-1).content;

describe("Embed dialog", () => {
  it("makes a snippet whose address opens the embed page with the comparison", async () => {
    const { page, errors } = b;
    await page.goto(server.subUrl + "#/compare");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(FIXTURE);
    await page.getByTestId("replay-badge").waitFor();
    await page.getByLabel("Pace").selectOption("fastest");
    await page.getByLabel("Prompt for every model").fill(prompt());
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const embedButton = page.getByRole("button", { name: "Embed", exact: true });
    await page.waitForFunction(() => {
      const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
      return s.length === 2 && s.every((e) => e.textContent?.trim() === "Done");
    });
    await embedButton.click();

    const dialog = page.getByRole("dialog", { name: "Embed this result" });
    await dialog.waitFor();
    const snippet = dialog.getByTestId("embed-snippet");
    assert.match(await snippet.inputValue(), /^<iframe\n {2}src="[^"]+embed\.html/);
    await dialog.getByLabel(/Host pages allowed/).fill("https://blog.example/post, nope");
    assert.match(await dialog.innerText(), /Not origins, left out: nope/);
    const html = await snippet.inputValue();
    const src = /src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    assert.ok(src, "the snippet has an address");
    const url = new URL(src);
    assert.equal(url.searchParams.get("origins"), "https://blog.example");
    assert.match(url.hash, /^#\/shared\/[A-Za-z0-9_-]+$/, "the recording rides in the fragment");

    // The preview is the embed page itself, sandboxed, showing the recording's prompt.
    const preview = dialog.getByTestId("embed-preview");
    assert.match((await preview.getAttribute("sandbox")) ?? "", /allow-scripts/);
    assert.doesNotMatch((await preview.getAttribute("sandbox")) ?? "", /allow-top-navigation/);
    await page
      .frameLocator('[data-testid="embed-preview"]')
      .getByRole("button", { name: prompt() })
      .waitFor();

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      "Embed",
      "focus goes back to the Embed button",
    );

    // The snippet's address, opened on its own, replays the comparison's answers.
    await page.goto(src);
    await page.getByRole("button", { name: prompt() }).click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="embed-answer"][data-done="true"]').length === 2,
    );
    const answers = await page.getByTestId("embed-answer").locator("p").allInnerTexts();
    const recorded = recording.entries
      .filter((e) => e.request.messages.at(-1).content === prompt())
      .map((e) => e.result.text.trim());
    assert.deepEqual(
      answers.map((a) => a.trim()),
      recorded,
    );
    assert.deepEqual(errors, []);
  });

  it("embeds a recording loaded for replay before any prompt is asked", async () => {
    const { page, errors } = b;
    await page.goto("about:blank");
    await page.goto(server.subUrl + "#/compare");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(FIXTURE);
    await page.getByTestId("replay-badge").waitFor();
    await page.getByRole("button", { name: "Embed this recording" }).click();
    const dialog = page.getByRole("dialog", { name: "Embed this result" });
    await dialog.waitFor();
    const src = /src="([^"]+)"/
      .exec(await dialog.getByTestId("embed-snippet").inputValue())?.[1]
      ?.replace(/&amp;/g, "&");
    assert.ok(src);
    assert.match(new URL(src).hash, /^#\/shared\/[A-Za-z0-9_-]+$/);
    // Every prompt of the recording is offered by the embed, not only one asked in the app.
    const prompts = [...new Set(recording.entries.map((e) => e.request.messages.at(-1).content))];
    await page.goto(src);
    for (const p of prompts) await page.getByRole("button", { name: p }).waitFor();
    assert.deepEqual(errors, []);
  });
});
