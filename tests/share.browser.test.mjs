// Share links: a comparison carried in the URL fragment opens read-only (nothing is fetched for
// it), names the fixture as a fixture and offers "Run this yourself"; a damaged link shows an
// explanation instead of an uncaught error. The recording is the labelled fixture
// tests/fixtures/recordings/compare-two-models.json, encoded here the way the app encodes it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { launch } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = new URL("./fixtures/recordings/compare-two-models.json", import.meta.url);

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

describe("Share links", () => {
  it("opens a shared comparison read-only from the fragment alone", async () => {
    const recording = JSON.parse(await readFile(FIXTURE, "utf8"));
    const payload = deflateRawSync(Buffer.from(JSON.stringify(recording))).toString("base64url");
    assert.ok(payload.length < 8192, "the fixture fits a link");
    const { page, errors } = b;
    await page.goto(server.subUrl + "#/shared/" + payload);
    const shared = page.getByTestId("shared-result");
    await shared.waitFor();
    assert.match(await shared.innerText(), /read-only/);
    assert.match(await shared.innerText(), /test fixture/);
    assert.equal(await page.getByTestId("shared-entry").count(), recording.entries.length);
    const first = recording.entries[0].result.text.split("\n")[0];
    assert.ok((await shared.innerText()).includes(first), "the recorded answer is shown");
    assert.ok(await shared.getByRole("button", { name: "Run this yourself" }).isVisible());
    assert.equal(
      server.requests.filter((r) => r.path.includes(payload.slice(0, 20))).length,
      0,
      "the data never reached the server",
    );
    assert.deepEqual(errors, []);
  });

  it("explains a damaged link instead of failing", async () => {
    const { page, errors } = b;
    await page.goto(server.subUrl + "#/shared/not-a-real-payload");
    const box = page.getByTestId("shared-error");
    await box.waitFor();
    assert.match(await box.innerText(), /damaged or incomplete/);
    await page.goto(server.subUrl + "#/shared/");
    await box.waitFor();
    assert.deepEqual(errors, []);
  });
});
