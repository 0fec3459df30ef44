// The Models view in real Chromium with SwiftShader WebGPU (no shader-f16): the catalog with fit
// badges and filters, a download that meets a blocked network (and a Retry that meets it again),
// and a custom model checked against the test server, kept across a reload and removed.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const F32 = "Qwen2.5-0.5B-Instruct-q4f32_1-MLC";
const F16 = "Qwen2.5-0.5B-Instruct-q4f16_1-MLC";
const GOOD_FOLDER = "fake-models/Tiny-Coder-q4f32_1-MLC/resolve/main/";
const MISSING_FOLDER = "fake-models/Missing-q4f32_1-MLC/resolve/main/";

let server;
let b;
/** Requests the page tried to send off this machine (all aborted). */
const blocked = [];

before(async () => {
  server = await serveDist();
  // Fixture: a chat config as mlc_llm gen_config writes it (trimmed).
  server.route(`/${GOOD_FOLDER}mlc-chat-config.json`, (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ model_type: "qwen2", context_window_size: 4096, tokenizer_files: [] }),
    );
  });
  b = await launch({ webgpu: true });
  await b.context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      blocked.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
});
after(async () => {
  await b?.close();
  await server?.close();
});

const row = (page, id) => page.locator(`[data-testid=model-row][data-model-id="${id}"]`);

async function openModels(page) {
  await page.goto(server.url + "#/models");
  await viewShown(page, "Models");
}

async function search(page, text) {
  await page.getByRole("searchbox").fill(text);
}

