// The embed page inside a cross-origin iframe: the example host page (docs/embed-host-example.html)
// is served from a second local server (another port, so another origin) and frames embed.html at
// 320×400 with a recording (the labelled fixture tests/fixtures/recordings/compare-two-models.json)
// and `origins=` naming that host. The host sends a prompt over postMessage and receives the
// replayed answers; no model runtime chunk is fetched. A host whose origin is not allowed gets
// nothing, and its messages are ignored.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { launch } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = new URL("./fixtures/recordings/compare-two-models.json", import.meta.url);
const HOST_PAGE = new URL("../docs/embed-host-example.html", import.meta.url);

/** A plain server (no isolation headers) for the host page, on its own port. */
async function hostServer() {
  const html = await readFile(HOST_PAGE);
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", () => r(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r(undefined))),
  };
}

let app;
let allowed;
let stranger;
let b;
let recording;
before(async () => {
  app = await serveDist();
  recording = JSON.parse(await readFile(FIXTURE, "utf8"));
  const body = JSON.stringify(recording);
  app.route("/fixtures/compare.json", (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  });
  allowed = await hostServer();
  stranger = await hostServer();
  b = await launch({ webgpu: false, viewport: { width: 360, height: 480 } });
});
after(async () => {
  await b?.close();
  await allowed?.close();
  await stranger?.close();
  await app?.close();
});

const embedUrl = () =>
  `${app.subUrl}embed.html?recording=${encodeURIComponent(app.url + "fixtures/compare.json")}` +
  `&speed=instant&origins=${encodeURIComponent(allowed.origin)}`;
/** The framed embed page (the host's own URL names embed.html in its query, so match the path). */
const embedFrame = (page) => {
  const frame = page.frames().find((f) => new URL(f.url()).pathname.endsWith("/embed.html"));
  assert.ok(frame, "the embed frame is there");
  return frame;
};
const hostUrl = (origin) => `${origin}/?embed=${encodeURIComponent(embedUrl())}`;

describe("Embed page in a cross-origin iframe", () => {
  it("replays the recording for an allowed host over postMessage, loading no runtime", async () => {
    const { page, errors } = b;
    const before = app.requests.length;
    await page.goto(hostUrl(allowed.origin));
    const frame = page.frameLocator("#demo");
    const models = recording.models.length;
    await page.waitForFunction(
      (n) => window.received.filter((m) => m.type === "polymath:done").length === n,
      models,
    );
    const received = await page.evaluate(() => window.received);
    assert.equal(received[0].type, "polymath:ready", "ready comes first");
    const done = received.filter((m) => m.type === "polymath:done");
    assert.ok(received.indexOf(done[0]) > received.findIndex((m) => m.type === "polymath:chunk"));
    for (const d of done) {
      const entry = recording.entries.find(
        (e) =>
          e.modelId === d.modelId && e.request.messages.at(-1).content === received[0].prompts[0],
      );
      assert.equal(d.text, entry.result.text, `${d.modelId} answers as recorded`);
      // The metrics come with the answer: a finished replay reports the recorded usage.
      assert.deepEqual(d.usage, entry.result.usage, `${d.modelId} reports its usage`);
    }
    // The frame shows the answers at 320×400 without sideways scrolling.
    assert.equal(await frame.getByTestId("embed-answer").count(), models);
    const overflow = await embedFrame(page).evaluate(
      () => document.documentElement.scrollWidth - innerWidth,
    );
    assert.ok(overflow <= 0, `the embed scrolls sideways by ${overflow}px`);
    // "Run live" states the download before anything loads.
    await frame.getByRole("button", { name: /^Run live on your (GPU|CPU)$/ }).click();
    assert.match(
      await frame.getByTestId("live-offer").innerText(),
      /Running live downloads about [\d.]+ [MG]B/,
    );
    const fetched = app.requests.slice(before).map((r) => r.path);
    assert.deepEqual(
      fetched.filter((p) => /\.worker-|wllama|\.wasm$|Markdown|katex/i.test(p)),
      [],
      "no model runtime or heavy renderer was fetched",
    );
    assert.deepEqual(errors, []);
  });

  it("sends nothing to a host whose origin is not allowed, and ignores its messages", async () => {
    const { page } = b;
    await page.goto(hostUrl(stranger.origin));
    await page.frameLocator("#demo").getByTestId("embed").waitFor();
    const inner = embedFrame(page);
    // Wait for the prompt buttons: the recording has loaded and "ready" was (not) sent.
    await page.frameLocator("#demo").getByRole("group", { name: "Prompts" }).waitFor();
    // The frame resolves once the next message has been handled by every listener.
    const handled = inner.evaluate(
      () =>
        new Promise((r) =>
          addEventListener("message", () => setTimeout(() => r(true), 0), { once: true }),
        ),
    );
    await page.evaluate(
      (prompt) =>
        /** @type {HTMLIFrameElement} */ (
          document.getElementById("demo")
        ).contentWindow?.postMessage({ type: "polymath:prompt", prompt, id: "evil" }, "*"),
      recording.entries[0].request.messages.at(-1).content,
    );
    assert.equal(await handled, true);
    assert.equal(await page.frameLocator("#demo").getByTestId("embed-answer").count(), 0);
    assert.deepEqual(await page.evaluate(() => window.received), [], "the host got nothing");
  });
});
