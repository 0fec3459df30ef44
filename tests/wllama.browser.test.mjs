// The CPU runtime (wllama, llama.cpp in WebAssembly) in real Chromium, generating real tokens from
// tiny GGUF models written at test time: loading with progress and cancel, streaming to
// max_tokens, seeds, top_p, stop strings, stopping mid-stream, several models at once, threads
// with and without cross-origin isolation, the compat build, a model host on another origin, and
// no request to anywhere but the page's own origin. Runs without WebGPU unless a test says so.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { launch } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";
import { buildTestPages } from "./helpers/build-pages.mjs";
import { fileRoute, tinyModel } from "./helpers/gguf-files.mjs";

const HELLO = [{ role: "user", content: "Hello! Tell me about the team of small models." }];
const PRINTABLE = /^[\x20-\x7e\n]+$/;

let pages;
let modelA;
let modelB;
before(async () => {
  pages = await buildTestPages("wllama");
  modelA = await tinyModel({ seed: 1 });
  modelB = await tinyModel({ seed: 2 });
});

/**
 * A server for the test pages with the models routed, and a browser whose every request is
 * logged; any request off the page's origin is aborted and counted.
 * @param {{ isolated?: boolean, webgpu?: boolean, initScript?: () => unknown }} [options]
 */
async function start({ isolated = true, webgpu = false, initScript } = {}) {
  const server = await serveDist(pages, { isolated });
  /** @type {string[]} */
  const downloads = [];
  server.route("/models/a.gguf", fileRoute(modelA.path));
  server.route("/models/b.gguf", fileRoute(modelB.path));
  server.route(
    "/models/slow.gguf",
    fileRoute(modelA.path, { chunkBytes: 32_768, delayMs: 40, log: downloads }),
  );
  const b = await launch({ webgpu });
  const origin = new URL(server.url).origin;
  const foreign = [];
  await b.context.route(
    (url) => url.origin !== origin,
    (route) => {
      foreign.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  const seen = [];
  b.context.on("request", (r) => seen.push(r.url()));
  if (initScript) await b.context.addInitScript(initScript);
  const page = b.page;
  await page.goto(server.url + "index.html");
  await page.waitForFunction(() => typeof window.wllamaPage === "object");
  await page.evaluate(() => {
    window.wllamaPage.register("tiny-a", "/models/a.gguf");
    window.wllamaPage.register("tiny-b", "/models/b.gguf");
    window.wllamaPage.register("tiny-slow", "/models/slow.gguf");
  });
  return {
    server,
    page,
    errors: b.errors,
    foreign,
    seen,
    downloads,
    close: async () => {
      await b.close();
      await server.close();
    },
  };
}

const load = (page, ids, cancelWhen) =>
  page.evaluate(([i, c]) => window.wllamaPage.load(i, c), [ids, cancelWhen]);
const chat = (page, modelId, params, stopAfter, how, messages = HELLO) =>
  page.evaluate(
    ([m, msgs, p, s, h]) => window.wllamaPage.chat(m, msgs, p, s, h),
    [modelId, messages, params, stopAfter, how],
  );

describe("CPU runtime, one thread, no WebGPU", () => {
  let t;
  before(async () => {
    // Two logical cores whatever the machine has, so the thread plan (one thread) is the same everywhere.
    t = await start({
      initScript: () =>
        Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => 2 }),
    });
  });
  after(() => t?.close());

  it("loads a generated GGUF from the page's origin and streams real tokens to max_tokens", async () => {
    const { page } = t;
    const adapter = await page.evaluate(
      async () => (await navigator.gpu?.requestAdapter()) ?? null,
    );
    assert.equal(adapter, null, "this browser has no WebGPU adapter");
    const loaded = await load(page, ["tiny-a"]);
    assert.equal(loaded.error, undefined, JSON.stringify(loaded.error));
    assert.deepEqual(loaded.loaded, ["tiny-a"]);
    const phases = [...new Set(loaded.progress.map((p) => p.phase))];
    assert.deepEqual(phases, ["fetching", "loading", "ready"]);
    assert.equal(loaded.progress.at(-1).fraction, 1);
    const withBytes = loaded.progress.find((p) => p.totalBytes !== undefined);
    assert.equal(withBytes?.totalBytes, modelA.bytes, "download progress counts the file's bytes");

    const info = await page.evaluate(() => window.wllamaPage.runtimeInfo("tiny-a"));
    assert.deepEqual(info, { threads: 1, multiThread: false, nCtx: 2048, hasChatTemplate: true });

    const out = await chat(page, "tiny-a", { max_tokens: 32, temperature: 0.8, seed: 7 });
    assert.equal(out.error, undefined, JSON.stringify(out.error));
    const { result } = out;
    assert.equal(result.finishReason, "length");
    assert.equal(result.usage.completionTokens, 32);
    assert.ok(result.text.trim().length > 0, "real, non-empty text");
    assert.match(result.text, PRINTABLE);
    assert.equal(out.chunks.join(""), result.text, "the streamed chunks make up the answer");
    assert.ok(out.chunks.length > 1, "the answer streamed in pieces");
    // ChatML: the user turn plus the assistant header, tokenized by llama.cpp from the GGUF's template.
    assert.ok(result.usage.promptTokens > 10, `prompt tokens ${result.usage.promptTokens}`);
    assert.ok(result.usage.decodeTokensPerS > 0 && result.usage.prefillTokensPerS > 0);
    assert.ok(result.usage.ttftMs > 0 && result.usage.ttftMs <= result.usage.totalMs);
  });

  it("repeats an answer for the same seed, differs for another, and top_p near 0 is greedy", async () => {
    const { page } = t;
    const params = { max_tokens: 24, temperature: 1, seed: 11 };
    const first = (await chat(page, "tiny-a", params)).result.text;
    const again = (await chat(page, "tiny-a", params)).result.text;
    const other = (await chat(page, "tiny-a", { ...params, seed: 12 })).result.text;
    assert.equal(again, first, "same seed and temperature, same text");
    assert.notEqual(other, first, "another seed, other text");
    const greedy = (await chat(page, "tiny-a", { max_tokens: 24, temperature: 0 })).result.text;
    const nucleus1 = (await chat(page, "tiny-a", { ...params, top_p: 1e-6 })).result.text;
    const nucleus2 = (await chat(page, "tiny-a", { ...params, seed: 99, top_p: 1e-6 })).result.text;
    assert.equal(nucleus1, greedy, "top_p keeps only the likeliest token");
    assert.equal(nucleus2, greedy);
    assert.notEqual(first, greedy);
  });

  it("ends the answer at a stop string with finish reason stop", async () => {
    const { page } = t;
    const params = { max_tokens: 40, temperature: 1, seed: 5 };
    const full = (await chat(page, "tiny-a", params)).result.text;
    const stop = full.slice(12, 15);
    assert.equal(stop.length, 3, `a long enough answer: ${JSON.stringify(full)}`);
    const cut = full.slice(0, full.indexOf(stop));
    const out = await chat(page, "tiny-a", { ...params, stop: [stop] });
    assert.equal(out.result.finishReason, "stop");
    assert.equal(out.result.text, cut);
    assert.ok(out.result.usage.completionTokens < 40);
  });

  it("stops mid-stream by signal and by interrupt, and keeps working", async () => {
    const { page } = t;
    for (const how of ["signal", "interrupt"]) {
      const out = await chat(
        page,
        "tiny-a",
        { max_tokens: 200, temperature: 0.8, seed: 3 },
        4,
        how,
      );
      assert.equal(out.error, undefined, JSON.stringify(out.error));
      assert.equal(out.result.finishReason, "abort", how);
      assert.equal(out.result.text, out.chunks.join(""));
      assert.ok(
        out.chunks.length >= 4 && out.chunks.length < 200,
        `${how}: ${out.chunks.length} chunks`,
      );
      assert.ok(out.result.usage.completionTokens < 200);
    }
    const after = await chat(page, "tiny-a", { max_tokens: 8, temperature: 0 });
    assert.equal(after.result.finishReason, "length");
    assert.equal(after.result.usage.completionTokens, 8);
  });

  it("keeps one instance per model; unloading one leaves the other working", async () => {
    const { page } = t;
    const loaded = await load(page, ["tiny-a", "tiny-b"]);
    assert.deepEqual(loaded.loaded, ["tiny-a", "tiny-b"]);
    const ready = loaded.progress.filter((p) => p.phase === "ready").map((p) => p.modelId);
    assert.deepEqual(ready, ["tiny-b"], "tiny-a was loaded already and is kept");
    const params = { max_tokens: 16, temperature: 0 };
    const a = (await chat(page, "tiny-a", params)).result.text;
    const b = (await chat(page, "tiny-b", params)).result.text;
    assert.notEqual(a, b, "two models with different weights answer differently");
    assert.deepEqual(await page.evaluate(() => window.wllamaPage.unload(["tiny-a"])), ["tiny-b"]);
    const gone = await chat(page, "tiny-a", params);
    assert.equal(gone.error?.code, "model-not-loaded");
    assert.equal((await chat(page, "tiny-b", params)).result.text, b);
    assert.deepEqual(await page.evaluate(() => window.wllamaPage.unload()), []);
  });

  it("cancels a load during the download and during start-up, leaving nothing loaded", async () => {
    const { page, downloads } = t;
    const during = await load(page, ["tiny-slow"], "fetching");
    assert.equal(during.error?.code, "download-cancelled");
    assert.equal(during.progress.at(-1).phase, "cancelled");
    assert.deepEqual(during.loaded, []);
    await page.waitForTimeout(300); // let the server notice the closed connection
    assert.deepEqual(downloads, ["aborted"], "the download stopped, not ran to the end");

    const starting = await load(page, ["tiny-a"], "loading");
    assert.equal(starting.error?.code, "download-cancelled", JSON.stringify(starting.progress));
    assert.deepEqual(starting.loaded, []);

    const fine = await load(page, ["tiny-a"]);
    assert.deepEqual(fine.loaded, ["tiny-a"]);
    assert.equal((await chat(page, "tiny-a", { max_tokens: 4 })).result.usage.completionTokens, 4);
  });

  it("fetched nothing from anywhere but the page's origin, wasm included", () => {
    const { seen, foreign, server, errors } = t;
    assert.deepEqual(foreign, []);
    const origin = new URL(server.url).origin;
    const offOrigin = seen.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u));
    assert.deepEqual(offOrigin, []);
    assert.ok(server.requests.some((r) => /^\/assets\/wllama-[\w-]+\.wasm$/.test(r.path)));
    assert.deepEqual(errors, []);
  });
});

