// Share links: a comparison carried in the URL fragment opens read-only (nothing is fetched for
// it), names the fixture as a fixture and offers "Run this yourself"; a damaged link shows an
// explanation instead of an uncaught error; "Run this yourself" fills Compare's models, prompt and
// settings, names the models this device does not offer, and starts nothing. The recording is the
// labelled fixture tests/fixtures/recordings/compare-two-models.json, encoded here the way the app
// encodes it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { launch, viewShown } from "./helpers/browser.mjs";
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

  it('"Run this yourself" sets Compare up with the models and the prompt, and runs nothing', async () => {
    // The fixture's models need WebGPU with f16 shaders; the same fixture for the CPU builds of
    // two models is one this browser can run, so the chooser offers them.
    const recording = JSON.parse(await readFile(FIXTURE, "utf8"));
    const cpu = {
      "Qwen3-1.7B-q4f16_1-MLC": "Qwen2.5-0.5B-Instruct-GGUF",
      "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC": "Qwen2.5-Coder-0.5B-Instruct-GGUF",
    };
    for (const m of recording.models) m.id = cpu[m.id];
    for (const e of recording.entries) e.modelId = e.request.modelId = cpu[e.modelId];
    // A third model this browser cannot run (web-llm needs WebGPU): left out, and said so.
    recording.models.push({ id: "Llama-3.2-1B-Instruct-q4f16_1-MLC", label: "Llama 3.2 1B" });
    const payload = deflateRawSync(Buffer.from(JSON.stringify(recording))).toString("base64url");
    const { page, errors } = b;
    await page.goto(server.subUrl + "#/shared/" + payload);
    await page.getByRole("button", { name: "Run this yourself" }).click();
    await viewShown(page, "Compare");
    const box = page.getByLabel("Prompt for every model");
    const prompt = recording.entries[0].request.messages.find((m) => m.role === "user").content;
    assert.equal(await box.inputValue(), prompt, "the shared prompt is in the box");
    const list = page.getByTestId("model-list");
    await list.getByRole("checkbox", { checked: true }).nth(1).waitFor();
    const names = await list
      .getByRole("checkbox", { checked: true })
      .evaluateAll((boxes) =>
        boxes.map((box) => box.closest("label")?.querySelector(".name")?.textContent ?? ""),
      );
    assert.equal(names.length, 2, names.join());
    assert.match(names[0] ?? "", /^Qwen2\.5-0\.5B-Instruct · GGUF/, "the shared models, in order");
    assert.match(names[1] ?? "", /^Qwen2\.5-Coder-0\.5B-Instruct · GGUF/);
    assert.match(
      await page.getByTestId("left-out").innerText(),
      /left out of the comparison to repeat: Llama-3\.2-1B-Instruct-q4f16_1-MLC\./,
    );
    // The settings it ran with (the fixture's temperature 0.2), not this page's defaults.
    assert.equal(await page.getByLabel("Temperature").inputValue(), "0.2");
    assert.ok(
      await page.getByRole("button", { name: "Compare", exact: true }).isEnabled(),
      "ready to run",
    );
    assert.equal(await page.getByTestId("answer").count(), 0, "nothing started by itself");
    assert.equal(await page.getByRole("dialog").count(), 0, "no download asked for");
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
