// The first screen in real Chromium: what Polymath is for and its two ways in. "See a result"
// replays the shipped recording (today a synthetic demo, and the app says so everywhere);
// "run it on your device" offers a preset that fits, with its download, and asks before anything
// downloads: Cancel sends no request to a model host. Without WebGPU it offers what works.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { answerDownload, launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

/** Every request off loopback (a model host) is logged and refused. */
async function watchModelHosts(context) {
  const offHost = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      offHost.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  return offHost;
}

describe("The first screen with WebGPU", () => {
  let b;
  let offHost;
  before(async () => {
    b = await launch({ webgpu: true, viewport: { width: 1280, height: 800 } });
    offHost = await watchModelHosts(b.context);
  });
  after(async () => {
    await b?.close();
  });

  it("says what Polymath is for and offers both ways in", async () => {
    const { page } = b;
    await page.goto(server.url);
    await page
      .getByRole("heading", {
        level: 1,
        name: "Can one small generalist model replace a team of specialists?",
      })
      .waitFor();
    const see = page.getByTestId("way-see");
    await see.getByRole("heading", { name: "See a result" }).waitFor();
    // The build ships no real recording yet: the demo says it is synthetic before it plays.
    assert.match(
      await see.getByTestId("synthetic-label").innerText(),
      /Synthetic demo\..*not model output/s,
    );
    await see.getByRole("button", { name: "Play the synthetic demo" }).waitFor();
    const run = page.getByTestId("way-run");
    await run.getByRole("heading", { name: "Run it on your device" }).waitFor();
    await run.getByTestId("offer-models").waitFor();
    // SwiftShader runs only f32 models: the offer is a preset whose every model fits here.
    assert.match(await run.getByTestId("offer-models").innerText(), /q4f32 — ≈ [\d.]+ MB/);
    assert.match(
      await run.getByTestId("offer-total").innerText(),
      /Download: ≈ [\d.]+ GB in all \(estimate\).*Nothing downloads until you confirm/s,
    );
    assert.doesNotMatch(await page.locator("main").innerText(), /no WebGPU/i);
    await screenshot(page, "first-visit-1280");
  });

  it("asks before the preset downloads, and Cancel downloads nothing", async () => {
    const { page } = b;
    const run = page.getByTestId("way-run");
    await run.getByRole("button", { name: "Set up this comparison…" }).click();
    const asked = await answerDownload(page, "Cancel");
    assert.match(asked, /Download 3 models\?/);
    assert.match(asked, /≈ [\d.]+ GB in all \(estimate\)/);
    await run.getByTestId("declined").waitFor();
    assert.equal(new URL(page.url()).hash, "");
    assert.deepEqual(offHost, [], "nothing was requested from a model host");

    // Agreeing opens Compare with the preset chosen; downloads wait for the first prompt.
    await run.getByRole("button", { name: "Set up this comparison…" }).click();
    await answerDownload(page, "Download");
    await page.waitForFunction(() => location.hash === "#/compare");
    const list = page.getByTestId("model-list");
    await list.getByRole("checkbox", { checked: true }).nth(2).waitFor();
    assert.equal(await list.getByRole("checkbox", { checked: true }).count(), 3);
    assert.deepEqual(offHost, []);
  });

  it("plays the synthetic demo in Compare, labelled, and puts focus on the comparison", async () => {
    const { page } = b;
    await page.goto(server.url + "#/");
    await page.getByRole("button", { name: "Play the synthetic demo" }).click();
    await page.waitForFunction(() => /^#\/compare\/.+/.test(location.hash));
    await page.getByText("Answers replayed from a test fixture: synthetic").waitFor();
    // Focus lands on the comparison just started, not on the page's body.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-testid") === "comparison-title",
    );
    await page.waitForFunction(
      () => {
        const s = [...document.querySelectorAll('[data-testid="column-status"]')];
        return s.length === 3 && s.every((e) => /Done/.test(e.textContent ?? ""));
      },
      undefined,
      { timeout: 60_000 },
    );
    const answers = await page.getByTestId("answer-text").allInnerTexts();
    for (const a of answers) assert.match(a, /Synthetic demo answer, written by hand/);
    // The follow-up the recording answers is offered after the first answer.
    await page
      .getByTestId("recorded-prompts")
      .getByRole("button", { name: "What should it return for an empty array?" })
      .waitFor();
    assert.deepEqual(offHost, [], "a replay needs no model host");
    await screenshot(page, "first-visit-demo");
    assert.deepEqual(b.errors, []);
  });
});

describe("The first screen without WebGPU", () => {
  let b;
  before(async () => {
    b = await launch({ webgpu: false, viewport: { width: 360, height: 740 } });
  });
  after(async () => {
    await b?.close();
  });

  it("offers what works instead of a GPU run", async () => {
    const { page } = b;
    await page.goto(server.url);
    const run = page.getByTestId("way-run");
    const text = await run.getByTestId("no-webgpu").innerText();
    assert.match(text, /no WebGPU/);
    const all = await run.innerText();
    assert.match(all, /replaying a recording needs no GPU/);
    assert.match(all, /Bench: score answers you already have/);
    assert.match(all, /\d+ CPU models \(llama.cpp in WebAssembly\) run without WebGPU/);
    assert.equal(await run.getByRole("button").count(), 0, "no GPU run is offered");
    await page.getByRole("button", { name: "Play the synthetic demo" }).waitFor();
    await screenshot(page, "first-visit-no-webgpu-360");

    await page.goto(server.url + "#/chat");
    await viewShown(page, "Chat");
    const empty = await page.getByTestId("messages").innerText();
    assert.match(empty, /no WebGPU/);
    assert.doesNotMatch(empty, /runs on this device's GPU/);
  });
});
