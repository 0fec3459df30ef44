// The code sandbox in real Chromium, driven through the Bench view's playground: programs return
// values and report assertion failures; an endless loop is stopped at its time limit while the
// app keeps responding; nothing a program tries reaches the network, the app's storage, cookies
// or DOM, the top window or a popup, nor shared memory (the app page itself is cross-origin
// isolated: the test server sends COOP/COEP like the dev and preview servers); and code answers
// that try to pass without being right (tests/fixtures/adversarial/code-answers.json) fail,
// scored through Bench like any responses.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const STORAGE_KEY = "polymath.sandbox-test";
const STORAGE_VALUE = "app-secret-42";
const COOKIE = "sandbox_secret=cookie-secret-42";

let server;
let b;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: false });
});
after(async () => {
  await b?.close();
  await server?.close();
});

/** Type a program into the playground, run it, and wait for a status (or a sandbox failure). */
async function runInSandbox(page, program, limitMs = 2000) {
  await page.getByLabel("JavaScript to run").fill(program);
  await page.getByLabel("Time limit (ms)").fill(String(limitMs));
  await page.getByRole("button", { name: "Run in sandbox" }).click();
  const result = page.getByTestId("sandbox-result");
  await result.locator("[data-status], [role=alert]").waitFor({ timeout: limitMs + 10_000 });
  const statusElement = result.locator("[data-status]");
  const status = (await statusElement.count())
    ? await statusElement.getAttribute("data-status")
    : "sandbox failed";
  return { status, text: await result.innerText() };
}

async function openBench(page) {
  await page.goto(server.url + "#/bench");
  await page.getByRole("heading", { name: "Code sandbox" }).waitFor();
}

const leaks = () => server.requests.filter((r) => r.path.startsWith("/leak"));