describe("Models view with SwiftShader WebGPU", () => {
  it("lists and deletes downloads without fetching the model runtime", async () => {
    const { page } = b;
    // First in this file: nothing has started the runtime yet in this browser.
    const scripts = [];
    const onRequest = (r) => {
      // The service worker precaches the app shell (the runtimes' small client chunks among
      // it) for offline use: those fetches start nothing. The page's own requests count.
      if (r.serviceWorker()) return;
      if (r.resourceType() === "script" || /\.js(\?|$)/.test(r.url())) scripts.push(r.url());
    };
    b.context.on("request", onRequest);
    try {
      await openModels(page);
      await page.getByText(/^None yet/).waitFor();
      // A download as web-llm's Cache API backend keeps it: manifest, shards, config, library.
      await page.evaluate(
        async ({ id }) => {
          const folder = `https://huggingface.co/mlc-ai/${id}/resolve/main/`;
          const json = (v) =>
            new Response(JSON.stringify(v), { headers: { "content-type": "application/json" } });
          const model = await caches.open("webllm/model");
          const records = [0, 1].map((i) => ({
            dataPath: `params_shard_${i}.bin`,
            nbytes: 300 * 1024 * 1024,
          }));
          await model.put(`${folder}tensor-cache.json`, json({ records }));
          for (const r of records) await model.put(folder + r.dataPath, new Response("x"));
          await model.put(`${folder}tokenizer.json`, json({}));
          await (await caches.open("webllm/config")).put(`${folder}mlc-chat-config.json`, json({}));
        },
        { id: F32 },
      );
      await page.reload();
      const list = page.getByTestId("cached-models");
      await list.waitFor();
      const item = list.getByRole("listitem");
      assert.equal(await item.count(), 1);
      // The size comes from the stored manifest (2 × 300 MiB).
      await item
        .filter({ hasText: /Qwen2\.5-0\.5B-Instruct.*q4f32/ })
        .filter({ hasText: "600 MB" })
        .waitFor();
      await item.getByRole("button", { name: `Delete ${F32} from the cache` }).click();
      await list.waitFor({ state: "detached" });
      await page.getByText(/^None yet/).waitFor();
      const left = await page.evaluate(async () => {
        const urls = [];
        for (const name of ["webllm/model", "webllm/config"]) {
          for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
        }
        return urls;
      });
      assert.deepEqual(left, []);
      // Neither web-llm's worker nor the CPU runtime (wllama, in `cpu-root`): the GGUF store
      // is read from the page too.
      const runtime = scripts.filter((u) => /engine\.worker|worker-engine|cpu-root|wllama/.test(u));
      assert.deepEqual(runtime, [], "no model runtime chunk was requested");
      assert.ok(
        scripts.some((u) => /ModelsView/.test(u)),
        scripts.join("\n"),
      );
    } finally {
      b.context.off("request", onRequest);
    }
    // The sizes read from the seeded manifest stay known to this page; the next test wants none.
    await page.reload();
    assert.deepEqual(b.errors, []);
  });

  it("lists the catalog with fit badges and reasons, and filters it", async () => {
    const { page } = b;
    await openModels(page);
    await search(page, "Qwen2.5-0.5B-Instruct");
    // The device probe decides the badges: wait for a real one.
    await row(page, F32).getByTestId("fit-badge").filter({ hasText: "fits" }).waitFor();
    const f16 = await row(page, F16).innerText();
    assert.match(f16, /won't run/);
    assert.match(f16, /shader-f16/);
    assert.match(await row(page, F32).innerText(), /0\.5B params · q4f32_1/);

    await search(page, "");
    const filters = page.getByRole("search");
    await filters.getByLabel("Role").selectOption("specialist");
    await filters.getByLabel("Domain").selectOption("code");
    await row(page, "Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC").waitFor();
    const rows = page.getByTestId("model-row");
    const texts = await rows.allInnerTexts();
    assert.ok(texts.length > 1 && texts.length < 40, `${texts.length} rows`);
    for (const text of texts) assert.match(text, /^specialist · [^\n]*code/m);
    assert.ok(texts.some((t) => /Qwen2\.5-Coder/.test(t)));
    await screenshot(page, "models-filtered-1280");
    await page.getByRole("button", { name: "Clear filters" }).click();
    // Unfiltered, the ~165 models sit in closed family groups: no rows rendered.
    assert.equal(await rows.count(), 0);
    await screenshot(page, "models-1280");
    assert.deepEqual(b.errors, []);
  });

  it("shows the network error with Retry when downloads are blocked, and stays usable", async () => {
    const { page } = b;
    await openModels(page);
    await search(page, F32);
    await row(page, F32).getByRole("button", { name: /q4f32/ }).click();
    const details = row(page, F32);
    // Offline, the exact size cannot be read: the estimate is shown, labelled as one.
    await details.getByTestId("download-size").filter({ hasText: "(estimate)" }).waitFor();
    await details.getByRole("button", { name: "Download", exact: true }).click();

    const downloads = page.getByTestId("downloads");
    const notice = downloads.getByTestId("error-notice");
    await notice.waitFor({ timeout: 60_000 });
    assert.equal(await notice.getAttribute("data-code"), "network");
    const first = await notice.innerText();
    assert.match(first, /Could not download the model files/);
    assert.match(first, /retry/i);
    const triedBefore = blocked.length;
    const hf = `https://huggingface.co/mlc-ai/${F32}/resolve/main/`;
    // The size check asked for the manifest where web-llm reads it; the download, for the config.
    assert.ok(blocked.includes(`${hf}tensor-cache.json`), blocked.join("\n"));
    assert.ok(blocked.includes(`${hf}mlc-chat-config.json`), blocked.join("\n"));

    await notice.getByRole("button", { name: "Retry" }).click();
    // The retry reaches the network again (the worker's requests are routed too) and fails the same way.
    const deadline = Date.now() + 60_000;
    while (blocked.length === triedBefore && Date.now() < deadline) await page.waitForTimeout(100);
    await downloads.getByTestId("error-notice").waitFor({ timeout: 60_000 });
    assert.equal(await downloads.getByTestId("error-notice").getAttribute("data-code"), "network");
    assert.equal(await downloads.getByTestId("error-notice").innerText(), first);
    assert.ok(blocked.length > triedBefore, "Retry fetched again");
    await screenshot(page, "models-download-error-1280");

    // Still usable: another view, back, filter.
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: "Device" })
      .click();
    await page.getByTestId("device-verdict").waitFor();
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: "Models" })
      .click();
    await search(page, "Coder-0.5B q4f32");
    await row(page, "Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC").waitFor();
    assert.deepEqual(b.errors, []);
  });

  it("shows every invalid field of the custom model form at once", async () => {
    const { page } = b;
    await openModels(page);
    const form = page.locator("form.add");
    const vram = form.getByLabel(/^GPU memory/);
    assert.equal(await vram.getAttribute("type"), "number");
    assert.equal(await vram.getAttribute("min"), "1");
    await form.getByLabel("Name").fill("");
    await form.getByLabel(/^Model URL/).fill("not a url");
    await form.getByLabel(/^Model library URL/).fill("ftp://x");
    await vram.fill("-5");
    await form.getByRole("button", { name: "Check and add" }).click();
    const errors = await form.getByTestId("field-error").allInnerTexts();
    for (const expected of [
      /Give the model a name/,
      /model URL is not a URL/,
      /model library URL must start with https:\/\/ or http:\/\//,
      /GPU memory must be a positive number/,
    ]) {
      assert.ok(
        errors.some((e) => expected.test(e)),
        `${expected} in ${errors.join(" | ")}`,
      );
    }
    for (const label of [/^Name/, /^Model URL/, /^Model library URL/, /^GPU memory/]) {
      assert.equal(await form.getByLabel(label).getAttribute("aria-invalid"), "true", `${label}`);
    }
    await screenshot(page, "models-form-errors");
    await vram.fill("");
    await form.getByLabel(/^Model library URL/).fill("");
    assert.deepEqual(b.errors, []);
  });

  it("adds a custom model after checking its files, keeps it across a reload and removes it", async () => {
    const { page } = b;
    await openModels(page);
    const form = page.locator("form.add");
    await form.getByLabel("Name").fill("Tiny coder");
    await form.getByLabel(/^Model URL/).fill("not a url");
    await form
      .getByLabel(/^Model library URL/)
      .fill(`${server.url}fake-libs/v0_2_86/tiny-webgpu.wasm`);
    await form.getByLabel("code").check();
    await form.getByRole("button", { name: "Check and add" }).click();
    assert.match(await form.getByTestId("field-error").innerText(), /model URL is not a URL/);

    await form.getByLabel(/^Model URL/).fill(server.url + MISSING_FOLDER);
    await form.getByRole("button", { name: "Check and add" }).click();
    const notice = form.getByTestId("error-notice");
    await notice.waitFor();
    assert.equal(await notice.getAttribute("data-code"), "not-found");
    assert.match(
      await notice.innerText(),
      /No mlc-chat-config\.json at .*Missing-q4f32_1-MLC.*\(404\)/,
    );

    await form.getByLabel(/^Model URL/).fill(server.url + GOOD_FOLDER);
    await form.getByRole("button", { name: "Check and add" }).click();
    await form.getByRole("status").filter({ hasText: "Added Tiny coder" }).waitFor();
    const listed = page.getByTestId("custom-models");
    assert.match(await listed.innerText(), /Tiny coder[\s\S]*specialist · code/);
    await search(page, "Tiny");
    assert.match(await row(page, "Tiny-Coder-q4f32_1-MLC").innerText(), /specialist · code/);

    // The engine worker knows the model: its download fetches the library from the test server.
    await row(page, "Tiny-Coder-q4f32_1-MLC").getByRole("button", { name: "Tiny coder" }).click();
    await row(page, "Tiny-Coder-q4f32_1-MLC")
      .getByRole("button", { name: "Download", exact: true })
      .click();
    const failed = page
      .locator('[data-testid=download-item][data-model-id="Tiny-Coder-q4f32_1-MLC"]')
      .getByTestId("error-notice");
    await failed.waitFor({ timeout: 60_000 });
    assert.equal(await failed.getAttribute("data-code"), "not-found");
    assert.ok(server.requests.some((r) => r.path === "/fake-libs/v0_2_86/tiny-webgpu.wasm"));

    await page.reload();
    await page.getByTestId("custom-models").filter({ hasText: "Tiny coder" }).waitFor();
    await page.getByRole("button", { name: "Remove Tiny coder" }).click();
    await page.getByTestId("custom-models").waitFor({ state: "detached" });
    await page.reload();
    await page.getByText("You have not added a model yet.").waitFor();
    await search(page, "Tiny-Coder");
    assert.equal(await page.getByTestId("model-row").count(), 0);
    assert.deepEqual(b.errors, []);
  });

  it("keeps the cache backend setting across a reload", async () => {
    const { page } = b;
    /** The radios are disabled while a choice is saved and the cache re-read. */
    const settled = () =>
      page.waitForFunction(
        () => !document.querySelector("input[name=cache-backend]:checked")?.matches(":disabled"),
      );
    // The view has read the saved setting once the cache scan it starts after it has answered
    // ("None yet (the cache could not be read)." shows before any scan).
    const opened = async () => {
      await openModels(page);
      await page.getByText("None yet.", { exact: true }).waitFor();
    };
    await opened();
    await page.getByRole("radio", { name: /^IndexedDB/ }).check();
    await settled();
    await page.reload();
    await opened();
    assert.equal(await page.getByRole("radio", { name: /^IndexedDB/ }).isChecked(), true);
    await page.getByRole("radio", { name: /^Cache API/ }).check();
    await settled();
    await page.reload();
    await opened();
    assert.equal(await page.getByRole("radio", { name: /^Cache API/ }).isChecked(), true);
    assert.equal(await page.getByRole("radio", { name: /^IndexedDB/ }).isChecked(), false);
    assert.deepEqual(b.errors, []);
  });

  it("fits 360 px without sideways scrolling", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    await openModels(page);
    await search(page, "Qwen2.5-0.5B");
    await row(page, F32).getByTestId("fit-badge").filter({ hasText: "fits" }).waitFor();
    await row(page, F32).getByRole("button", { name: /q4f32/ }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360 px`);
    await screenshot(page, "models-360px");
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
