// A recording replayed from an address (tests/fixtures/recordings are synthetic fixtures, served
// here by the test server as a host would serve a shared file): Chat fetches it, names it after its
// file and plays its answer; an address that answers 404 or gives no recording says so and keeps
// the recording in play; Bench's run setup loads one by address and offers its models to run.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = "tests/fixtures/recordings/markdown-code.json";
const RECORDED = "How do I reverse a linked list in Python?";

let server;
let b;
before(async () => {
  server = await serveDist();
  const text = await readFile(FIXTURE, "utf8");
  server.route("/shared/markdown-code.json", (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(text);
  });
  server.route("/shared/not-a-recording.json", (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"format":"something-else"}');
  });
  b = await launch({ webgpu: true });
});
after(async () => {
  await b?.close();
  await server?.close();
});

describe("Replaying a recording from an address", () => {
  it("Chat: fetches it, plays its answer, and explains an address that gives none", async () => {
    const { page, errors } = b;
    await page.goto(server.url + "#/chat");
    await viewShown(page, "Chat");
    const pace = page.getByLabel("Pace", { exact: true });
    assert.deepEqual(
      await pace.locator("option").allInnerTexts(),
      ["recorded pace", "2×", "4×", "as fast as possible", "tokens per second…"],
      "1×, 4× and instant among the paces",
    );
    await pace.selectOption("fastest");
    const address = page.getByLabel("or from an address");
    const replayIt = page.getByRole("button", { name: "Replay it" });
    await address.fill(server.url + "shared/markdown-code.json");
    await replayIt.click();
    await page.getByTestId("replay-badge").filter({ hasText: "markdown-code.json" }).waitFor();
    assert.equal(await address.inputValue(), "", "the field clears once the recording plays");
    await page.getByTestId("recorded-prompts").getByRole("button", { name: RECORDED }).click();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Reversing a linked list").waitFor();

    // A missing file, then a file that is no recording: each says so; the recording stays.
    /** @type {[string, RegExp][]} */
    const refused = [
      ["shared/gone.json", /could not be fetched \(404/],
      ["shared/not-a-recording.json", /not a Polymath recording/],
    ];
    for (const [path, says] of refused) {
      await address.fill(server.url + path);
      await address.press("Enter");
      const notice = page.getByTestId("error-notice").last();
      await notice.waitFor();
      assert.match(await notice.innerText(), says);
      assert.match(await page.getByTestId("replay-badge").innerText(), /markdown-code\.json/);
    }
    assert.deepEqual(errors, []);
  });

  it("Bench: the run setup loads a recording by address and offers its models", async () => {
    const { page, errors } = b;
    await page.goto("about:blank");
    await page.goto(server.url + "#/bench");
    await viewShown(page, "Bench");
    const runs = page.locator("#runs");
    await runs.getByLabel("or from an address").fill(server.url + "shared/markdown-code.json");
    await runs.getByRole("button", { name: "Replay it" }).click();
    await runs.getByTestId("replay-badge").waitFor();
    const recording = JSON.parse(await readFile(FIXTURE, "utf8"));
    const models = page.getByTestId("run-models");
    for (const m of recording.models) {
      await models
        .getByText(/replayed/)
        .first()
        .waitFor();
      assert.match(await models.innerText(), new RegExp(m.label ?? m.id));
    }
    assert.deepEqual(errors, []);
  });
});
