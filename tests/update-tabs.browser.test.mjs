// An update never interrupts work in another tab. Two tabs of the installed app: tab A is the
// first visit (it starts before any service worker controls it), tab B opens once one does and
// replays a comparison slowly. A new service worker (sw.js with one more byte) installs and
// waits; the user accepts it in tab A, which reloads into it. The new worker then controls tab B
// as well, but B keeps streaming and says the update loads when its work ends; once it is
// stopped, B reloads, once. The recording is the labelled fixture
// tests/fixtures/recordings/compare-two-models.json.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = new URL("./fixtures/recordings/compare-two-models.json", import.meta.url).pathname;
const DIST = process.env.POLYMATH_DIST ?? "dist";

let server;
let b;
/** What sw.js ends with: a changed byte makes the browser install it as a new version. */
let version = "";
before(async () => {
  server = await serveDist();
  server.route("/polymath/sw.js", async (_req, res) => {
    const body = (await readFile(join(DIST, "sw.js"), "utf8")) + version;
    res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-cache" });
    res.end(body);
  });
  b = await launch({ webgpu: false });
});
after(async () => {
  await b?.close();
  await server?.close();
});

/** Open the app and wait until the service worker controls the page. */
async function openControlled(page, hash) {
  await page.goto(server.subUrl + hash);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
    }
  });
}

/** Mark the page's document (a reload forgets it) and note when a new worker takes control. */
const mark = (page) =>
  page.evaluate(() => {
    window.tabMark = true;
    window.controllerChanged = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      window.controllerChanged = true;
    });
  });
const marked = (page) => page.evaluate(() => window.tabMark === true);

describe("Updating with two tabs open", () => {
  it(
    "an update accepted in one tab waits for the other tab's run to end",
    { timeout: 120_000 },
    async () => {
      const a = b.page;
      const tabB = await b.context.newPage();
      const errors = [];
      tabB.on("pageerror", (e) => errors.push(e.message));
      let loadsB = 0;
      await openControlled(a, "#/device");
      await openControlled(tabB, "#/compare");

      // Tab B streams a replayed comparison at one token a second: busy for the whole test.
      await tabB.getByLabel("Replay a recording (.json)").setInputFiles(FIXTURE);
      await tabB.getByTestId("replay-badge").waitFor();
      await tabB.getByLabel("Pace").selectOption("tps");
      await tabB.getByLabel("Tokens per second").fill("1");
      const recording = JSON.parse(await readFile(FIXTURE, "utf8"));
      const prompt = recording.entries[0].request.messages.find((m) => m.role === "user").content;
      await tabB.getByLabel("Prompt for every model").fill(prompt);
      await tabB.getByRole("button", { name: "Compare", exact: true }).click();
      const stop = tabB.getByRole("button", { name: "Stop" });
      await stop.waitFor();
      await mark(a);
      await mark(tabB);
      tabB.on("load", () => (loadsB += 1));

      // A new version installs; both tabs see it waiting (a tab whose Workbox registers after
      // that still hears of it: Workbox reports a version already waiting at registration).
      version = "\n// the next version\n";
      await a.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await a.getByTestId("update-prompt").waitFor();
      await tabB.getByTestId("update-prompt").waitFor();

      // Accepted in tab A, which is idle: A reloads into the new version.
      await a.getByRole("button", { name: "Reload to update" }).click();
      await a.waitForFunction(() => window.tabMark !== true);
      await viewShown(a, "Device");

      // The new worker controls tab B too, and B goes on with its run.
      // (Without the fix, the library reloads B right here.)
      await tabB.waitForFunction(
        () => window.tabMark !== true || window.controllerChanged === true,
      );
      assert.equal(await marked(tabB), true, "tab B was not reloaded mid-run");
      assert.equal(loadsB, 0);
      assert.ok(await stop.isVisible(), "tab B is still streaming");
      assert.match(
        await tabB.getByTestId("update-prompt").innerText(),
        /loads when the running work ends/,
      );

      // Once B's run ends, B reloads into the new version, once.
      await stop.click();
      await tabB.waitForFunction(() => window.tabMark !== true);
      await tabB.waitForLoadState("load");
      await viewShown(tabB);
      assert.equal(loadsB, 1);
      assert.equal(await tabB.getByTestId("update-prompt").count(), 0);
      assert.deepEqual(errors, []);
      await tabB.close();
    },
  );
});