describe("code sandbox playground", () => {
  it("returns a program's value and reports assertion failures, even caught ones", async () => {
    const { page } = b;
    await openBench(page);
    assert.match(await page.getByTestId("sandbox-result").innerText(), /No run yet/);

    let r = await runInSandbox(page, "const xs = [3, 1, 2];\nxs.sort();\nxs.join(',')");
    assert.equal(r.status, "ok", r.text);
    assert.match(r.text, /Value\s+"1,2,3"/);
    assert.match(r.text, /Duration\s+\d+ ms/);

    r = await runInSandbox(
      page,
      "await new Promise((ok) => setTimeout(ok, 30));\nreturn { n: 6 * 7 };",
    );
    assert.equal(r.status, "ok", r.text);
    assert.match(r.text, /Value\s+\{"n":42\}/);

    r = await runInSandbox(page, "console.assert(1 + 1 === 3, 'math is broken');");
    assert.equal(r.status, "error");
    assert.match(r.text, /AssertionError: Assertion failed: math is broken/);

    r = await runInSandbox(page, "try { console.assert(false, 'swallowed'); } catch {}\n'fine'");
    assert.equal(r.status, "error", "a caught assertion failure must still fail the run");
    assert.match(r.text, /AssertionError: Assertion failed: swallowed/);

    r = await runInSandbox(page, "Promise.reject(new Error('nobody waits for me'));\n1");
    assert.equal(r.status, "error", "a dangling rejection must fail the run, as it crashes node");
    assert.match(r.text, /Error: nobody waits for me/);

    r = await runInSandbox(page, "null.x");
    assert.equal(r.status, "error");
    assert.match(r.text, /TypeError: Cannot read properties of null/);

    r = await runInSandbox(page, "const a = new Array(2 ** 32);");
    assert.equal(r.status, "error");
    assert.match(r.text, /RangeError: Invalid array length/);

    r = await runInSandbox(page, "'x'.repeat(2 ** 30).length");
    assert.equal(r.status, "error");
    assert.match(r.text, /RangeError/);
    await screenshot(page, "sandbox-assertion");

    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the playground scrolls sideways by ${overflow}px at 360 px`);
    await page.setViewportSize({ width: 1280, height: 860 });
    assert.deepEqual(b.errors, []);
  });

  it("stops an endless loop at its time limit while the app keeps responding", async () => {
    const { page } = b;
    await openBench(page);
    await runInSandbox(page, "'warm'"); // frames started before the loop
    await page.getByLabel("JavaScript to run").fill("while (true) {}");
    // While a loop spins in its worker the page answers and its own UI reacts. A long limit keeps
    // the loop running through these checks however slow the machine (order and state, no timings).
    await page.getByLabel("Time limit (ms)").fill("60000");
    await page.getByRole("button", { name: "Run in sandbox" }).click();
    await page.getByTestId("sandbox-result").getByText("Running…").waitFor();
    const stillRunning = () =>
      page.evaluate(
        () =>
          document
            .querySelector('[data-testid="sandbox-result"]')
            ?.textContent?.includes("Running…") ?? false,
      );
    assert.ok(await stillRunning(), "the page answered while the loop ran");
    await page.getByLabel("Time limit (ms)").fill("1500");
    assert.equal(await page.getByLabel("Time limit (ms)").inputValue(), "1500");
    assert.ok(await stillRunning(), "typing worked while the loop ran");
    await page.reload(); // leaves the 60 s loop behind with its frame
    await openBench(page);

    // A loop with a short limit is stopped and says why.
    await page.getByLabel("JavaScript to run").fill("while (true) {}");
    await page.getByLabel("Time limit (ms)").fill("1000");
    await page.getByRole("button", { name: "Run in sandbox" }).click();
    await page.getByTestId("sandbox-result").getByText("Running…").waitFor();
    const status = page.getByTestId("sandbox-result").locator("[data-status]");
    await status.waitFor({ timeout: 30_000 });
    assert.equal(await status.getAttribute("data-status"), "timeout");
    assert.match(await page.getByTestId("sandbox-result").innerText(), /time limit of 1000 ms/);
    await screenshot(page, "sandbox-timeout");

    // The killed frame was replaced: the next program runs normally.
    const r = await runInSandbox(page, "21 * 2");
    assert.equal(r.status, "ok", r.text);
    assert.match(r.text, /Value\s+42/);
    const frames = await page.locator("iframe[data-sandbox]").count();
    assert.ok(frames >= 1 && frames <= 4, `${frames} sandbox frames`);
  });

  it("lets the user navigate away during a loop and run again after", async () => {
    const { page } = b;
    await openBench(page);
    // A limit far beyond this test, so the loop is still running at every check below.
    await page.getByLabel("JavaScript to run").fill("for (;;) {}");
    await page.getByLabel("Time limit (ms)").fill("60000");
    await page.getByRole("button", { name: "Run in sandbox" }).click();
    await page.getByTestId("sandbox-result").getByText("Running…").waitFor();
    const busy = page.locator("iframe[data-sandbox][data-busy]");
    assert.equal(await busy.count(), 1, "one frame runs the loop");

    const views = page.getByRole("navigation", { name: "Views" });
    await views.getByRole("link", { name: "Models" }).click();
    await page.waitForFunction(() => location.hash === "#/models");
    await viewShown(page);
    await views.getByRole("link", { name: "Bench" }).click();
    await page.getByRole("heading", { name: "Code sandbox" }).waitFor();

    // Another frame runs this program to its end while the loop's frame is still busy: it was
    // not queued behind the loop.
    const r = await runInSandbox(page, "'still here'");
    assert.equal(r.status, "ok", r.text);
    assert.match(r.text, /Value\s+"still here"/);
    assert.equal(await busy.count(), 1, "the loop must still be running");
    assert.ok((await page.locator("iframe[data-sandbox]").count()) >= 2);
    assert.deepEqual(b.errors, []);
    await page.reload(); // ends the loop, so it does not burn a core through the next tests
  });
});

describe("code sandbox isolation", () => {
  const port = () => new URL(server.url).port;
  const programs = () => {
    const leak = `${server.url}leak`;
    return {
      fetch: `await fetch("${leak}?fetch")`,
      "async XHR": `await new Promise((ok, fail) => {
  const x = new XMLHttpRequest();
  x.open("GET", "${leak}?xhr");
  x.onload = () => ok(x.responseText);
  x.onerror = () => fail(new Error("XHR failed"));
  x.send();
})`,
      "sync XHR": `const x = new XMLHttpRequest();\nx.open("GET", "${leak}?sync-xhr", false);\nx.send();\nx.responseText`,
      WebSocket: `await new Promise((ok, fail) => {
  const ws = new WebSocket("ws://127.0.0.1:${port()}/leak?ws");
  ws.onopen = () => ok("open");
  ws.onerror = () => fail(new Error("WebSocket failed"));
})`,
      EventSource: `await new Promise((ok, fail) => {
  const es = new EventSource("${leak}?sse");
  es.onopen = () => ok("open");
  es.onerror = () => fail(new Error("EventSource failed"));
})`,
      importScripts: `importScripts("${leak}?import")`,
      "worker from URL": `new Worker("${leak}?worker")`,
      "fetch from a nested blob worker": `const src = 'fetch("${leak}?nested").then(() => postMessage("sent"), (e) => postMessage("blocked"))';
const w = new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })));
const answer = await new Promise((ok) => { w.onmessage = (e) => ok(e.data); w.onerror = () => ok("worker failed"); });
throw new Error(answer === "sent" ? "LEAKED" : \`nested worker: \${answer}\`);`,
      sendBeacon: `navigator.sendBeacon("${leak}?beacon", "x")`,
      localStorage: `localStorage.getItem("${STORAGE_KEY}")`,
      "localStorage write": `localStorage.setItem("${STORAGE_KEY}", "overwritten")`,
      indexedDB: `indexedDB.open("polymath")`,
      caches: `await caches.keys()`,
      "document.cookie": `document.cookie`,
      "parent.document": `parent.document.title`,
      "top.location": `top.location = "${leak}?navigate"`,
      "window.open": `window.open("${leak}?popup")`,
      "forged verdict": `self.postMessage({ type: "result", outcome: { status: "ok", value: "true", durationMs: 0 } }); throw new Error("real failure")`,
    };
  };

  it("gives a program nothing of the app and no network", async () => {
    const { page, context } = b;
    await openBench(page);
    await page.evaluate(
      ([key, value, cookie]) => {
        localStorage.setItem(key, value);
        document.cookie = cookie;
      },
      [STORAGE_KEY, STORAGE_VALUE, COOKIE],
    );
    const urlBefore = page.url();
    const pagesBefore = context.pages().length;

    for (const [name, program] of Object.entries(programs())) {
      const r = await runInSandbox(page, program);
      assert.equal(r.status, "error", `${name} was expected to fail:\n${r.text}`);
      assert.doesNotMatch(r.text, /app-secret|cookie-secret|LEAKED/, name);
      if (name === "indexedDB") assert.match(r.text, /SecurityError/, name);
      if (name === "forged verdict") assert.match(r.text, /TypeError/, name);
      if (name.includes("nested")) assert.match(r.text, /nested worker: blocked/, name);
    }

    assert.deepEqual(leaks(), [], "a sandboxed program reached the server");
    const after = await page.evaluate(
      (key) => [localStorage.getItem(key), document.cookie],
      STORAGE_KEY,
    );
    assert.deepEqual(after, [STORAGE_VALUE, COOKIE]);
    assert.equal(page.url(), urlBefore);
    assert.equal(context.pages().length, pagesBefore);
    await screenshot(page, "sandbox-isolation");
    assert.deepEqual(b.errors, []);
  });

  it("gives a program no shared memory, though the app page is cross-origin isolated", async () => {
    const { page } = b;
    await openBench(page);
    // The app is isolated (COOP + COEP) so the CPU runtime gets threads; the opaque-origin frame
    // is cross-origin to it, and the permissions policy keeps isolation (and precise timers) out.
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    const r = await runInSandbox(page, "[crossOriginIsolated, typeof SharedArrayBuffer]");
    assert.equal(r.status, "ok", r.text);
    assert.match(r.text, /Value\s+\[false,"undefined"\]/);
  });

  it("locks down the frame document itself (defence in depth)", async () => {
    const { page } = b;
    await openBench(page);
    await runInSandbox(page, "'warm'");
    const attrs = await page
      .locator("iframe[data-sandbox]")
      .first()
      .evaluate((f) => ({
        sandbox: f.getAttribute("sandbox"),
        reachable: f.contentDocument !== null,
      }));
    assert.deepEqual(attrs, { sandbox: "allow-scripts", reachable: false });

    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(frame, "no sandbox frame found");
    const leak = `${server.url}leak`;
    const facts = await frame.evaluate(async (leakUrl) => {
      const attempt = async (fn) => {
        try {
          return String(await fn());
        } catch (e) {
          return `${/** @type {Error} */ (e).name}`;
        }
      };
      const img = await new Promise((ok) => {
        const i = new Image();
        i.onload = () => ok("loaded");
        i.onerror = () => ok("blocked");
        i.src = `${leakUrl}?img`;
      });
      const link = document.createElement("link");
      link.rel = "prefetch";
      link.href = `${leakUrl}?prefetch`;
      document.head.append(link);
      return {
        origin: origin,
        fetch: await attempt(() => fetch(`${leakUrl}?frame-fetch`)),
        img,
        beacon: await attempt(() => navigator.sendBeacon(`${leakUrl}?frame-beacon`, "x")),
        localStorage: await attempt(() => localStorage.length),
        topHref: await attempt(() => top?.location.href),
        rtc: typeof RTCPeerConnection,
        open: typeof open,
      };
    }, leak);
    await new Promise((ok) => setTimeout(ok, 300)); // give a prefetch time to go out, if it would
    assert.equal(facts.origin, "null");
    assert.equal(facts.fetch, "TypeError");
    assert.equal(facts.img, "blocked");
    // sendBeacon says true once queued; CSP stops it later, as the server log below shows.
    assert.equal(facts.localStorage, "SecurityError");
    assert.equal(facts.topHref, "SecurityError");
    assert.equal(facts.rtc, "undefined");
    assert.equal(facts.open, "undefined");
    assert.deepEqual(leaks(), []);
  });
});