describe("CPU runtime threads", () => {
  const fourCores = () =>
    Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => 4 });

  it("uses two threads on a cross-origin isolated page with four logical cores", async () => {
    const t = await start({ initScript: fourCores });
    try {
      const info = await t.page.evaluate(() => window.wllamaPage.info());
      assert.equal(info.crossOriginIsolated, true);
      assert.equal(info.threadPlan.threads, 2, info.threadPlan.reason);
      assert.equal((await load(t.page, ["tiny-a"])).error, undefined);
      const runtime = await t.page.evaluate(() => window.wllamaPage.runtimeInfo("tiny-a"));
      assert.equal(runtime.threads, 2);
      assert.equal(runtime.multiThread, true);
      const out = await chat(t.page, "tiny-a", { max_tokens: 12, temperature: 0 });
      assert.equal(out.result.usage.completionTokens, 12);
      assert.match(out.result.text, PRINTABLE);
      assert.deepEqual(t.foreign, []);
    } finally {
      await t.close();
    }
  });

  it("falls back to one thread without the isolation headers", async () => {
    const t = await start({ isolated: false, initScript: fourCores });
    try {
      const info = await t.page.evaluate(() => window.wllamaPage.info());
      assert.equal(info.crossOriginIsolated, false);
      assert.equal(info.threadPlan.threads, 1);
      assert.match(info.threadPlan.reason, /not cross-origin isolated/);
      assert.equal((await load(t.page, ["tiny-a"])).error, undefined);
      const runtime = await t.page.evaluate(() => window.wllamaPage.runtimeInfo("tiny-a"));
      assert.deepEqual([runtime.threads, runtime.multiThread], [1, false]);
      const out = await chat(t.page, "tiny-a", { max_tokens: 12, temperature: 0 });
      assert.equal(out.result.usage.completionTokens, 12);
    } finally {
      await t.close();
    }
  });
});

