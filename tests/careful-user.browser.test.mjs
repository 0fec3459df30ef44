// What a careful first-time user notices, in real Chromium: no download starts before its size
// was shown (Chat's first Send, a Compare preset; Cancel sends no request to a model host),
// invalid settings block a run with a message, the theme cycles back to "system" and stays, all
// five views fit the 360 px navigation, Chat's sticky prompt box never covers the newest message
// and offers the recording's follow-ups, and focus lands somewhere sensible after starting a
// comparison and after a vote.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { answerDownload, launch, screenshot } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const THREE = "tests/fixtures/recordings/compare-three-models.json";
const FOLLOW_UP = "Now give that speed in metres per second.";

let server;
let b;
const offHost = [];
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: true, viewport: { width: 1280, height: 800 } });
  await b.context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      offHost.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
});
after(async () => {
  await b?.close();
  await server?.close();
});

const frames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function deviceChecked(page) {
  await page.waitForFunction(() => !document.body.innerText.includes("Checking"));
}

describe("Downloads wait for the user", () => {
  it("asks at Chat's first Send, and Cancel fetches nothing and keeps the prompt", async () => {
    const { page } = b;
    await page.goto(server.url + "#/chat");
    await deviceChecked(page);
    await page.getByLabel("Message", { exact: true }).fill("Hello");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const asked = await answerDownload(page, "Cancel");
    assert.match(asked, /Download this model\?/);
    assert.match(asked, /≈ [\d.]+ (MB|GB) in all \(estimate\)/);
    await frames(page);
    assert.deepEqual(offHost, [], "no request reached a model host");
    assert.equal(await page.getByTestId("user-message").count(), 0, "nothing was sent");
    assert.equal(await page.getByLabel("Message", { exact: true }).inputValue(), "Hello");
  });

  it("asks when a Compare preset is chosen, and Cancel chooses nothing", async () => {
    const { page } = b;
    await page.goto(server.url + "#/compare");
    await deviceChecked(page);
    const preset = page.getByLabel("Preset");
    await preset.selectOption({ label: "Small (weak devices)" });
    const asked = await answerDownload(page, "Cancel");
    assert.match(asked, /Download 2 models\?[\s\S]*Qwen2\.5-0\.5B-Instruct[\s\S]*Coder-0\.5B/);
    assert.equal(await preset.inputValue(), "");
    const list = page.getByTestId("model-list");
    assert.equal(await list.getByRole("checkbox", { checked: true }).count(), 0);
    assert.deepEqual(offHost, []);
  });

  it("asks when a comparison of live models starts, and Cancel starts nothing", async () => {
    const { page } = b;
    const list = page.getByTestId("model-list");
    await list.getByRole("checkbox").nth(0).check();
    await list.getByRole("checkbox").nth(1).check();
    await page.getByLabel("Prompt for every model").fill("Hello");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    assert.match(await answerDownload(page, "Cancel"), /Download 2 models\?/);
    await frames(page);
    assert.equal(await page.getByTestId("comparison-title").count(), 0, "nothing started");
    assert.equal(await page.getByLabel("Prompt for every model").inputValue(), "Hello");
    assert.deepEqual(offHost, []);
  });
});

