// Launches Debian's Chromium through playwright-core, with real WebGPU on the CPU (SwiftShader)
// unless a test asks for a browser without it.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { findBrowser } from "../../scripts/ensure-browser.mjs";

export const COMMON = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];
export const WEBGPU = [
  "--enable-unsafe-webgpu",
  "--enable-features=Vulkan",
  "--use-vulkan=swiftshader",
  "--use-webgpu-adapter=swiftshader",
];

export const SCREENSHOTS = "test-results/screenshots";

/**
 * Launch Chromium with a fresh profile. `webgpu: false` launches it with WebGPU disabled.
 * Returns { context, page, close }.
 */
export async function launch({ webgpu = true, viewport = { width: 1280, height: 860 } } = {}) {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error("No Chromium found: run `node scripts/ensure-browser.mjs`.");
  const userDataDir = await mkdtemp(join(tmpdir(), "polymath-chromium-"));
  const args = webgpu ? [...COMMON, ...WEBGPU] : COMMON;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Save a screenshot a person can look at (git-ignored folder). */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Answer the app's download question (asked before any model download): "Download" or "Cancel".
 * Returns what the dialog said.
 */
export async function answerDownload(page, button = "Download") {
  const dialog = page.getByTestId("download-consent");
  await dialog.waitFor();
  const text = await dialog.innerText();
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
  return text;
}

/**
 * Wait until a view is on the page: its heading (`name`, or any level-1 heading) and none of the
 * shell's stand-in while the view's code loads (which shows the same heading, see ViewHead).
 */
export async function viewShown(page, name) {
  const heading = page.getByRole("heading", { level: 1, ...(name ? { name } : {}) });
  await heading.first().waitFor();
  await page.locator("[data-view-pending]").waitFor({ state: "detached" });
}