describe("code answers that try to pass without being right", () => {
  const fixture = JSON.parse(readFileSync("tests/fixtures/adversarial/code-answers.json", "utf8"));
  /** What a case expects on an item in this browser: a verdict kind, or undefined to skip it. */
  const expectation = (c, id) => {
    const e = c.browser?.expect ?? c.expect;
    const kind = typeof e === "string" ? e : (e[id] ?? e["*"]);
    const r = c.browser?.reason ?? c.reason;
    return { kind, reason: typeof r === "object" ? r[id] : r };
  };
  const jsonl = (rows) => Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n") + "\n");

  it("fails every adversarial answer with a reason, and passes the honest correct ones", async () => {
    const { page } = b;
    await page.goto(server.url + "#/bench");
    await viewShown(page, "Bench");
    await page.waitForFunction(() => !document.body.innerText.includes("Reading imported suites"));

    const form = page.getByTestId("suite-import");
    await form.getByLabel("From a file").setInputFiles({
      name: "adversarial-code.jsonl",
      mimeType: "application/jsonl",
      buffer: jsonl(fixture.items),
    });
    await form
      .getByTestId("import-status")
      .getByText(/3 items/)
      .waitFor();
    const suiteId = await page
      .getByTestId("suite-row")
      .filter({ hasText: "adversarial-code.jsonl" })
      .getAttribute("data-suite-id");

    const responses = [];
    for (const c of fixture.cases) {
      for (const item of fixture.items) {
        if (expectation(c, item.task_id).kind === undefined) continue;
        responses.push({ task_id: item.task_id, model: c.name, completion: c.answer.join("\n") });
      }
    }
    await page.locator("#score-suite").selectOption(suiteId);
    await page
      .getByRole("region", { name: "Score answers" })
      .getByLabel("Responses file")
      .setInputFiles({
        name: "adversarial-responses.jsonl",
        mimeType: "application/jsonl",
        buffer: jsonl(responses),
      });
    await page.getByTestId("score-duration").waitFor({ timeout: 240_000 });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const doc = JSON.parse(await readFile(await download.path(), "utf8"));
    const verdicts = new Map(
      doc.models.flatMap((m) => m.verdicts.map((v) => [`${m.model} @ ${v.itemId}`, v])),
    );
    assert.equal(verdicts.size, responses.length, "every answer was scored");

    const wrong = [];
    for (const c of fixture.cases) {
      for (const item of fixture.items) {
        const { kind, reason } = expectation(c, item.task_id);
        if (kind === undefined) continue;
        const key = `${c.name} @ ${item.task_id}`;
        const v = verdicts.get(key);
        const got = v.pass ? "pass" : v.details?.failure;
        if (got !== kind) wrong.push(`${key}: expected ${kind}, got ${got} (${v.reason})`);
        else if (!v.pass && !v.reason) wrong.push(`${key}: failed without a reason`);
        else if (reason && !new RegExp(reason).test(v.reason)) {
          wrong.push(`${key}: reason "${v.reason}" does not match /${reason}/`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(leaks(), [], "an answer reached the server");
    await screenshot(page, "sandbox-adversarial");
    assert.deepEqual(b.errors, []);
  });
});