describe("Settings", () => {
  it("an invalid setting blocks Send with a message until it is fixed", async () => {
    const { page } = b;
    await page.goto(server.url + "#/chat");
    await deviceChecked(page);
    await page.getByText("Settings", { exact: true }).click();
    await page.getByLabel("Message", { exact: true }).fill("Hello");
    const send = page.getByRole("button", { name: "Send", exact: true });
    assert.equal(await send.isEnabled(), true);
    await page.getByLabel("Temperature").fill("5");
    const error = page.getByTestId("settings-error");
    assert.equal(
      await error.innerText(),
      "Fix the settings first: Temperature must be a number from 0 to 2.",
    );
    assert.equal(await send.isDisabled(), true);
    await page.getByLabel("Temperature").fill("0.5");
    await error.waitFor({ state: "detached" });
    assert.equal(await send.isEnabled(), true);

    await page.goto(server.url + "#/compare");
    await page.getByLabel("Max tokens").fill("0");
    await page.getByLabel("Max tokens").blur();
    assert.match(
      await page.getByTestId("settings-error").innerText(),
      /Max tokens must be a whole number from 1\./,
    );
    await page.getByLabel("Max tokens").fill("256");
    await page.getByLabel("Max tokens").blur();
    await page.getByTestId("settings-error").waitFor({ state: "detached" });
  });

  it("the theme toggle cycles back to following the system, and each choice is kept", async () => {
    const { page } = b;
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(server.url + "#/device");
    const toggle = page.locator("button.theme");
    const state = () =>
      page.evaluate(() => ({
        choice: document.querySelector("button.theme")?.getAttribute("data-theme-choice"),
        theme: document.documentElement.dataset.theme,
      }));
    assert.deepEqual(await state(), { choice: "system", theme: "light" });
    await toggle.click();
    assert.deepEqual(await state(), { choice: "dark", theme: "dark" });
    await page.reload();
    assert.deepEqual(await state(), { choice: "dark", theme: "dark" });
    await toggle.click();
    assert.deepEqual(await state(), { choice: "light", theme: "light" });
    assert.match((await toggle.getAttribute("aria-label")) ?? "", /Switch to system/);
    await toggle.click();
    assert.deepEqual(await state(), { choice: "system", theme: "light" });
    await page.reload();
    assert.deepEqual(await state(), { choice: "system", theme: "light" });
    // Following the system means following it when it changes.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  });
});

describe("At 360 px", () => {
  it("all five views and the first screen fit the navigation, with no sideways scroll", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    for (const hash of ["#/", "#/chat", "#/compare", "#/bench", "#/models", "#/device"]) {
      await page.goto(server.url + hash);
      await page.locator("main h1").first().waitFor();
      await frames(page);
      const fit = await page.evaluate(() => {
        const nav = /** @type {HTMLElement} */ (document.querySelector("nav[aria-label=Views]"));
        return {
          nav: nav.scrollWidth - nav.clientWidth,
          links: [...nav.querySelectorAll("a")].filter(
            (a) => a.getBoundingClientRect().right > nav.clientWidth,
          ).length,
          // Sideways scroll only (a reserved scrollbar gutter makes the difference negative).
          page: Math.max(
            0,
            document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        };
      });
      assert.deepEqual(fit, { nav: 0, links: 0, page: 0 }, `${hash} at 360 px`);
    }
    await screenshot(page, "nav-360");
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

/**
 * How many pixels the prompt box covers of the newest message; with `settled`, whether it is 0.
 * (A function, not a string: the app's CSP forbids evaluating strings.)
 */
const cover = (settled) => {
  const box = document.querySelector("[data-testid=composer]")?.getBoundingClientRect();
  const last = [...document.querySelectorAll("[data-testid=messages] > *")]
    .at(-1)
    ?.getBoundingClientRect();
  const px =
    !box || !last
      ? -1
      : Math.max(0, Math.min(box.bottom, last.bottom) - Math.max(box.top, last.top));
  return settled ? px === 0 : px;
};

/**
 * The cover once layout has settled. A reading taken between a late re-render (the finished
 * answer's Markdown) and the resize observer that scrolls after it forces a layout the reader
 * never sees painted; a cover that lasts 3 s is real.
 */
const covered = async (page) => {
  await page.waitForFunction(cover, true, { timeout: 3000, polling: "raf" }).catch(() => {});
  const px = await page.evaluate(cover, false);
  if (px > 0) {
    // What the page looked like, for a failure on a loaded machine (it has not shown alone).
    console.error(
      "COVER",
      px,
      JSON.stringify(
        await page.evaluate(() => ({
          y: scrollY,
          inner: innerHeight,
          height: document.documentElement.scrollHeight,
          pad: document.documentElement.style.scrollPaddingBottom,
          box: document.querySelector("[data-testid=composer]")?.getBoundingClientRect().toJSON(),
          last: [...document.querySelectorAll("[data-testid=messages] > *")]
            .at(-1)
            ?.getBoundingClientRect()
            .toJSON(),
        })),
      ),
    );
  }
  return px;
};

describe("Chat's prompt box", () => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(`never covers the newest message at ${size.width}×${size.height}, and offers follow-ups`, async () => {
      const { page } = b;
      await page.setViewportSize(size);
      // A fresh page: the tests before leave Chat's state (a kept prompt, open settings) in it.
      await page.goto("about:blank");
      await page.goto(server.url + "#/chat");
      await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
      await page.getByLabel("Replay a recording (.json)").setInputFiles(THREE);
      await page.getByTestId("replay-badge").waitFor();
      const suggestions = page.getByTestId("recorded-prompts");
      assert.match(await suggestions.innerText(), /answers these prompts/);
      await suggestions.getByRole("button").first().click();
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.getByTestId("assistant-message").getByTestId("usage").waitFor();
      await frames(page);
      assert.equal(await covered(page), 0, "after the first answer");

      // As in Compare, the recorded follow-up is offered once there is an answer.
      assert.match(await suggestions.innerText(), /answers these follow-ups/);
      await suggestions.getByRole("button", { name: FOLLOW_UP }).click();
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.getByTestId("assistant-message").nth(1).getByTestId("usage").waitFor();
      await frames(page);
      assert.equal(await covered(page), 0, "after the follow-up");
      // Nothing in the recording continues past it, so nothing more is offered.
      assert.equal(await suggestions.count(), 0);

      // A reader who scrolls the last answer into view sees it above the box, not under it.
      await page.evaluate(() => scrollTo(0, 0));
      await page
        .getByTestId("assistant-message")
        .last()
        .evaluate((el) => el.scrollIntoView({ block: "end" }));
      await frames(page);
      assert.equal(await covered(page), 0, "scrolled into view");
      await screenshot(page, `chat-follow-up-${size.width}`);
      await page.getByRole("button", { name: "Back to real models" }).click();
    });
  }
});

describe("Focus", () => {
  it("goes to the comparison after it starts, and to who was who after the vote", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url + "#/compare");
    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(THREE);
    await page.getByTestId("replay-badge").waitFor();
    await page.getByLabel("Blind vote (arena)", { exact: false }).check();
    await page.getByTestId("recorded-prompts").getByRole("button").first().click();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-testid") === "comparison-title",
    );
    // The setup is hidden when the board appears, then taken out of the page (not kept hidden).
    await page.getByLabel("Prompt for every model").waitFor({ state: "detached" });
    const vote = page.getByRole("button", { name: "A is better" });
    await page.waitForFunction(() =>
      [...document.querySelectorAll("button")].some(
        (b) => b.textContent === "A is better" && !b.disabled,
      ),
    );
    await vote.click();
    await page.getByTestId("reveal").waitFor();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-testid") === "reveal",
    );
    assert.match(await page.getByTestId("reveal").innerText(), /Your vote: Model A was better/);
    assert.deepEqual(offHost, [], "replayed columns need no model host");
    assert.deepEqual(b.errors, []);
  });
});
