// The Device view in real Chromium: with SwiftShader WebGPU it must report what the adapter
// really is; without WebGPU it must explain what to do and the app must still navigate.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

describe("Device view with SwiftShader WebGPU", () => {
  let b;
  before(async () => {
    b = await launch({ webgpu: true });
  });
  after(async () => {
    await b?.close();
  });

  it("shows the real adapter, f32-only verdict and buffer limits on a deep link from a sub-path", async () => {
    const { page } = b;
    await page.goto(server.subUrl + "#/device");
    const verdict = page.getByTestId("device-verdict");
    await verdict.waitFor();
    assert.match(await verdict.innerText(), /f32 models only/);
    const table = await page.getByTestId("adapter-table").innerText();
    assert.match(table, /Vendor\s+google/);
    assert.match(table, /Architecture\s+swiftshader/);
    assert.match(table, /shader-f16\s+not supported/);
    assert.match(table, /maxBufferSize\s+1\.00 GB/);
    assert.match(table, /maxStorageBufferBindingSize\s+\d/);
    assert.match(await page.getByTestId("device-chip").innerText(), /f32 only/);
    await screenshot(page, "device-swiftshader");
    assert.deepEqual(b.errors, []);
  });

  it("sends a CSP that runs only the app's own scripts, and every view works under it", async () => {
    const { page } = b;
    await page.addInitScript(() => {
      /** @type {string[]} */
      const seen = [];
      Object.assign(window, { cspViolations: seen });
      addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(server.url + "#/device");
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    const scriptSrc = (csp ?? "")
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src"));
    assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
    for (const view of ["chat", "compare", "bench", "models", "device"]) {
      await page.goto(`${server.url}#/${view}`);
      await viewShown(page);
    }
    assert.deepEqual(
      await page.evaluate(() => /** @type {any} */ (window).cspViolations),
      [],
      "the app itself trips no CSP rule",
    );
    // What a model's output would need to do harm is refused: inline script, remote images.
    const attempts = await page.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.injected = true";
      document.body.append(s);
      const img = await new Promise((ok) => {
        const i = new Image();
        i.onload = () => ok("loaded");
        i.onerror = () => ok("blocked");
        i.src = "https://example.org/pixel.png";
      });
      // Plain http to a host other than this machine (TEST-NET address, never routed).
      const lan = await fetch("http://192.0.2.1:8000/v1/models").then(
        () => "connected",
        () => "blocked",
      );
      return { injected: "injected" in window, img, lan };
    });
    // (eval is refused by script-src above; the test driver's own evaluate is exempt, so not tried.)
    assert.deepEqual(attempts, { injected: false, img: "blocked", lan: "blocked" });
    const violations = await page.evaluate(() => /** @type {any} */ (window).cspViolations);
    assert.ok(
      violations.some((v) => v.startsWith("connect-src http://192.0.2.1:8000")),
      `the CSP refused the http connection itself: ${violations.join(", ")}`,
    );
    assert.ok(
      violations.some((v) => v.startsWith("script-src-elem")),
      violations.join(", "),
    );
    assert.deepEqual(b.errors, []);
  });

  it("keeps a memory budget override across a reload", async () => {
    const { page } = b;
    await page.goto(server.url + "#/device");
    await page.getByLabel("Budget in GB").fill("3");
    await page.getByRole("button", { name: "Set" }).click();
    await page.getByText("your setting").waitFor();
    assert.equal(await page.getByTestId("budget").innerText(), "3.00 GB");
    await page.reload();
    await page.getByText("your setting").waitFor();
    assert.equal(await page.getByTestId("budget").innerText(), "3.00 GB");
    await page.getByRole("button", { name: "Use estimate" }).click();
    await page.getByText("estimated").waitFor();
  });

  it("toggles the theme and is usable at 360 px", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.url + "#/device");
    await page.getByTestId("device-verdict").waitFor();
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.getByRole("button", { name: /Theme/ }).click();
    const afterToggle = await page.evaluate(() => document.documentElement.dataset.theme);
    assert.notEqual(afterToggle, before);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360 px`);
    await screenshot(page, "device-360px");
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});

describe("without WebGPU", () => {
  let b;
  before(async () => {
    b = await launch({ webgpu: false });
  });
  after(async () => {
    await b?.close();
  });

  it("explains what to do and still navigates", async () => {
    const { page } = b;
    await page.goto(server.subUrl + "#/device");
    const verdict = page.getByTestId("device-verdict");
    await verdict.waitFor();
    assert.match(await verdict.innerText(), /No WebGPU/);
    assert.match(await page.getByTestId("device-advice").innerText(), /Linux|flag|chrome:\/\//i);
    await screenshot(page, "device-no-webgpu");
    for (const name of ["Models", "Compare", "Chat", "Bench", "Device"]) {
      await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name }).click();
      await page.waitForFunction((n) => location.hash === `#/${n.toLowerCase()}`, name);
      await viewShown(page);
    }
    assert.deepEqual(b.errors, []);
  });

  it("reaches every view by keyboard", async () => {
    const { page } = b;
    await page.goto(server.url + "#/chat");
    const seen = new Set();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
      seen.add(text);
    }
    for (const name of ["Chat", "Compare", "Bench", "Models", "Device"])
      assert.ok(seen.has(name), `${name} not reachable by Tab`);
    await page.keyboard.press("Escape");
  });

  it("shows the not-found view for a garbled link, and goes on from it", async () => {
    const { page } = b;
    const before = b.errors.length;
    await page.goto(server.url + "#/chat/%");
    const notFound = page.getByTestId("not-found");
    await notFound.waitFor();
    assert.match(await notFound.innerText(), /does not lead anywhere[\s\S]*#\/chat\/%/);
    await notFound.getByRole("link", { name: "Go to Chat" }).click();
    await viewShown(page, "Chat");
    assert.deepEqual(b.errors.slice(before), []);
  });
});
