// The answer renderer in real Chromium, fed synthetic hostile answers (render-cases.mjs) through
// the replay engine: prose that mentions tags keeps all its text; huge, deep and wide answers
// render with no long task over 200 ms and nothing painted outside the answer's box (nor into
// the next Compare column); a streamed answer ends up exactly as the same answer rendered whole;
// code blocks have their own copy button.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";
import {
  DEEP,
  DEEP_WORDS,
  GENERALIST,
  MATH,
  TAGS,
  WIDE,
  longAnswer,
  recordingOf,
  section,
} from "./fixtures/recordings/render-cases.mjs";
import { fixtureEntry, fixtureRecording } from "./fixtures/recordings/fixture-recording.mjs";

// Mostly prose, as answers are, with a table, code and a list in every section and formulas in
// one of eight (KaTeX's output is a dozen boxes per symbol).
const HUGE = longAnswer(1_050_000, 8, 3);
const STREAMED = [section(1), section(2), "A closing line with $\\sqrt{2}$."].join("\n\n");

let server;
let b;
let dir;
const files = {};
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: true });
  await b.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  // Long tasks, counted from the page's first moment.
  await b.page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
    window.alert = () => {
      w.__pwned = 1;
    };
    // A renderer that never catches up: every reading of the clock is 50 ms on from the last,
    // so each slice of rendering work is already past its deadline when it starts.
    if (sessionStorage.getItem("polymath-test-slow-clock")) {
      const real = performance.now.bind(performance);
      let skew = 0;
      performance.now = () => real() + (w.__slowClock === false ? skew : (skew += 50));
    }
  });
  dir = await mkdtemp(join(tmpdir(), "polymath-render-"));
  const write = async (name, recording) => {
    files[name] = join(dir, name);
    await writeFile(files[name], JSON.stringify(recording));
  };
  await write(
    "render-cases.json",
    recordingOf(GENERALIST, [
      ["tags", TAGS],
      ["deep", DEEP],
      ["streamed", STREAMED],
    ]),
  );
  await write(
    "render-huge.json",
    recordingOf(GENERALIST, [["huge", HUGE.text]], { step: 2, chunkChars: 600 }),
  );
  // Two columns: the wide, hostile answer beside an ordinary one.
  const messages = [{ role: "user", content: "wide" }];
  const entry = (id, model, text) =>
    fixtureEntry({
      id,
      modelId: model.id,
      messages,
      params: {},
      text,
      promptTokens: 5,
      ttft: 40,
      step: 3,
    });
  await write(
    "render-wide.json",
    fixtureRecording({
      note: "A wide, hostile answer beside an ordinary one.",
      models: [GENERALIST, MATH],
      entries: [
        entry("wide-1", GENERALIST, WIDE),
        entry("wide-2", MATH, "FIXTURE: the neighbour.\n\n" + section(3)),
      ],
    }),
  );
});
after(async () => {
  await b?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function chatReplay(page, name, pace = "fastest") {
  await page.goto(server.url + "#/chat");
  await viewShown(page, "Chat");
  await page.getByLabel("Pace", { exact: true }).selectOption(pace);
  await page.getByLabel("Replay a recording (.json)").setInputFiles(files[name]);
  await page.getByTestId("replay-badge").filter({ hasText: name }).waitFor();
}

async function ask(page, prompt) {
  await page.getByRole("button", { name: "New chat" }).click();
  await page.waitForFunction(() => location.hash === "#/chat");
  await page.getByLabel("Message", { exact: true }).fill(prompt);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const answer = page.getByTestId("assistant-message").last();
  await answer.getByTestId("usage").waitFor({ timeout: 120_000 });
  await rendered(answer);
  return answer;
}

/** Wait until the answer's renderer has nothing left to do (blocks, math, highlighting). */
async function rendered(locator) {
  await locator.locator(".markdown[data-rendering=false]").waitFor({ timeout: 120_000 });
}

const resetLongTasks = (page) =>
  page.evaluate(() => {
    /** @type {any} */ (window).__longTasks = [];
  });
const longTasksOver = (page, ms) =>
  page.evaluate((limit) => /** @type {any} */ (window).__longTasks.filter((d) => d > limit), ms);

/**
 * Every element of the answer's box that paints outside it: each element's rectangle, cut by the
 * scrolling or clipping boxes between it and the answer's box, must lie within that box.
 */
const outside = (locator) =>
  locator.evaluate((box) => {
    const frame = box.getBoundingClientRect();
    const clips = (el) => {
      const s = getComputedStyle(el);
      return (
        s.overflowX !== "visible" ||
        s.overflowY !== "visible" ||
        /paint|content|strict/.test(s.contain)
      );
    };
    const found = [];
    for (const el of box.querySelectorAll("*")) {
      let r = el.getBoundingClientRect();
      let { left, top, right, bottom } = r;
      for (let a = el.parentElement; a && a !== box; a = a.parentElement) {
        if (!clips(a)) continue;
        const c = a.getBoundingClientRect();
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      if (right <= left || bottom <= top) continue; // clipped away entirely
      if (
        left < frame.left - 1 ||
        right > frame.right + 1 ||
        top < frame.top - 1 ||
        bottom > frame.bottom + 1
      ) {
        found.push(
          `${el.tagName}.${el.className} ${Math.round(left)},${Math.round(top)}–${Math.round(right)},${Math.round(bottom)}`,
        );
      }
    }
    return found.slice(0, 5);
  });

describe("The answer renderer", () => {
  it("shows raw tags in prose as text and keeps everything after them", async () => {
    const { page } = b;
    await chatReplay(page, "render-cases.json");
    const answer = await ask(page, "tags");
    const text = await answer.getByTestId("answer-text").innerText();
    for (const part of [
      "The <style> element holds CSS.",
      "Write <style> in the head, then <script> and",
      '<foo bar="x"> for custom parts; everything after them must stay visible.',
      "body { color: red }",
      "</style>",
      "<script>alert(1)</script> and <div onclick=alert(1)>a div</div> and <!-- a comment -->.",
      "The last sentence is still here.",
    ]) {
      assert.ok(text.includes(part), `missing: ${part}\n---\n${text}`);
    }
    const markup = await answer.evaluate((el) => ({
      tags: el.querySelectorAll(
        ".markdown style, .markdown script, .markdown foo, .markdown div[onclick]",
      ).length,
      handlers: [...el.querySelectorAll("*")]
        .flatMap((n) => [...n.attributes].map((a) => a.name))
        .filter((a) => /^on/i.test(a)),
    }));
    assert.deepEqual(markup, { tags: 0, handlers: [] });
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
  });

  it("renders deep nesting without freezing, keeping every part's text", async () => {
    const { page } = b;
    await resetLongTasks(page);
    const answer = await ask(page, "deep");
    // textContent: innerText leaves out what is off screen (not laid out yet).
    const text = await answer.getByTestId("answer-text").evaluate((el) => el.textContent ?? "");
    for (const word of DEEP_WORDS) assert.ok(text.includes(word), `missing: ${word}`);
    assert.ok((await answer.locator(".md-notice").count()) >= 1, "no plain-text notice");
    assert.match(await answer.locator(".md-notice").first().innerText(), /^Shown as plain text/);
    assert.deepEqual(await longTasksOver(page, 200), []);
    assert.deepEqual(await outside(answer.getByTestId("answer-text")), []);
    assert.deepEqual(b.errors, []);
  });

  it("streams a 1 MB answer with no long task over 200 ms and all of it rendered", async () => {
    const { page } = b;
    await chatReplay(page, "render-huge.json", "tps");
    await page.getByLabel("Tokens per second").fill("400");
    await resetLongTasks(page);
    const answer = await ask(page, "huge");
    const counts = await answer.evaluate((el) => ({
      tables: el.querySelectorAll("table").length,
      code: el.querySelectorAll("pre code").length,
      copy: el.querySelectorAll("button[aria-label='Copy code']").length,
      math: el.querySelectorAll(".katex-display").length,
      end: el.textContent?.includes("THE END of the long answer.") ?? false,
    }));
    assert.deepEqual(counts, {
      tables: HUGE.sections,
      code: HUGE.sections,
      copy: HUGE.sections,
      math: HUGE.withMath,
      end: true,
    });
    assert.deepEqual(await longTasksOver(page, 200), []);
    assert.deepEqual(await outside(answer.getByTestId("answer-text")), []);
  });

  it("keeps wide content and hostile math inside its column in Compare", async () => {
    const { page } = b;
    await page.goto(server.url + "#/compare");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(files["render-wide.json"]);
    await page.getByTestId("replay-badge").waitFor();
    await page.getByLabel("Prompt for every model").fill("wide");
    await resetLongTasks(page);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForFunction(() => {
      const s = [...document.querySelectorAll('[data-testid="column-status"]')];
      return s.length === 2 && s.every((e) => e.textContent?.trim() === "Done");
    });
    const cells = page.getByTestId("answer-text");
    await rendered(cells.nth(0));
    await rendered(cells.nth(1));
    await screenshot(page, "render-wide-compare");
    assert.deepEqual(await outside(cells.nth(0)), []);
    assert.deepEqual(await outside(cells.nth(1)), []);
    const geometry = await page.evaluate(() => {
      const [a, n] = /** @type {HTMLElement[]} */ ([
        ...document.querySelectorAll("[data-testid=answer]"),
      ]);
      if (!a || !n) throw new Error("two answers expected");
      const ra = a.getBoundingClientRect();
      const rn = n.getBoundingClientRect();
      // What a click (or the eye) finds at the neighbour's points belongs to the neighbour.
      const points = [0.1, 0.5, 0.9].flatMap((fx) =>
        [0.1, 0.5, 0.9].map((fy) => [
          rn.left + fx * rn.width,
          rn.top + fy * Math.min(rn.height, innerHeight - rn.top),
        ]),
      );
      const stray = points.filter(([x = 0, y = 0]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && a.contains(hit);
      }).length;
      const rules = [...a.querySelectorAll(".katex .rule")].map((r) => r.getBoundingClientRect());
      const em = parseFloat(getComputedStyle(a).fontSize);
      return {
        apart:
          ra.right <= rn.left || rn.right <= ra.left || ra.bottom <= rn.top || rn.bottom <= ra.top,
        stray,
        rules: rules.length,
        tallestRuleEm: Math.max(0, ...rules.map((r) => r.height / em)),
        pageScrollsSideways: document.documentElement.scrollWidth > innerWidth,
        trickSources: [...a.querySelectorAll("code.math-source")].map((c) => c.textContent),
      };
    });
    assert.equal(geometry.apart, true, "the two answers overlap");
    assert.equal(geometry.stray, 0, "the wide answer covers its neighbour");
    assert.ok(geometry.rules >= 2, "the rules were not typeset");
    assert.ok(
      geometry.tallestRuleEm <= 15,
      `a rule is ${geometry.tallestRuleEm.toFixed(1)} em tall`,
    );
    assert.equal(geometry.pageScrollsSideways, false);
    for (const trick of [
      "$a\\kern-50em b$",
      "$\\hspace{-30em}c$",
      "$\\mathllap{FAKE}d$",
      "$\\raisebox{-40em}{e}$",
    ]) {
      assert.ok(geometry.trickSources.includes(trick), `typeset: ${trick}`);
    }
    assert.match(await cells.nth(0).evaluate((el) => el.textContent ?? ""), /Wide answer done\./);
    assert.deepEqual(await longTasksOver(page, 200), []);
  });

  it("renders a streamed answer exactly as the same answer rendered whole", async () => {
    const { page } = b;
    await chatReplay(page, "render-cases.json", "tps");
    await page.getByLabel("Tokens per second").fill("120");
    const answer = await ask(page, "streamed");
    const html = () => answer.locator(".markdown").evaluate((el) => el.innerHTML);
    const streamedHtml = await html();
    assert.match(streamedHtml, /class="katex-display"/);
    assert.match(streamedHtml, /data-highlighted="yes"/);
    await page.reload();
    const reloaded = page.getByTestId("assistant-message").last();
    await rendered(reloaded);
    assert.equal(await reloaded.locator(".markdown").evaluate((el) => el.innerHTML), streamedHtml);
  });

  it("gives each code block its own copy button", async () => {
    const { page } = b;
    const answer = page.getByTestId("assistant-message").last();
    const buttons = answer.getByRole("button", { name: "Copy code" });
    assert.equal(await buttons.count(), 2);
    await buttons.nth(1).click();
    await answer.getByRole("button", { name: "Copied" }).waitFor();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      "def part_2(x):\n    return x * 2  # part 2\n",
    );
    assert.deepEqual(b.errors, []);
  });

  it("shows an answer's text as it is, never a blank box, while the renderer has not caught up", async () => {
    const { page } = b;
    const answer = page.getByTestId("assistant-message").last();
    const box = answer.locator(".markdown");
    await box.locator(".copy-code[data-state]").waitFor({ state: "detached" }); // "Copied" went
    const before = await box.evaluate((el) => el.innerHTML);
    await page.evaluate(() => sessionStorage.setItem("polymath-test-slow-clock", "1"));
    await page.reload();
    await box.waitFor({ state: "attached" });
    await page.waitForTimeout(300);
    assert.equal(await box.getAttribute("data-rendering"), "true", "no slice got to render");
    assert.equal(await box.evaluate((el) => el.textContent), STREAMED);
    await page.evaluate(() => {
      sessionStorage.removeItem("polymath-test-slow-clock");
      /** @type {any} */ (window).__slowClock = false;
    });
    await rendered(answer);
    assert.equal(await box.evaluate((el) => el.innerHTML), before);
    assert.deepEqual(b.errors, []);
  });
});
