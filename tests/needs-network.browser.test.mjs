// Views say when something needs the network: in Chromium without WebGPU, the Models view's
// Download button for a CPU model is on while online; with the browser context set offline it is
// off and says it needs the network (and the app's banner says it is offline); back online it
// works again. Requests off this machine are refused, so nothing reaches a real model host.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./helpers/browser.mjs";
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
    await page.getByRole("heading", { level: 1, name: "Models" }).waitFor();
    await page.getByRole("searchbox").fill(MODEL);
    const row = page.locator(`[data-testid=model-row][data-model-id="${MODEL}"]`);
    await row.getByRole("button", { name: /GGUF/ }).click();
    const download = row.getByRole("button", { name: "Download", exact: true });
    await download.waitFor();
    assert.equal(await download.isEnabled(), true, "online, the download can start");

    await context.setOffline(true);
    await page.getByTestId("offline-note").waitFor();
    await row.getByTestId("needs-network").waitFor();
    assert.match(await row.getByTestId("needs-network").innerText(), /Needs the network/);
    assert.equal(await download.isDisabled(), true, "offline, it cannot start and fail silently");
    assert.equal(
      await download.getAttribute("aria-describedby"),
      await row.getByTestId("needs-network").getAttribute("id"),
    );

    await context.setOffline(false);
    await row.getByTestId("needs-network").waitFor({ state: "detached" });
    assert.equal(await download.isEnabled(), true, "back online, it works again");
    assert.equal(await page.getByTestId("offline-note").count(), 0);
    assert.deepEqual(errors, []);
  });
});
