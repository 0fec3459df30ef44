// The CPU runtime inside the app, in Chromium without WebGPU: real tokens from tiny GGUF models
// written at test time and served by the test server. A model is added through the "bring your
// own GGUF" form (its header is read before anything downloads), then Chat streams from it and
// stops, and answers again with the network off after a reload (the service worker keeps the
// runtime's files, the runtime keeps the model), and Compare runs it beside a replayed column. The Device view says models run on the
// CPU and with how many threads, and why.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { answerDownload, launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";
import { fileRoute, tinyModel } from "./helpers/gguf-files.mjs";

const FIXTURE = "tests/fixtures/recordings/compare-two-models.json";
const fixture = JSON.parse(await readFile(FIXTURE, "utf8"));
const [REPLAYED, DROPPED] = fixture.models;
const PROMPT = fixture.entries[0].request.messages.at(-1).content;
const replayedAnswer = fixture.entries.find((e) => e.modelId === REPLAYED.id).result.text;

let server;
let b;
let model;
const offHost = [];
const slowLog = [];
before(async () => {
  model = await tinyModel({ seed: 3 });
  server = await serveDist();
  server.route("/models/tiny-chat.gguf", fileRoute(model.path));
  // Trickled: about 4 s for the whole file, so a download can be cancelled or cut by a reload.
  server.route(
    "/models/slow-tiny.gguf",
    fileRoute(model.path, { chunkBytes: 8192, delayMs: 60, log: slowLog }),
  );
  server.route("/models/not-a-model.gguf", (req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><p>Not found, but said politely.</p>".repeat(100));
  });
  b = await launch({ webgpu: false });
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
const lastAnswer = (page) =>
  page.evaluate(
    () => [...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "",
  );

/**
 * Open Chat afresh, ask `modelId` for `text` with at most `maxTokens`, and return the usage line
 * of that answer (the new one, not one the restored conversation already had).
 */
async function askInChat(page, modelId, text, maxTokens) {
  await page.goto("about:blank");
  await page.goto(server.url + "#/chat");
  await viewShown(page, "Chat");
  await page.getByLabel("Model", { exact: true }).selectOption(modelId);
  await page.getByText("Settings", { exact: true }).click();
  await page.getByLabel("Max tokens").fill(String(maxTokens));
  const answers = page.getByTestId("assistant-message");
  const before = await answers.count();
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const usage = answers.nth(before).getByTestId("usage");
  await usage.waitFor({ timeout: 60_000 });
  return usage.innerText();
}

describe("The app on the CPU runtime, without WebGPU", () => {
  it("says on the Device view that models run on the CPU, with one thread here and why", async () => {
    const { page } = b;
    await page.goto(server.url + "#/device");
    const verdict = page.getByTestId("device-verdict");
    await verdict.waitFor();
    const text = await verdict.innerText();
    assert.match(text, /No WebGPU: models run on the CPU/);
    // The test server sends COOP/COEP: isolated, so the thread count follows the cores.
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.match(text, /Models run on the CPU \(llama\.cpp in WebAssembly\).*thread/);
  });

  it("adds a GGUF by URL after reading its header, and refuses a file that is no GGUF", async () => {
    const { page } = b;
    await page.goto(server.url + "#/models");
    const form = page.getByTestId("gguf-form");
    await form.waitFor();
    await form.getByLabel("GGUF file URL").fill(server.url + "models/not-a-model.gguf");
    await form.getByLabel("Name").fill("Not a model");
    await form.getByLabel("chat", { exact: true }).check();
    await form.getByRole("button", { name: "Check and add" }).click();
    await form.getByText("This file is not a GGUF model.").waitFor();

    await form.getByLabel("GGUF file URL").fill(server.url + "models/tiny-chat.gguf");
    await form.getByLabel("Name").fill("Tiny chat");
    await form.getByLabel("Role").selectOption("generalist");
    await form.getByRole("button", { name: "Check and add" }).click();
    const added = form.getByTestId("gguf-added");
    await added.waitFor();
    assert.match(await added.innerText(), /Added Tiny chat \(tiny-chat-GGUF\): llama architecture/);
    // Only the header was read: no request fetched the whole file yet.
    const gets = server.requests.filter((r) => r.path === "/models/tiny-chat.gguf");
    assert.ok(gets.length >= 1);
    await screenshot(page, "models-gguf-added");
  });

  it("streams a real answer in Chat from the tiny GGUF and stops it mid-way", async () => {
    const { page } = b;
    await page.goto(server.url + "#/chat");
    await viewShown(page, "Chat");
    await page.getByLabel("Model", { exact: true }).selectOption("tiny-chat-GGUF");
    await page.getByText("Settings", { exact: true }).click();
    await page.getByLabel("Max tokens").fill("2000");
    await page.getByLabel("Message", { exact: true }).fill("Hello, who are you?");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    // The first Send of a model not on the device asks before it downloads.
    assert.match(await answerDownload(page), /Tiny chat/);
    // The text grows while it streams (the random weights never say when to stop).
    await page.waitForFunction(
      () =>
        ([...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "")
          .length > 40,
      undefined,
      { timeout: 60_000 },
    );
    const early = (await lastAnswer(page)).length;
    await page.waitForFunction(
      (n) =>
        ([...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "")
          .length > n,
      early,
      { timeout: 30_000 },
    );
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    const finish = page.getByTestId("finish-reason");
    await finish.waitFor();
    assert.equal(await finish.innerText(), "stopped");
    // Read it once it is rendered as markdown: on a loaded machine the renderer can arrive after
    // Stop, and its first render is the same text laid out anew (a final line break differs).
    await page
      .getByTestId("answer-text")
      .last()
      .locator(".markdown[data-rendering=false]")
      .waitFor({ timeout: 30_000 });
    const stopped = await lastAnswer(page);
    await page.waitForTimeout(500);
    assert.equal(await lastAnswer(page), stopped, "no text after Stop");
    assert.ok(stopped.trim().length > 0);

    // A short answer runs to its end and reports llama.cpp's own measurements.
    await page.getByLabel("Max tokens").fill("12");
    await page.getByRole("button", { name: "Regenerate", exact: true }).click();
    const usage = page.getByTestId("assistant-message").last().getByTestId("usage");
    await usage.waitFor({ timeout: 60_000 });
    assert.match(await usage.innerText(), /12 tok/);
    assert.match(await usage.innerText(), /decode [\d.]+ tok\/s/);
    await screenshot(page, "chat-cpu-runtime");
  });

  it("loads the downloaded model and answers with the network off, after a reload", async () => {
    const { page, context } = b;
    // The service worker caches the CPU runtime's files on first use: one answer online with it
    // in control, then the same offline from a reloaded page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
      }
    });
    const ask = (text) => askInChat(page, "tiny-chat-GGUF", text, 8);
    assert.match(await ask("Warm the caches."), /8 tok/);
    // The runtime's .wasm is in the service worker's on-demand cache (put there on first use).
    await page.waitForFunction(async () => {
      const cache = await caches.open("polymath-on-demand");
      return (await cache.keys()).some((r) => /\/assets\/wllama-[^/]*\.wasm$/.test(r.url));
    });
    // Requests the online answer left in flight land before the count starts.
    await page.waitForLoadState("networkidle");
    await context.setOffline(true);
    try {
      const before = server.requests.length;
      const usage = await ask("Answer me offline.");
      assert.match(usage, /8 tok/);
      assert.ok((await lastAnswer(page)).trim().length > 0, "a real answer, offline");
      assert.equal(
        await page.getByTestId("download-consent").isVisible(),
        false,
        "nothing to download",
      );
      // The browser's own update check of the service worker (sw.js and the Workbox script it
      // imports) is not the app's request and is not held back by the emulated offline state;
      // anything else would be.
      assert.deepEqual(
        server.requests.slice(before).filter((r) => !/^\/(sw|workbox-[\w-]+)\.js$/.test(r.path)),
        [],
        "nothing reached the server while offline",
      );
    } finally {
      await context.setOffline(false);
    }
  });

  it("runs a tiny-GGUF column beside a replayed column in Compare", async () => {
    const { page } = b;
    await page.goto(server.url + "#/compare");
    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(FIXTURE);
    await page.getByTestId("replay-badge").waitFor();
    const list = page.getByTestId("model-list");
    await list.getByRole("checkbox", { name: new RegExp(`^${DROPPED.label}`) }).uncheck();
    await page.getByLabel("Filter").fill("Tiny chat");
    await list.locator("label", { hasText: "Tiny chat" }).first().click();
    assert.equal(await list.getByRole("checkbox", { checked: true }).count(), 2);
    await page.getByTestId("recorded-prompts").getByRole("button", { name: PROMPT }).click();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForFunction(
      () => {
        const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
        return (
          s.length === 2 &&
          s.every((e) => /Done|Error/.test(e.textContent ?? "")) &&
          // and both answers rendered as markdown, which the text below is compared with
          !document.querySelector("[data-markdown=pending], [data-rendering=true]")
        );
      },
      undefined,
      { timeout: 120_000 },
    );
    const names = await page.getByTestId("column-name").allInnerTexts();
    const statuses = await page.getByTestId("column-status").allInnerTexts();
    const replayedAt = names.findIndex((n) => n.includes(REPLAYED.label));
    const liveAt = names.findIndex((n) => n.includes("Tiny chat"));
    assert.ok(replayedAt >= 0 && liveAt >= 0, `columns: ${names.join(" | ")}`);
    assert.match(statuses[replayedAt], /Done/);
    assert.match(statuses[liveAt], /Done/, statuses[liveAt]);
    const shown = squeeze(await page.getByTestId("answer-text").nth(replayedAt).innerText());
    assert.equal(shown, squeeze(replayedAnswer.replace(/```\w*\n?/g, "").replace(/`/g, "")));
    const live = squeeze(await page.getByTestId("answer-text").nth(liveAt).innerText());
    assert.ok(live.length > 0, "the CPU column generated text");
    assert.match(
      await page.getByTestId("runtime-source").innerText(),
      /Ran on this device: Tiny chat \(CPU, llama\.cpp\)/,
    );
    await screenshot(page, "compare-cpu-beside-replay");
  });

  it("downloads a CPU model with size up front and progress; cancel and resume from the saved bytes, delete; a download cut by a reload is not present and resumes", async () => {
    const { page } = b;
    await page.goto(server.url + "#/models");
    const form = page.getByTestId("gguf-form");
    await form.getByLabel("GGUF file URL").fill(server.url + "models/slow-tiny.gguf");
    await form.getByLabel("Name").fill("Slow tiny");
    await form.getByLabel("chat", { exact: true }).check();
    await form.getByRole("button", { name: "Check and add" }).click();
    await form.getByTestId("gguf-added").waitFor({ timeout: 60_000 });

    const openRow = async () => {
      await page.getByLabel("Search", { exact: true }).fill("Slow tiny");
      const row = page.locator('[data-testid=model-row][data-model-id="slow-tiny-GGUF"]');
      await row.waitFor();
      if ((await row.getByTestId("download-size").count()) === 0) {
        await row.getByRole("button", { name: "Slow tiny" }).click();
      }
      return row;
    };
    let row = await openRow();
    const kb = `${Math.round(model.bytes / 1024)} KB`;
    assert.match(await row.getByTestId("download-size").innerText(), new RegExp(`${kb}.*exact`));
    assert.match(
      await row.getByTestId("model-source").innerText(),
      /GGUF from http.*slow-tiny\.gguf/,
    );

    // Progress, then Cancel: what arrived is kept, but does not count as downloaded.
    await row.getByRole("button", { name: "Download", exact: true }).click();
    const item = page.locator('[data-testid=download-item][data-model-id="slow-tiny-GGUF"]');
    // Some bytes have arrived (the line shows a share above 0%) before the download is cancelled.
    await item.getByText(/of .*KB · [1-9]\d?%/).waitFor({ timeout: 30_000 });
    await item.getByRole("button", { name: "Cancel" }).click();
    await item.getByText("cancelled; saved parts are kept").waitFor();
    assert.equal(await row.getByText("Downloaded.").count(), 0);
    await page.waitForTimeout(300);
    assert.equal(slowLog.at(-1), "aborted", "the transfer stopped");

    // Resume: the host is asked only for the bytes after those saved, and the file is whole.
    const resumeAt = slowLog.length;
    await item.getByRole("button", { name: "Resume" }).click();
    await item.getByText("downloaded", { exact: true }).waitFor({ timeout: 60_000 });
    await row.getByText("Downloaded.").waitFor();
    const asked = slowLog.slice(resumeAt);
    const from = Number(/^range (\d+)-$/.exec(asked[0] ?? "")?.[1]);
    assert.ok(from > 0 && from < model.bytes, `resumed mid-file: ${asked.join(", ")}`);
    assert.deepEqual(asked.slice(1), ["complete"]);
    const inventory = page.getByTestId("cached-models");
    await inventory.getByText("Slow tiny").waitFor();
    await inventory.getByRole("button", { name: "Delete slow-tiny-GGUF from the cache" }).click();
    await inventory.getByText("Slow tiny").waitFor({ state: "detached" });
    assert.equal(await row.getByText("Downloaded.").count(), 0);

    // A reload in the middle of a download: after it the model is not "downloaded", and the
    // next download continues from what the cut one saved, then the model loads and answers.
    await row.getByRole("button", { name: "Download", exact: true }).click();
    await item.getByText(/of .*KB · [1-9]\d?%/).waitFor({ timeout: 30_000 });
    await page.reload();
    const afterReload = slowLog.length;
    row = await openRow();
    // The scan is done once the model Chat downloaded earlier is listed.
    await page.getByTestId("cached-models").getByText("Tiny chat").waitFor();
    assert.equal(await row.getByText("Downloaded.").count(), 0, "a cut download is not present");
    await row.getByRole("button", { name: "Download", exact: true }).click();
    await item.getByText("downloaded", { exact: true }).waitFor({ timeout: 60_000 });
    const healed = slowLog.slice(afterReload).filter((line) => line.startsWith("range"));
    assert.equal(healed.length, 1, `one range request after the reload: ${slowLog.join(", ")}`);
    assert.match(await askInChat(page, "slow-tiny-GGUF", "Hi", 6), /6 tok/);
  });

  it("checks a catalog model's download against the SHA-256 its repository lists: a mismatch is deleted, the right file is kept", async () => {
    const { page } = b;
    const repo = "Qwen/Qwen2.5-0.5B-Instruct-GGUF";
    const file = "qwen2.5-0.5b-instruct-q4_k_m.gguf";
    const bytes = await readFile(model.path);
    const { createHash } = await import("node:crypto");
    const right = createHash("sha256").update(bytes).digest("hex");
    let listed = "0".repeat(64);
    const served = [];
    const cors = { "access-control-allow-origin": "*" };
    // Hugging Face as the app meets it: the file list (with each file's Git LFS SHA-256) and
    // the file itself, here the tiny model under the catalog model's file name.
    // While `hfDown`, Hugging Face is unreachable and every request to it is noted.
    let hfDown = false;
    const hfAsked = [];
    const down = (route) => {
      hfAsked.push(route.request().url());
      return route.abort("internetdisconnected");
    };
    await b.context.route(`https://huggingface.co/api/models/${repo}/tree/**`, (route) =>
      hfDown
        ? down(route)
        : route.fulfill({
            status: 200,
            headers: { ...cors, "content-type": "application/json" },
            body: JSON.stringify([
              {
                type: "file",
                path: file,
                size: bytes.length,
                lfs: { oid: listed, size: bytes.length },
              },
            ]),
          }),
    );
    await b.context.route(`https://huggingface.co/${repo}/resolve/main/${file}`, (route) => {
      if (hfDown) return down(route);
      served.push(route.request().headers()["range"] ?? "whole");
      return route.fulfill({
        status: 200,
        headers: { ...cors, "content-type": "application/octet-stream" },
        body: bytes,
      });
    });
    try {
      await page.goto(server.url + "#/models");
      await page.getByLabel("Search", { exact: true }).fill("Qwen2.5 0.5B Instruct");
      const row = page.locator(
        '[data-testid=model-row][data-model-id="Qwen2.5-0.5B-Instruct-GGUF"]',
      );
      await row.waitFor();
      if ((await row.getByTestId("download-size").count()) === 0) {
        await row.getByRole("button").first().click();
      }
      await row.getByRole("button", { name: "Download", exact: true }).click();
      const item = page.locator(
        '[data-testid=download-item][data-model-id="Qwen2.5-0.5B-Instruct-GGUF"]',
      );
      await item.getByText("failed", { exact: true }).waitFor({ timeout: 60_000 });
      assert.match(await item.innerText(), /SHA-256 differs[\s\S]*broken copy was deleted/);
      assert.equal(await row.getByText("Downloaded.").count(), 0);
      // The store keeps a file under the first 32 hex digits of its URL's SHA-256.
      const url = `https://huggingface.co/${repo}/resolve/main/${file}`;
      const key = createHash("sha256").update(url).digest("hex").slice(0, 32);
      const left = await page.evaluate(async (name) => {
        const root = await navigator.storage.getDirectory();
        const dir = await root.getDirectoryHandle("polymath-models");
        /** @param {string} file */
        const size = async (file) => {
          try {
            return (await (await dir.getFileHandle(file)).getFile()).size;
          } catch {
            return null;
          }
        };
        return { data: await size(`${name}.gguf`), record: await size(`${name}.json`) };
      }, key);
      assert.deepEqual(left, { data: 0, record: null }, "the copy was emptied and has no record");

      // The repository now lists the file's real digest: the same bytes are kept, and present.
      listed = right;
      await page.reload();
      await page.getByLabel("Search", { exact: true }).fill("Qwen2.5 0.5B Instruct");
      await row.waitFor();
      if ((await row.getByTestId("download-size").count()) === 0) {
        await row.getByRole("button").first().click();
      }
      await row.getByRole("button", { name: "Download", exact: true }).click();
      await item.getByText("downloaded", { exact: true }).waitFor({ timeout: 60_000 });
      await row.getByText("Downloaded.").waitFor();
      assert.deepEqual(served, ["whole", "whole"], "each try fetched the file from the start");

      // Saved, it loads with the network off and Hugging Face gone: the copy is found without
      // the repository's file list.
      hfDown = true;
      await b.context.setOffline(true);
      try {
        const usage = await askInChat(page, "Qwen2.5-0.5B-Instruct-GGUF", "Hi, offline.", 4);
        assert.match(usage, /4 tok/);
        assert.deepEqual(hfAsked, [], "the saved model loaded without asking Hugging Face");
      } finally {
        hfDown = false;
        await b.context.setOffline(false);
      }
      await page.goto(server.url + "#/models");
      await page.getByLabel("Search", { exact: true }).fill("Qwen2.5 0.5B Instruct");
      await row.waitFor();
      await page
        .getByTestId("cached-models")
        .getByRole("button", { name: "Delete Qwen2.5-0.5B-Instruct-GGUF from the cache" })
        .click();
      await row.getByText("Downloaded.").waitFor({ state: "detached" });
    } finally {
      await b.context.unroute(`https://huggingface.co/api/models/${repo}/tree/**`);
      await b.context.unroute(`https://huggingface.co/${repo}/resolve/main/${file}`);
    }
  });

  it("runs the tiny GGUF as a bench-run model, its source the CPU runtime", async () => {
    const { page } = b;
    await page.goto(server.url + "#/bench");
    await viewShown(page, "Bench");
    const runs = page.locator("#runs");
    await runs.getByLabel(/Math word problems \(/).check();
    await runs.getByLabel("Items per suite").fill("2");
    await runs
      .getByTestId("run-models")
      .getByLabel(/Tiny chat/)
      .check();
    await runs.getByRole("button", { name: "Run 2 items on 1 model" }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector("[data-testid=run-report] p.muted")
          ?.textContent?.includes("2 of 2 items scored"),
      undefined,
      { timeout: 120_000 },
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("run-report").getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const json = JSON.parse(await readFile(await download.path(), "utf8"));
    const [ref] = json.run.config.models;
    assert.deepEqual([ref.id, ref.source], ["tiny-chat-GGUF", "wllama"]);
    assert.equal(json.results.length, 2);
    for (const r of json.results) {
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      assert.ok(r.answer.length > 0, "a generated answer");
      assert.ok(r.usage.completionTokens > 0);
      assert.ok(r.verdict, "scored");
    }
  });

  it("fetched nothing off this machine and threw no page errors", () => {
    assert.deepEqual(offHost, []);
    assert.deepEqual(b.errors, []);
  });
});
