// The Chat view in real Chromium, answering from the synthetic fixture recordings in
// tests/fixtures/recordings (replay mode: no model runs, no GPU work). It streams, stops,
// regenerates, renders hostile markdown inert, keeps conversations across a reload, folds Qwen3
// reasoning, and fits a 360 px screen.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { answerDownload, launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const fixture = (name) => fileURLToPath(new URL(`./fixtures/recordings/${name}`, import.meta.url));

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

describe("Chat view with replayed fixture recordings", () => {
  let b;
  const requested = [];
  const dialogs = [];
  before(async () => {
    b = await launch({ webgpu: true });
    b.page.on("request", (r) => requested.push(r.url()));
    b.page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // The hostile fixture's payloads call alert(1); any call would raise this flag.
    await b.page.addInitScript(() => {
      window.alert = () => {
        /** @type {any} */ (window).__pwned = 1;
      };
    });
  });
  after(async () => {
    await b?.close();
  });

  const answerText = (page) =>
    page.evaluate(
      () => [...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "",
    );

  async function loadRecording(page, name, pace) {
    await page.getByLabel("Pace", { exact: true }).selectOption(pace);
    await page.getByLabel("Replay a recording (.json)").setInputFiles(fixture(name));
    const badge = page.getByTestId("replay-badge");
    await badge.filter({ hasText: name }).waitFor();
    return badge.innerText();
  }

  async function send(page, prompt) {
    await page.getByLabel("Message", { exact: true }).fill(prompt);
    await page.getByRole("button", { name: "Send", exact: true }).click();
  }

  it("streams, stops mid-way, regenerates with metrics and highlights code", async () => {
    const { page } = b;
    await page.goto(server.url + "#/chat");
    await viewShown(page, "Chat");
    await page.getByLabel("Pace", { exact: true }).selectOption("tps");
    await page.getByLabel("Tokens per second").fill("40");
    const badge = await loadRecording(page, "markdown-code.json", "tps");
    assert.match(
      badge,
      /Replay: markdown-code\.json — answers come from the recording, not a live model/,
    );
    assert.match(badge, /test fixture/);
    assert.equal(
      await page.getByLabel("Model", { exact: true }).inputValue(),
      "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC",
    );
    await page.getByText("Settings", { exact: true }).click();
    await page.getByLabel("System prompt").fill("You are a helpful coding assistant.");
    await send(page, "How do I reverse a linked list in Python?");

    // The text grows while it streams.
    await page.waitForFunction(
      () =>
        ([...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "")
          .length > 30,
    );
    const early = (await answerText(page)).length;
    await page.waitForTimeout(600);
    const later = (await answerText(page)).length;
    assert.ok(later > early, `text did not grow: ${early} → ${later}`);
    const live = await page.locator("[aria-live=polite][data-testid=answer-text]").count();
    assert.ok(live >= 1, "the streaming answer is not in an aria-live region");
    // A prompt cannot be edited while its answer is written (the button is hidden, not gone).
    const edit = page.getByRole("button", { name: "Edit and resend" });
    assert.equal(await edit.count(), 0, "Edit is offered while the answer streams");

    await page.getByRole("button", { name: "Stop", exact: true }).click();
    const finish = page.getByTestId("finish-reason");
    await finish.waitFor();
    assert.equal(await finish.innerText(), "stopped");
    const stopped = (await answerText(page)).length;
    await page.waitForTimeout(700);
    assert.equal((await answerText(page)).length, stopped, "text kept growing after Stop");
    assert.ok(stopped < 900, `stopped too late (${stopped} characters)`);
    await edit.waitFor();

    await page.getByRole("button", { name: "Regenerate", exact: true }).click();
    const usage = page.getByTestId("assistant-message").last().getByTestId("usage");
    await usage.waitFor({ timeout: 30_000 });
    const metrics = await usage.innerText();
    assert.match(metrics, /329 tok/);
    assert.match(metrics, /TTFT 260 ms/);
    assert.match(metrics, /decode 41\.6 tok\/s/);
    assert.match(metrics, /8\.16 s/);
    assert.equal(await page.getByTestId("assistant-message").count(), 1);
    assert.equal(await page.getByTestId("finish-reason").count(), 0);
    assert.match(await answerText(page), /Test it with a list of three nodes/);
    await page
      .locator("[data-testid=answer-text] pre code[data-highlighted] .hljs-keyword")
      .first()
      .waitFor();
    await screenshot(page, "chat-1280");
  });

  it("renders a hostile answer inert", async () => {
    const { page } = b;
    await page.getByRole("button", { name: "New chat" }).click();
    await page.waitForFunction(() => location.hash === "#/chat");
    await loadRecording(page, "hostile-answer.json", "fastest");
    await send(page, "Show me some HTML with an image.");
    const answer = page.getByTestId("assistant-message").last();
    await answer.getByTestId("usage").waitFor();
    assert.match(await answerText(page), /That is all\./);
    const found = await answer.evaluate((el) => {
      const all = [...el.querySelectorAll("*")];
      return {
        scripts: el.querySelectorAll("script").length,
        images: el.querySelectorAll("img").length,
        handlers: all
          .flatMap((n) => [...n.attributes].map((a) => a.name))
          .filter((a) => /^on/i.test(a)),
        jsLinks: [...el.querySelectorAll("[href]")].filter((a) =>
          /^\s*javascript:/i.test(a.getAttribute("href") ?? ""),
        ).length,
      };
    });
    assert.deepEqual(found, { scripts: 0, images: 0, handlers: [], jsLinks: 0 });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(
      requested.filter((u) => u.includes("example.com")),
      [],
    );
  });

  it("keeps the conversations across a reload", async () => {
    const { page } = b;
    assert.match(page.url(), /#\/chat\/[\w-]+$/);
    await page.reload();
    const list = page.locator("aside");
    await list.getByRole("link", { name: "Show me some HTML with an image." }).waitFor();
    await list.getByRole("link", { name: "How do I reverse a linked list in Python?" }).waitFor();
    await page.getByTestId("user-message").filter({ hasText: "Show me some HTML" }).waitFor();
    assert.match(await answerText(page), /That is all\./);
    assert.match(
      await page.getByTestId("assistant-message").innerText(),
      /Replayed from hostile-answer\.json \(test fixture\), not a live model/,
    );
    await list.getByRole("link", { name: "How do I reverse a linked list in Python?" }).click();
    await page.getByText("Reversing a linked list").waitFor();
    assert.equal(await page.getByTestId("assistant-message").count(), 1);
  });

  it("folds Qwen3 reasoning in a closed <details>", async () => {
    const { page } = b;
    await page.getByRole("button", { name: "New chat" }).click();
    await page.waitForFunction(() => location.hash === "#/chat");
    await loadRecording(page, "qwen3-think.json", "fastest");
    const settings = page.locator("details.settings");
    if ((await settings.getAttribute("open")) === null) await settings.locator("summary").click();
    const thinking = page.getByRole("checkbox", { name: /^Thinking/ });
    assert.equal(await thinking.isChecked(), true);
    await send(page, "What is 17 × 24?");
    const answer = page.getByTestId("assistant-message").last();
    await answer.getByTestId("usage").waitFor();
    const reasoning = answer.locator("details.reasoning");
    assert.equal(await reasoning.getAttribute("open"), null);
    assert.match(await reasoning.textContent(), /The user wants 17 times 24/);
    assert.match(await answerText(page), /17 × 24 = 408/);
    await page.getByRole("button", { name: "Back to real models" }).click();
    assert.equal(await page.getByTestId("replay-badge").count(), 0);
  });

  it("keeps the prompt and the partial answer when the page goes mid-stream", async () => {
    const { page } = b;
    await page.getByRole("button", { name: "New chat" }).click();
    await page.waitForFunction(() => location.hash === "#/chat");
    await page.getByLabel("Pace", { exact: true }).selectOption("tps");
    await page.getByLabel("Tokens per second").fill("30");
    await loadRecording(page, "markdown-code.json", "tps");
    await send(page, "Explain linked lists");
    await page.waitForFunction(
      () =>
        ([...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "")
          .length > 40,
    );
    // Past the first checkpoint save (every 2 s while an answer streams).
    await page.waitForTimeout(2500);
    await page.reload();
    await page.getByTestId("user-message").filter({ hasText: "Explain linked lists" }).waitFor();
    assert.match(await answerText(page), /Reversing a linked list/);
    assert.equal(await page.getByTestId("finish-reason").innerText(), "stopped");
  });

  it("renames, exports and deletes a conversation", async () => {
    const { page } = b;
    const list = page.locator("aside");
    await list.getByRole("button", { name: "Rename “Explain linked lists”" }).click();
    await list.getByLabel("New title").fill("Linked lists, cut short");
    await list.getByRole("button", { name: "Save" }).click();
    await list.getByRole("link", { name: "Linked lists, cut short" }).waitFor();
    assert.equal(
      await page.getByTestId("conversation-title").innerText(),
      "Linked lists, cut short",
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export Markdown" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "linked-lists-cut-short.md");
    const markdown = await readFile(await download.path(), "utf8");
    assert.match(markdown, /^# Linked lists, cut short/);
    assert.match(markdown, /## User\n\nExplain linked lists/);
    assert.match(markdown, /finished: abort/);
    await list.getByRole("button", { name: "Delete “Linked lists, cut short”" }).click();
    await list.getByRole("button", { name: "Delete for good" }).click();
    await page.waitForFunction(() => location.hash === "#/chat");
    assert.equal(await list.getByRole("link", { name: "Linked lists, cut short" }).count(), 0);
    await page.getByRole("link", { name: "What is 17 × 24?" }).click();
    await page.getByTestId("assistant-message").waitFor();
  });

  it("fits a 360 px screen", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByTestId("assistant-message").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360 px`);
    assert.equal(await page.locator("details.list").getAttribute("open"), null);
    await screenshot(page, "chat-360");
    await page.setViewportSize({ width: 1280, height: 860 });
    assert.deepEqual(b.errors, []);
  });
});

describe("Chat view with a real model that cannot download", () => {
  let b;
  const external = [];
  before(async () => {
    b = await launch({ webgpu: true });
    // No model host is reachable from the tests: fail every outside request at once.
    await b.page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
      external.push(route.request().url());
      return route.abort("internetdisconnected");
    });
  });
  after(async () => {
    await b?.close();
  });

  it("keeps the prompt, explains the network error and retries", async () => {
    const { page } = b;
    await page.goto(server.url + "#/chat");
    const picker = page.getByLabel("Model", { exact: true });
    await page.waitForFunction(
      () => !document.body.innerText.includes("Checking what this device"),
    );
    // The catalog's chunk can arrive after the device check: wait until a default is chosen.
    for (let i = 0; i < 300 && !(await picker.inputValue()); i++) await page.waitForTimeout(100);
    // SwiftShader has no shader-f16: the default is the q4f32 variant of the preferred generalist.
    assert.equal(await picker.inputValue(), "Qwen3-1.7B-q4f32_1-MLC");
    assert.equal(
      await picker.locator("option[value='Qwen3-1.7B-q4f16_1-MLC']").getAttribute("disabled"),
      "",
    );
    assert.match(
      await picker.locator("option[value='Qwen3-1.7B-q4f16_1-MLC']").innerText(),
      /won't run: Needs shader-f16/,
    );
    await page.getByLabel("Message", { exact: true }).fill("Hello");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    // The first Send of a model not yet downloaded asks, with the size; nothing was fetched yet.
    assert.match(await answerDownload(page), /Download this model\?[\s\S]*Qwen3-1\.7B/);
    const error = page.getByTestId("error-notice");
    await error.waitFor({ timeout: 30_000 });
    assert.equal(await error.getAttribute("data-code"), "network");
    assert.ok(external.some((u) => u.includes("Qwen3-1.7B-q4f32_1-MLC")));
    await page.getByTestId("user-message").filter({ hasText: "Hello" }).waitFor();
    const tries = external.length;
    await error.getByRole("button", { name: "Retry" }).click();
    for (let waited = 0; external.length === tries && waited < 10_000; waited += 100) {
      await page.waitForTimeout(100);
    }
    assert.ok(external.length > tries, "Retry did not try to download again");
    await error.waitFor();
    assert.equal(await page.getByTestId("user-message").count(), 1);
    await screenshot(page, "chat-load-error");
    assert.deepEqual(b.errors, []);
  });
});
