#!/usr/bin/env node
// Takes the README's screenshots from the real built app in headless Chromium (SwiftShader
// WebGPU). They show no model output: the first screen (whose demo is labelled synthetic), Device,
// Models and the Bench self-test only.
import { execFileSync } from "node:child_process";
import { launch } from "../tests/helpers/browser.mjs";
import { serveDist } from "../tests/helpers/server.mjs";

execFileSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
const server = await serveDist();
const b = await launch({ webgpu: true, viewport: { width: 1280, height: 800 } });
const { page } = b;
const shot = (name) => page.screenshot({ path: `docs/screenshots/${name}.png` });

await page.goto(server.url);
await page.getByTestId("offer-models").waitFor();
await page.getByTestId("synthetic-label").waitFor();
await shot("first-visit");

await page.goto(server.url + "#/device");
await page.getByTestId("adapter-table").waitFor();
await shot("device");

await page.goto(server.url + "#/models");
await page
  .getByLabel("Family")
  .selectOption({ label: "Qwen2.5" })
  .catch(() => undefined);
await page.waitForTimeout(500);
await shot("models");

await page.goto(server.url + "#/bench/suite/builtin-code");
await page.getByRole("button", { name: "Check references" }).click();
await page.getByText(/references passed/i).waitFor({ timeout: 60_000 });
await shot("bench-self-test");

await b.close();
await server.close();
console.log("screenshots written to docs/screenshots/");
