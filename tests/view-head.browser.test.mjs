// Each view's heading and lead in real Chromium, with the view's own chunk held back: the shell
// shows them at once (marked busy while the view loads), and when the view arrives it shows the
// same heading and lead in the same place and size, so nothing on the first screen moves.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launch, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const VIEWS = [
  ["", "HomeView", "Can one small generalist model replace a team of specialists?"],
  ["chat", "ChatView", "Chat"],
  ["compare", "CompareView", "Compare"],
  ["bench", "BenchView", "Bench"],
  ["models", "ModelsView", "Models"],
  ["device", "DeviceView", "Your device"],
];

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

/**
 * Where the heading and the lead are laid out on the page, rounded to the pixel (page coordinates:
 * Chat scrolls its newest message above the prompt box, which moves nothing on the page).
 */
const boxes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".view-head h1, .view-head .lead")].map((el) => {
      const r = el.getBoundingClientRect();
      return [
        el.tagName,
        el.textContent,
        Math.round(r.x),
        Math.round(r.y + scrollY),
        Math.round(r.width),
      ];
    }),
  );

describe("A view's heading and lead", () => {
  for (const [view, chunk, title] of VIEWS) {
    it(`${view || "home"}: shown before the view's code arrives, and kept in place when it does`, async () => {
      // A fresh browser each: no service worker serves the chunk past the hold below.
      const b = await launch({ viewport: { width: 412, height: 823 } });
      try {
        let release = () => {};
        const held = new Promise((resolve) => {
          release = () => resolve(undefined);
        });
        await b.page.route(new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`), async (route) => {
          await held;
          await route.continue();
        });
        await b.page.goto(`${server.url}#/${view}`);
        const pending = b.page.locator("[data-view-pending]");
        await pending.first().waitFor();
        assert.equal(await pending.first().getAttribute("aria-busy"), "true");
        const heading = b.page.getByRole("heading", { level: 1, name: title, exact: true });
        await heading.waitFor();
        const early = await boxes(b.page);
        assert.equal(early.length, 2, "a heading and a lead");
        assert.ok(String(early[1]?.[1]).length > 80, "the lead says what the view is for");

        release();
        await viewShown(b.page, title);
        assert.equal(await pending.count(), 0);
        assert.deepEqual(
          await boxes(b.page),
          early,
          "the same heading and lead, in the same place",
        );
        assert.deepEqual(b.errors, []);
      } finally {
        await b.close();
      }
    });
  }
});
