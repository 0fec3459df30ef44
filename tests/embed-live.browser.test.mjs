// Live runs in the embed page, in Chromium without WebGPU: the URL names a model (a tiny GGUF
// written at test time, tests/helpers/gguf-files.mjs, served by the test server) and a prompt.
// The page says it would run on the CPU, states the download before anything loads, and fetches
// no model runtime (web-llm's worker, the CPU runtime's chunk or WebAssembly) until the visitor
// confirms; then the model answers the prompt with real tokens on this device.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";
import { fileRoute, tinyModel } from "./helpers/gguf-files.mjs";

const PROMPT = "Say hello to the reader";
const RUNTIME = /wllama|worker-engine|engine\.worker|cpu-root|\.wasm(\?|$)/;

let server;
let b;
before(async () => {
  const model = await tinyModel({ seed: 5 });
  server = await serveDist();
  server.route("/models/tiny-chat.gguf", fileRoute(model.path));
  b = await launch({ webgpu: false, viewport: { width: 360, height: 560 } });
});
after(async () => {
  await b?.close();
  await server?.close();
});

describe("Embed page live runs", () => {
  it("runs the named model on the CPU only after a click that states the download", async () => {
    const { page, errors } = b;
    // The server sees every request, the runtimes' workers' included.
    const start = server.requests.length;
    const fetched = () => server.requests.slice(start).map((r) => r.path);
    const model = server.url + "models/tiny-chat.gguf";
    await page.goto(
      `${server.subUrl}embed.html?models=${encodeURIComponent(model)}` +
        `&prompt=${encodeURIComponent(PROMPT)}`,
    );
    const run = page.getByRole("button", { name: "Run live on your CPU" });
    await run.waitFor();
    const prompt = page.getByRole("button", { name: PROMPT });
    assert.equal(await prompt.isDisabled(), true, "nothing answers before the model is loaded");
    await run.click();
    const offer = page.getByTestId("live-offer");
    await offer.waitFor();
    const text = await offer.innerText();
    assert.match(text, /downloads about [\d.]+ [KM]B into this browser's storage/);
    assert.match(text, /tiny-chat\.gguf/);
    assert.match(text, /runs on your\s+CPU/);
    assert.deepEqual(
      fetched().filter((u) => RUNTIME.test(u)),
      [],
      "no model runtime before the confirming click",
    );

    await offer.getByRole("button", { name: "Download and run" }).click();
    await page.getByTestId("live-ready").waitFor({ timeout: 60_000 });
    assert.ok(
      fetched().some((u) => /cpu-root.*\.js$/.test(u)) && fetched().some((u) => /\.wasm$/.test(u)),
      "the CPU runtime and its WebAssembly loaded after the click",
    );
    assert.ok(!fetched().some((u) => /worker-engine|engine\.worker/.test(u)), "web-llm stays out");
    await prompt.click();
    const answer = page.locator('[data-testid="embed-answer"][data-done="true"]');
    await answer.waitFor({ timeout: 60_000 });
    assert.match(await answer.locator("h2").innerText(), /tiny-chat/);
    assert.ok((await answer.locator("p").innerText()).length > 0, "the model answered");
    assert.deepEqual(errors, []);
  });
});
