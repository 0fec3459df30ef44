// Remote endpoints in real Chromium, against tiny OpenAI-compatible servers started here on
// loopback. TEST FIXTURE: the servers stream a fixed, made-up text ("Fixture words …"), not any
// model's output. One sends CORS headers and checks the API key; another sends none, so the
// browser refuses it. The app adds the endpoint in Models, then Chat streams from it, stops it,
// and shows the 401, 429 and cut-stream messages; the key never shows in the page, its URL, an
// exported recording or a share link. Nothing here depends on timing: the server holds or cuts
// an answer when the test says, and rendered text is polled (it may land a frame late).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { inflateRawSync } from "node:zlib";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const KEY = "sk-fixture-key-7f3a";
const RECORDING = "tests/fixtures/recordings/compare-two-models.json";
const recording = JSON.parse(await readFile(RECORDING, "utf8"));
const [REPLAYED, DROPPED] = recording.models;
const PROMPT = recording.entries[0].request.messages.at(-1).content;
const WORDS = Array.from({ length: 40 }, (_, i) => `word${i + 1} `);
const FIXTURE_TEXT = `Fixture words: ${WORDS.join("")}`.trimEnd();

/** An OpenAI-compatible fixture server; `cors: false` sends no CORS headers at all. */
async function fixtureServer({ cors }) {
  /** @type {{ authorization: string[], bodies: any[] }} */
  const seen = { authorization: [], bodies: [] };
  // A cut-model answer waits after its first pieces until the test cuts it: a browser drops
  // bytes it had not read yet when the connection breaks, so the test cuts only once the page
  // shows them (on a loaded machine, a timer would cut before the page read anything).
  /** @type {(() => void)[]} */
  const cuts = [];
  /** @type {(() => void)[]} */
  const cutWaiters = [];
  // Answers to hold after ten pieces until the browser closes the connection (Stop) or the test
  // releases them, so a stop comes mid-answer and parallel requests are seen in flight together
  // however slowly the page runs.
  let holds = 0;
  /** @type {(() => void)[]} */
  const held = [];
  const server = createServer((req, res) => {
    if (cors) {
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Access-Control-Allow-Headers", "authorization, content-type");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    }
    if (req.method === "OPTIONS") return res.writeHead(204).end();
    seen.authorization.push(req.headers.authorization ?? "");
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      res.writeHead(401, { "Content-Type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "Invalid API key (fixture)" } }));
    }
    if (req.url === "/v1/models") {
      res.writeHead(200, { "Content-Type": "application/json" });
      const data = ["fixture-model", "cut-model", "busy-model"].map((id) => ({ id }));
      return res.end(JSON.stringify({ object: "list", data }));
    }
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = JSON.parse(raw);
      seen.bodies.push(body);
      let hold = holds > 0 && body.model === "fixture-model";
      if (hold) holds--;
      if (body.model === "busy-model") {
        res.writeHead(429, { "Content-Type": "application/json", "Retry-After": "0" });
        return res.end(JSON.stringify({ error: { message: "Too many requests (fixture)" } }));
      }
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      const send = (obj) => res.write(`data: ${JSON.stringify(obj)}\n\n`);
      const pieces = ["Fixture words: ", ...WORDS];
      let i = 0;
      res.write(": keep-alive\n\n");
      const tick = () => {
        if (body.model === "cut-model" && i === 3) {
          clearInterval(timer);
          cuts.push(() => res.socket?.destroy());
          for (const w of cutWaiters.splice(0)) w();
          return;
        }
        if (hold && i === 10) {
          clearInterval(timer);
          hold = false;
          // An answer stopped by the app while held leaves the list: it is no longer waiting.
          const go = () => {
            if (!res.destroyed) timer = setInterval(tick, 40);
          };
          held.push(go);
          res.on("close", () => held.includes(go) && held.splice(held.indexOf(go), 1));
          return;
        }
        if (i < pieces.length) {
          const piece = pieces[i] ?? "";
          const content = i === pieces.length - 1 ? piece.trimEnd() : piece;
          send({ choices: [{ index: 0, delta: { content } }] });
          i++;
          return;
        }
        clearInterval(timer);
        send({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
        send({ choices: [], usage: { prompt_tokens: 7, completion_tokens: pieces.length } });
        res.end("data: [DONE]\n\n");
      };
      let timer = setInterval(tick, 40);
      res.on("close", () => clearInterval(timer));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    seen,
    /** Hold the next `n` fixture-model answers mid-way until stopped or released. */
    holdNext(n = 1) {
      holds += n;
    },
    /** Answers held now. */
    held: () => held.length,
    /** Let the held answers go on to their end. */
    release() {
      for (const go of held.splice(0)) go();
    },
    /** Break the connection of the cut-model answer waiting for it (waits for one to be). */
    async cut() {
      if (cuts.length === 0) await new Promise((resolve) => cutWaiters.push(() => resolve(0)));
      cuts.shift()?.();
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

let app;
let remote;
let noCors;
before(async () => {
  app = await serveDist();
  remote = await fixtureServer({ cors: true });
  noCors = await fixtureServer({ cors: false });
});
after(async () => {
  await app?.close();
  await remote?.close();
  await noCors?.close();
});

describe("Remote endpoints (fixture OpenAI-compatible servers)", () => {
  let b;
  before(async () => {
    b = await launch({ webgpu: true });
  });
  after(async () => {
    await b?.close();
  });

  const answerText = (page) =>
    page.evaluate(
      () => [...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "",
    );

  /**
   * The last answer's text once `ok` holds for it. An answer's final text is rendered in the
   * page's per-frame budget, so on a loaded machine it may reach the DOM a frame after the
   * notice or usage line that ends it: poll, never read once.
   */
  async function settledText(page, ok) {
    const handle = await page.waitForFunction(
      ([source, flags]) => {
        const text =
          [...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "";
        return new RegExp(source, flags).test(text) ? text : null;
      },
      [ok.source, ok.flags],
      { timeout: 30_000 },
    );
    return /** @type {string} */ (await handle.jsonValue());
  }

  /**
   * Send `prompt` and return the locator of its own answer: the assistant message right after
   * the newest user message that holds `prompt` (it may appear later, after a download
   * question). Counting the answers before sending is not enough: a conversation restored from
   * storage may still be rendering, and an earlier answer's notice would then be taken for this
   * one's.
   */
  async function send(page, prompt) {
    await page.getByLabel("Message", { exact: true }).fill(prompt);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    return page
      .getByTestId("user-message")
      .filter({ hasText: prompt })
      .last()
      .locator("xpath=following-sibling::*[1][@data-testid='assistant-message']");
  }

  it("adds an endpoint in Models from its /v1/models list", async () => {
    const { page } = b;
    await page.goto(app.url + "#/models");
    await page.getByRole("heading", { level: 2, name: "Remote models" }).waitFor();
    await page.getByLabel("Base URL").fill(remote.url);
    await page.getByLabel("API key (optional)").fill(KEY);
    await page.getByRole("button", { name: "Fetch models" }).click();
    await page.locator("[data-remote-model=fixture-model]").waitFor();
    assert.equal(await page.locator("[data-remote-model]").count(), 3);
    assert.equal(
      await page.getByLabel("Role of fixture-model").inputValue(),
      "generalist",
      "a served model defaults to generalist",
    );
    await page.getByRole("button", { name: "Save endpoint" }).click();
    const list = page.getByTestId("remote-endpoints");
    await list.getByText(remote.url, { exact: true }).waitFor();
    assert.match(await list.innerText(), /API key saved on this device/);
    assert.ok(!(await page.locator("body").innerText()).includes(KEY));
    assert.equal(remote.seen.authorization.at(-1), `Bearer ${KEY}`);
  });

  it("streams a chat answer from it, stops it, and shows usage when it completes", async () => {
    const { page } = b;
    const id = `remote:127.0.0.1-${remote.port}/fixture-model`;
    await page.goto(app.url + "#/chat");
    await viewShown(page, "Chat");
    await page.getByLabel("Model", { exact: true }).selectOption(id);
    remote.holdNext();
    await send(page, "Say the fixture words.");
    await page.waitForFunction(
      () =>
        ([...document.querySelectorAll("[data-testid=answer-text]")].at(-1)?.textContent ?? "")
          .length > 30,
    );
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    const finish = page.getByTestId("finish-reason");
    await finish.waitFor();
    assert.equal(await finish.innerText(), "stopped");
    const stopped = await answerText(page);
    assert.ok(stopped.length < FIXTURE_TEXT.length, "Stop came after the whole answer");
    assert.ok(FIXTURE_TEXT.startsWith(stopped.trim()), `unexpected text: ${stopped}`);
    const body = remote.seen.bodies.at(-1);
    assert.equal(body.model, "fixture-model");
    assert.equal(body.stream, true);
    assert.deepEqual(body.stream_options, { include_usage: true });

    await page.getByRole("button", { name: "Regenerate", exact: true }).click();
    const usage = page.getByTestId("assistant-message").last().getByTestId("usage");
    await usage.waitFor({ timeout: 30_000 });
    assert.match(await usage.innerText(), /41 tok/);
    assert.equal((await settledText(page, /word40\s*$/)).trim(), FIXTURE_TEXT);
    assert.ok(!page.url().includes(KEY));
    await screenshot(page, "remote-chat");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const exported = await readFile(await download.path(), "utf8");
    assert.match(exported, /remote:127\.0\.0\.1-\d+\/fixture-model/);
    assert.ok(!exported.includes(KEY), "the exported conversation holds the API key");
  });

  it("is a member of the routed team in Chat: a code prompt mapped to it streams from it", async () => {
    const { page } = b;
    const id = `remote:127.0.0.1-${remote.port}/fixture-model`;
    const name = `fixture-model · 127.0.0.1:${remote.port}`;
    await page.goto(app.url + "#/chat");
    await viewShown(page, "Chat");
    const picker = page.getByLabel("Model", { exact: true });
    await picker.locator("option[value='team:auto']").waitFor({ state: "attached" });
    await picker.selectOption("team:auto");
    const editor = page.getByTestId("team-editor");
    await editor.locator("summary").click();
    // The remote generalist is offered as the fallback and for every label.
    await editor.getByLabel("Fallback generalist").waitFor();
    const fallbacks = await editor
      .getByLabel("Fallback generalist")
      .locator("option")
      .allInnerTexts();
    assert.ok(fallbacks.includes(`${name} (remote)`), fallbacks.join(" | "));
    await editor.getByLabel("code prompts go to").selectOption(id);
    assert.match(
      await picker.locator("option[value='team:auto']").innerText(),
      new RegExp(`code → ${name.replace(/[.]/g, "\\.")}`),
    );
    const answer = await send(page, 'def add(a, b):\n    """Return the sum of a and b."""');
    // The team's download question covers its local members too; none of them is loaded here.
    const consent = page.getByTestId("download-consent");
    const noted = answer.getByTestId("route-note");
    await Promise.race([consent.waitFor(), noted.waitFor({ timeout: 30_000 })]);
    if (await consent.isVisible()) await consent.getByRole("button", { name: "Download" }).click();
    await noted.waitFor({ timeout: 30_000 });
    assert.equal(await answer.getByTestId("route-member").innerText(), name);
    assert.match(await noted.innerText(), /its code specialist; the router said code/);
    assert.equal((await settledText(page, /word40\s*$/)).trim(), FIXTURE_TEXT);
    assert.equal(remote.seen.bodies.at(-1).model, "fixture-model");
    await editor.getByRole("button", { name: "Back to the preset's team" }).click();
    assert.deepEqual(b.errors, []);
  });

  it("compares it beside a replayed model, and its recording holds no key", async () => {
    const { page } = b;
    await page.goto(app.url + "#/compare");
    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(RECORDING);
    await page.getByTestId("replay-badge").waitFor();
    const list = page.getByTestId("model-list");
    await list.getByRole("checkbox", { name: new RegExp(`^${DROPPED.label}`) }).uncheck();
    await page.getByLabel("Filter").fill("fixture-model");
    await list.locator("label", { hasText: "fixture-model · 127.0.0.1" }).first().click();
    assert.equal(await list.getByRole("checkbox", { checked: true }).count(), 2);
    await page.getByTestId("recorded-prompts").getByRole("button", { name: PROMPT }).click();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForFunction(
      () => {
        const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
        return s.length === 2 && s.every((e) => /Done|Error/.test(e.textContent ?? ""));
      },
      undefined,
      { timeout: 60_000 },
    );
    const names = await page.getByTestId("column-name").allInnerTexts();
    const statuses = await page.getByTestId("column-status").allInnerTexts();
    const remoteAt = names.findIndex((n) => n.includes("fixture-model"));
    const replayedAt = names.findIndex((n) => n.includes(REPLAYED.label));
    assert.ok(remoteAt >= 0 && replayedAt >= 0, `columns: ${names.join(" | ")}`);
    assert.deepEqual(
      [statuses[remoteAt], statuses[replayedAt]].map((x) => /Done/.test(x)),
      [true, true],
      `statuses: ${statuses.join(" | ")}`,
    );
    // A column's final text is rendered in the page's frame budget: wait for it, never read once.
    await page.waitForFunction(
      ([at, text]) =>
        document.querySelectorAll("[data-testid=answer-text]")[at]?.textContent?.trim() === text,
      [remoteAt, FIXTURE_TEXT],
      { timeout: 30_000 },
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export recording" }).first().click(),
    ]);
    const exported = await readFile(await download.path(), "utf8");
    assert.match(exported, /fixture-model/);
    assert.ok(!exported.includes(KEY), "the exported recording holds the API key");
    assert.ok(!page.url().includes(KEY), "the comparison's link holds the API key");
    await page.getByRole("button", { name: "Share link" }).first().click();
    const link = await page.getByTestId("share-link").inputValue();
    const payload = link.split("#/shared/")[1] ?? "";
    const shared = inflateRawSync(Buffer.from(payload, "base64url")).toString("utf8");
    assert.match(shared, /fixture-model/, "the share link carries the remote model's answer");
    assert.ok(shared.includes("word40"), "the share link carries the whole answer");
    assert.ok(!shared.includes(KEY) && !link.includes(KEY), "the share link holds the API key");
    await screenshot(page, "remote-compare");
  });

  it("benches it with a routed team that falls back to it, and reports the throughput it got", async () => {
    const { page } = b;
    await page.goto(app.url + "#/bench");
    await viewShown(page, "Bench");
    const runs = page.locator("#runs");
    await runs
      .getByTestId("run-models")
      .getByLabel(/fixture-model/)
      .check();
    const team = runs.getByTestId("team-setup");
    assert.match(await team.getByLabel("Fallback generalist").inputValue(), /^remote:/);
    assert.match(
      await team.innerText(),
      /unsure or other labels → fixture-model · 127\.0\.0\.1:\d+ \(remote\)/,
    );
    // No math specialist is chosen: math goes to the fallback, unless the user names a member.
    const remoteId = await team.getByLabel("Fallback generalist").inputValue();
    const math = team.getByLabel("math prompts go to");
    assert.equal(await math.inputValue(), "");
    assert.doesNotMatch(await team.getByTestId("team-mapping").innerText(), /math →/);
    await math.selectOption(remoteId);
    assert.match(
      await team.getByTestId("team-mapping").innerText(),
      /^math → fixture-model · 127\.0\.0\.1:\d+ \(remote\) · /,
    );
    await math.selectOption("");
    assert.doesNotMatch(await team.getByTestId("team-mapping").innerText(), /math →/);
    await runs.getByLabel(/Math word problems \(/).check();
    await runs.getByLabel("Items per suite").fill("3");
    // The three answers are held mid-way: the endpoint's 4 requests at once take all three.
    remote.holdNext(3);
    await runs.getByRole("button", { name: "Run 3 items on 1 models" }).click();
    const live = page.getByTestId("remote-throughput");
    await page.waitForFunction(
      () =>
        /3 in flight/.test(
          document.querySelector("[data-testid=remote-throughput]")?.textContent ?? "",
        ),
      undefined,
      { timeout: 30_000 },
    );
    assert.match(await live.innerText(), /fixture-model.* 0 rate-limit waits \(429\)/);
    // Each reaches its hold after ten pieces; then all three are let go.
    while (remote.held() < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    remote.release();
    await page.waitForFunction(
      () =>
        document
          .querySelector("[data-testid=run-report] p.muted")
          ?.textContent?.startsWith("3 of 3 items scored · done"),
      undefined,
      { timeout: 60_000 },
    );
    const costs = page.getByTestId("costs");
    assert.match(await costs.innerText(), /fixture-model · 127\.0\.0\.1:\d+\tremote\t/);
    // The report is computed off the main thread: wait for the one made from the finished run.
    const cell = await page.waitForFunction(
      () => document.querySelector("[data-testid=costs] [data-testid=throughput]")?.textContent,
      undefined,
      { timeout: 30_000 },
    );
    assert.match(
      String(await cell.jsonValue()).trim(),
      /^up to 3 at once · \d+\.\d\d req\/s · \d+\.\d tok\/s generated · 0 rate-limit waits \(429\)$/,
    );
  });

  it("keeps the partial answer of a cut stream, and names a 429 and a 401", async () => {
    const { page } = b;
    const prefix = `remote:127.0.0.1-${remote.port}/`;
    await page.goto(app.url + "#/chat");
    await viewShown(page, "Chat");
    // The comparison's recording is still loaded: back to live models.
    await page.getByRole("button", { name: "Back to real models" }).click();
    await page.getByLabel("Model", { exact: true }).selectOption(prefix + "cut-model");
    const cut = await send(page, "Cut me off.");
    await settledText(page, /^Fixture words: word1 word2/);
    await remote.cut();
    // Read from the notice itself, once it says so: the answer re-renders as it is saved.
    await cut
      .getByTestId("error-notice")
      .filter({ hasText: /ended mid-answer/ })
      .waitFor({ timeout: 30_000 });
    // The three pieces that came before the cut stay on the page, marked incomplete.
    assert.match(await settledText(page, /^Fixture words: word1 word2/), /word2\s*$/);

    await page.getByLabel("Model", { exact: true }).selectOption(prefix + "busy-model");
    const busy = (await send(page, "Are you busy?")).getByTestId("error-notice");
    await busy.waitFor({ timeout: 30_000 });
    assert.match(await busy.innerText(), /rate-limiting requests \(429\)/);
    // The engine retried after Retry-After before reporting it.
    assert.equal(remote.seen.bodies.filter((x) => x.model === "busy-model").length, 4);

    // A wrong key: save the endpoint again with it.
    await page.goto(app.url + "#/models");
    await page.getByLabel("Base URL").fill(remote.url);
    await page.getByLabel("API key (optional)").fill("sk-wrong");
    await page.getByLabel("Or type a model name").fill("fixture-model");
    await page.getByRole("button", { name: "Add name" }).click();
    await page.getByRole("button", { name: "Save endpoint" }).click();
    await page.getByText(`Saved ${remote.url}.`).waitFor();
    await page.goto(app.url + "#/chat");
    await viewShown(page, "Chat");
    await page
      .getByLabel("Model", { exact: true })
      .selectOption(`remote:127.0.0.1-${remote.port}/fixture-model`);
    const denied = (await send(page, "Who am I?")).getByTestId("error-notice");
    await denied.waitFor({ timeout: 30_000 });
    assert.match(await denied.innerText(), /refused the request \(401 unauthorized\)/);
    assert.match(await denied.innerText(), /API key/);
  });

  it("explains a server without CORS headers, naming each server's flag", async () => {
    const { page } = b;
    await page.goto(app.url + "#/models");
    await page.getByLabel("Base URL").fill(noCors.url);
    await page.getByRole("button", { name: "Fetch models" }).click();
    const notice = page.locator("form[aria-labelledby=endpoint-title] [data-testid=error-notice]");
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /refused this page \(CORS\)/);
    assert.match(text, /Access-Control-Allow-Origin/);
    assert.match(text, /--allowed-origins/);
    assert.match(text, /OLLAMA_ORIGINS/);
  });

  it("removes an endpoint and its key", async () => {
    const { page } = b;
    await page.goto(app.url + "#/models");
    await page.getByRole("button", { name: `Remove ${remote.url}` }).click();
    await page.getByText("No endpoint added yet.").waitFor();
    // The list empties before the delete's transaction commits: read the store until it does.
    const count = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open("polymath-remote-endpoints");
            open.onsuccess = () => {
              const db = open.result;
              const name = db.objectStoreNames[0];
              if (name === undefined) return resolve(0);
              const req = db.transaction(name).objectStore(name).count();
              req.onsuccess = () => resolve(req.result);
            };
          }),
      );
    let stored = await count();
    for (let i = 0; i < 50 && stored !== 0; i++) {
      await page.waitForTimeout(100);
      stored = await count();
    }
    assert.equal(stored, 0);
  });
});
