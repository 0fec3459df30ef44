// Views say when something needs the network: in Chromium without WebGPU, the Models view's
// Download button for a CPU model is on while online; with the browser context set offline it is
// off and says it needs the network (and the app's banner says it is offline); back online it
// works again. The same holds for Retry on a failed download, the add-by-URL forms and Fetch models
// for a server on another machine (one on this machine still answers offline). Requests off this
// machine are refused, so nothing reaches a real model host.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launch, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const MODEL = "Qwen2.5-0.5B-Instruct-GGUF";

let server;
let b;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: false });
  await b.context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => route.abort("internetdisconnected"),
  );
});
after(async () => {
  await b?.close();
  await server?.close();
});

describe("What needs the network", () => {
  it("turns a model's Download off while offline and says why", async () => {
    const { page, context, errors } = b;
    await page.goto(server.url + "#/models");
    await viewShown(page, "Models");
    await page.getByRole("searchbox").fill(MODEL);
    const row = page.locator(`[data-testid=model-row][data-model-id="${MODEL}"]`);
    await row.getByRole("button", { name: /GGUF/ }).click();
    const download = row.getByRole("button", { name: "Download", exact: true });
    // The download's own note (the size check beside it has its own).
    const note = row.getByTestId("needs-network").filter({ hasText: /^Needs the network/ });
    await download.waitFor();
    assert.equal(await download.isEnabled(), true, "online, the download can start");

    await context.setOffline(true);
    await page.getByTestId("offline-note").waitFor();
    await note.waitFor();
    assert.match(await note.innerText(), /Needs the network/);
    assert.equal(await download.isDisabled(), true, "offline, it cannot start and fail silently");
    assert.equal(await download.getAttribute("aria-describedby"), await note.getAttribute("id"));

    await context.setOffline(false);
    await note.waitFor({ state: "detached" });
    assert.equal(await download.isEnabled(), true, "back online, it works again");
    assert.equal(await page.getByTestId("offline-note").count(), 0);
    assert.deepEqual(errors, []);
  });

  it("turns Retry, the add-by-URL forms and another host's Fetch models off while offline", async () => {
    const { page, context } = b;
    await page.goto("about:blank"); // a fresh page, not a hash change on the last one
    await page.goto(server.url + "#/models");
    await viewShown(page, "Models");
    // A download that failed on the network (this test refuses every host but this machine).
    await page.getByRole("searchbox").fill(MODEL);
    const row = page.locator(`[data-testid=model-row][data-model-id="${MODEL}"]`);
    await row.getByRole("button", { name: /GGUF/ }).click();
    await row.getByRole("button", { name: "Download", exact: true }).click();
    const item = page.locator(`[data-testid=download-item][data-model-id="${MODEL}"]`);
    const retry = item.getByRole("button", { name: /^(Retry|Try again|Resume)$/ });
    await retry.waitFor({ timeout: 30_000 });
    assert.equal(await retry.isEnabled(), true);

    const gguf = page.getByTestId("gguf-form");
    const ggufAdd = gguf.getByRole("button", { name: "Check and add" });
    const mlc = page.locator("form", {
      has: page.getByRole("heading", { name: "Add a model by URL" }),
    });
    const mlcAdd = mlc.getByRole("button", { name: "Check and add" });
    const fetchModels = page.getByRole("button", { name: "Fetch models" });
    const baseUrl = page.getByLabel("Base URL");
    await baseUrl.fill("https://api.example.com/v1");
    for (const button of [ggufAdd, mlcAdd, fetchModels])
      assert.equal(await button.isEnabled(), true);

    await context.setOffline(true);
    try {
      await page.getByTestId("offline-note").waitFor();
      await item.getByTestId("needs-network").waitFor();
      assert.match(
        await item.getByTestId("needs-network").innerText(),
        /Downloading needs the network/,
      );
      assert.equal(await retry.isDisabled(), true, "a retry would fail the same way");
      for (const [button, form, says] of [
        [ggufAdd, gguf, /Reading the file's header needs the network/],
        [mlcAdd, mlc, /Checking the model's files needs the network/],
      ]) {
        assert.equal(await button.isDisabled(), true);
        assert.match(await form.getByTestId("needs-network").innerText(), says);
        assert.equal(
          await button.getAttribute("aria-describedby"),
          await form.getByTestId("needs-network").getAttribute("id"),
        );
      }
      assert.equal(await fetchModels.isDisabled(), true, "another machine cannot answer offline");
      assert.equal(
        await page.getByText("Reaching a server on another machine needs the network").count(),
        1,
      );
      // A server on this machine still answers without a network: its list can be fetched.
      await baseUrl.fill("http://localhost:11434/v1");
      assert.equal(await fetchModels.isEnabled(), true);
    } finally {
      await context.setOffline(false);
    }
    await item.getByTestId("needs-network").waitFor({ state: "detached" });
    assert.equal(await retry.isEnabled(), true, "back online, Retry works again");
    assert.equal(await ggufAdd.isEnabled(), true);
  });
});
