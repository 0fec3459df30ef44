// Replay mode refuses prompts a recording never answered (tests/fixtures/recordings are synthetic
// fixtures): Chat shows the no-match error with the recorded prompts as suggestions, a reloaded
// replayed chat says where its answers came from and picks a model that runs here, and Compare
// shows the error per column and allows no blind vote on missing answers.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const fixture = (name) => fileURLToPath(new URL(`./fixtures/recordings/${name}`, import.meta.url));
const CODER = "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC";
const RECORDED = "How do I reverse a linked list in Python?";

let server;
let b;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: true });
});
after(async () => {
  await b?.close();
  await server?.close();
});

describe("Replay refuses prompts the recording does not answer", () => {
  it("Chat: shows the no-match error with suggestions; a suggestion plays the right answer", async () => {
    const { page } = b;
    await page.goto(server.url + "#/chat");
    await viewShown(page, "Chat");
    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page
      .getByLabel("Replay a recording (.json)")
      .setInputFiles(fixture("markdown-code.json"));
    await page.getByTestId("replay-badge").filter({ hasText: "markdown-code.json" }).waitFor();
    const suggestions = page.getByTestId("recorded-prompts");
    await suggestions.getByRole("button", { name: RECORDED }).waitFor();

    await page.getByLabel("Message", { exact: true }).fill("Something not recorded");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const notice = page.locator('[data-testid=error-notice][data-code="replay-no-match"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /The recording has no answer for this prompt/);
    assert.equal(await page.getByTestId("assistant-message").count(), 0, "nothing was answered");
    assert.equal(await page.getByTestId("user-message").count(), 0, "the prompt was not kept");
    await screenshot(page, "replay-chat-no-match");

    await suggestions.getByRole("button", { name: RECORDED }).click();
    assert.equal(await page.getByLabel("Message", { exact: true }).inputValue(), RECORDED);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Reversing a linked list").waitFor();
    assert.equal(await notice.count(), 0, "the error is gone once a recorded prompt is sent");
    assert.match(
      await page.getByTestId("assistant-message").innerText(),
      /Replayed from markdown-code\.json/,
    );
    await page.setViewportSize({ width: 360, height: 760 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360 px`);
    await screenshot(page, "replay-chat-suggestions-360px");
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it("Chat: after a reload, says where the answers came from and picks a model that runs", async () => {
    const { page } = b;
    await page.waitForURL(/#\/chat\/[\w-]+$/);
    await page.reload();
    await page.getByText("Reversing a linked list").waitFor();
    const notice = page.getByTestId("replayed-notice");
    await notice.waitFor();
    assert.match(
      (await notice.innerText()).replace(/\s+/g, " "),
      /This conversation was replayed from markdown-code\.json \(test fixture\)\. Load that recording again to continue it, or pick a model that runs here\./,
    );
    const select = page.getByLabel("Model", { exact: true });
    await page.waitForFunction(
      (coder) => {
        const s = /** @type {HTMLSelectElement | null} */ (document.querySelector("select"));
        return s !== null && s.value !== "" && s.value !== coder;
      },
      CODER,
      { timeout: 10_000 },
    );
    const picked = await select.inputValue();
    assert.notEqual(picked, CODER);
    const label = await select.locator("option:checked").innerText();
    assert.doesNotMatch(label, /won.t run/i, `${picked} is marked as not running here`);
    await screenshot(page, "replay-chat-reloaded");
  });

  it("Compare: a prompt no recording answers errors per column and allows no vote", async () => {
    const { page } = b;
    const rec = JSON.parse(await readFile(fixture("compare-three-models.json"), "utf8"));
    await page.goto(server.url + "#/compare");
    await page
      .getByLabel("Replay a recording (.json)")
      .setInputFiles(fixture("compare-three-models.json"));
    await page.getByTestId("replay-badge").waitFor();
    await page.getByLabel("Blind vote (arena)", { exact: false }).check();
    const first = rec.entries[0].request.messages.find((m) => m.role === "user").content;
    await page.getByTestId("recorded-prompts").getByRole("button", { name: first }).waitFor();
    await page.getByLabel("Prompt for every model").fill("What is the capital of France?");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForFunction(
      () => {
        const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
        return s.length === 2 && s.every((e) => /Error/.test(e.textContent ?? ""));
      },
      undefined,
      { timeout: 20_000 },
    );
    const board = await page.locator("main").innerText();
    assert.match(board, /The recording has no answer for this prompt/);
    for (const m of rec.models) assert.ok(!board.includes(m.label), `${m.label} stays hidden`);
    for (const name of ["A is better", "B is better", "Tie", "Both are bad"]) {
      const button = page.getByRole("button", { name, exact: true });
      assert.ok((await button.count()) === 0 || (await button.isDisabled()), `${name} is disabled`);
    }
    await page.getByTestId("vote-unavailable").waitFor();
    await screenshot(page, "replay-compare-no-match");
  });
});
