// The installable, offline app: the built page names a manifest whose start URL and scope are
// relative, its icons exist as PNGs of the sizes it states, and after one visit (service worker
// installed, shell precached) the app reloads with the network off and shows its views. The
// service worker precaches no runtime chunk (the web-llm worker) and no model weights; those it
// caches on first use (the CPU runtime's .wasm, KaTeX's fonts) are served offline afterwards.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { launch, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

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

describe("Offline PWA", () => {
  it("serves a manifest with relative start URL and scope, and PNG icons of the stated sizes", async () => {
    const { page } = b;
    const manifestUrl = new URL("manifest.webmanifest", server.subUrl).href;
    const manifest = await (await fetch(manifestUrl)).json();
    assert.equal(manifest.display, "standalone");
    assert.equal(manifest.start_url, "./");
    assert.equal(manifest.scope, "./");
    assert.ok(manifest.theme_color);
    const sizes = manifest.icons.map((i) => i.sizes);
    assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), sizes.join());
    assert.ok(manifest.icons.some((i) => i.purpose === "maskable"));
    for (const icon of manifest.icons) {
      const bytes = new Uint8Array(
        await (await fetch(new URL(icon.src, manifestUrl))).arrayBuffer(),
      );
      assert.deepEqual([...bytes.slice(1, 4)], [0x50, 0x4e, 0x47], `${icon.src} is a PNG`);
      const view = new DataView(bytes.buffer);
      assert.equal(`${view.getUint32(16)}x${view.getUint32(20)}`, icon.sizes);
    }
    await page.goto(server.subUrl + "#/device");
    const linked = await page.evaluate(
      () => document.querySelector('link[rel="manifest"]')?.getAttribute("href") ?? "",
    );
    assert.equal(linked, "./manifest.webmanifest");
  });

  it("precaches the shell only: no runtime worker, wasm, fonts or model files", async () => {
    const sw = await (await fetch(new URL("sw.js", server.subUrl))).text();
    const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? "");
    assert.ok(urls.includes("index.html"), "the app page is precached");
    assert.ok(
      urls.some((u) => /^assets\/main-.*\.js$/.test(u)),
      "the entry is precached",
    );
    const heavy = urls.filter((u) =>
      /\.worker-|\.wasm$|KaTeX_|\.map$|\.gguf$|params_shard/.test(u),
    );
    assert.deepEqual(heavy, [], "nothing large or optional is precached");
    assert.equal(new Set(urls).size, urls.length, "no file is precached twice");
  });

  it("passes Chromium's own installability check", { timeout: 60_000 }, async () => {
    const { page, context } = b;
    await page.goto(server.subUrl + "#/chat");
    await viewShown(page, "Chat");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    try {
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      assert.deepEqual(
        installabilityErrors.map((e) => e.errorId),
        [],
        "Chromium finds the app installable",
      );
      const { url, errors } = await cdp.send("Page.getAppManifest");
      assert.match(url, /manifest\.webmanifest$/);
      assert.deepEqual(errors, [], "the manifest parses without errors");
    } finally {
      await cdp.detach();
    }
  });

  it(
    "after one visit, reloads with the network off and shows the views",
    { timeout: 120_000 },
    async () => {
      const { page, context } = b;
      await page.goto(server.subUrl + "#/device");
      await viewShown(page, "Device");
      // The worker registers after load and installs the shell; wait until it controls the page.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
        }
      });
      // A file cached on first use (a KaTeX font, the CPU runtime's .wasm): fetched once online,
      // it lands in the on-demand cache and is served from it offline.
      const assets = await readdir(process.env.POLYMATH_DIST ?? "dist", { recursive: true });
      const wasm = assets.find((f) => /^assets\/wllama-[^/]*\.wasm$/.test(f));
      const font = assets.find((f) => /^assets\/KaTeX_[^/]*\.woff2$/.test(f));
      assert.ok(wasm && font, "the build has on-demand files");
      const fetchStatus = (path) =>
        page.evaluate((p) => fetch(p).then((r) => r.status, String), path);
      for (const path of [wasm, font]) assert.equal(await fetchStatus(path), 200);
      await page.waitForFunction(
        async (paths) => {
          const keys = await (await caches.open("polymath-on-demand")).keys();
          return paths.every((p) => keys.some((r) => r.url.endsWith(p)));
        },
        [wasm, font],
      );
      await context.setOffline(true);
      try {
        const before = server.requests.length;
        await page.reload();
        await viewShown(page, "Device");
        for (const path of [wasm, font]) {
          assert.equal(await fetchStatus(path), 200, `${path} is served offline`);
        }
        await page.getByTestId("offline-note").waitFor();
        assert.match(await page.getByTestId("offline-note").innerText(), /needs the network/);
        for (const [hash, name] of [
          ["#/compare", "Compare"],
          ["#/models", "Models"],
          ["#/chat", "Chat"],
        ]) {
          await page.evaluate((h) => (location.hash = h), hash);
          await viewShown(page, name);
        }
        assert.equal(server.requests.length, before, "nothing reached the server while offline");
        assert.equal(
          await page.evaluate(() => crossOriginIsolated),
          true,
          "still isolated offline",
        );
      } finally {
        await context.setOffline(false);
      }
    },
  );
});