describe("CPU runtime elsewhere", () => {
  it("runs the compat build from the page's origin when the browser lacks JSPI", async () => {
    const t = await start({
      initScript: () => delete (/** @type {any} */ (WebAssembly).Suspending),
    });
    try {
      const info = await t.page.evaluate(() => window.wllamaPage.info());
      assert.equal(info.compat, true);
      assert.equal((await load(t.page, ["tiny-a"])).error, undefined);
      const out = await chat(t.page, "tiny-a", { max_tokens: 8, temperature: 0 });
      assert.equal(out.result.usage.completionTokens, 8);
      assert.match(out.result.text, PRINTABLE);
      const compatPath = new URL(info.assets.compatWasm).pathname;
      assert.ok(
        t.server.requests.some((r) => r.path === compatPath),
        "compat wasm from this origin",
      );
      const compatSize = (await stat(join(pages, compatPath))).size;
      const mainSize = (await stat(join(pages, new URL(info.assets.wasm).pathname))).size;
      assert.notEqual(compatSize, mainSize, "two different builds");
      assert.deepEqual(t.foreign, []);
    } finally {
      await t.close();
    }
  });

  it("loads from a model host on another origin under COEP, if it sends CORS (no CORP needed)", async () => {
    const t = await start();
    const host = await serveDist(pages, { isolated: false });
    try {
      host.route("/hf/a.gguf", fileRoute(modelA.path, { cors: true }));
      host.route("/no-cors/a.gguf", fileRoute(modelA.path));
      const hostOrigin = new URL(host.url).origin;
      await t.page.evaluate((o) => {
        window.wllamaPage.register("remote", `${o}/hf/a.gguf`);
        window.wllamaPage.register("no-cors", `${o}/no-cors/a.gguf`);
      }, hostOrigin);
      // The host is another origin on this machine: let it through the off-origin block.
      await t.page.route(`${hostOrigin}/**`, (route) => route.continue());
      const ok = await load(t.page, ["remote"]);
      assert.equal(ok.error, undefined, JSON.stringify(ok.error));
      const out = await chat(t.page, "remote", { max_tokens: 8, temperature: 0 });
      assert.equal(out.result.usage.completionTokens, 8);
      const refused = await load(t.page, ["no-cors"]);
      assert.equal(refused.error?.code, "network");
      assert.deepEqual(refused.loaded, []);
    } finally {
      await host.close();
      await t.close();
    }
  });

  it("runs on the CPU in a browser that has WebGPU (SwiftShader) too", async () => {
    const t = await start({ webgpu: true });
    try {
      const adapter = await t.page.evaluate(async () => !!(await navigator.gpu?.requestAdapter()));
      assert.equal(adapter, true, "SwiftShader gives this browser a WebGPU adapter");
      assert.equal((await load(t.page, ["tiny-a"])).error, undefined);
      const out = await chat(t.page, "tiny-a", { max_tokens: 16, temperature: 0.7, seed: 1 });
      assert.equal(out.result.finishReason, "length");
      assert.equal(out.result.usage.completionTokens, 16);
    } finally {
      await t.close();
    }
  });
});
