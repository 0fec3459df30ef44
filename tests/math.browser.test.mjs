// Math in answers, in real Chromium: KaTeX loads only once an answer holds math, the TeX shows as
// code until it has, and then typesets inline and display math while money, code and hostile
// \href/\url stay literal. The answer comes from the synthetic fixture math-answer.json.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const fixture = fileURLToPath(new URL("./fixtures/recordings/math-answer.json", import.meta.url));

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

describe("Math in answers", () => {
  let b;
  const requested = [];
  before(async () => {
    b = await launch({ webgpu: true });
    b.page.on("request", (r) => requested.push(r.url()));
    await b.page.addInitScript(() => {
      window.alert = () => {
        /** @type {any} */ (window).__pwned = 1;
      };
    });
  });
  after(async () => {
    await b?.close();
  });

  it("loads KaTeX lazily, shows TeX as code meanwhile, then typesets it", async () => {
    const { page } = b;
    // Hold KaTeX's script back a little so the placeholder can be seen.
    await page.route(/\/katex[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(server.url + "#/chat");
    await viewShown(page, "Chat");
    assert.deepEqual(
      requested.filter((u) => /katex/i.test(u)),
      [],
      "KaTeX loaded before any answer held math",
    );

    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(fixture);
    await page.getByTestId("replay-badge").filter({ hasText: "math-answer.json" }).waitFor();
    await page
      .getByLabel("Message", { exact: true })
      .fill("What is the area under y = x^2 from 0 to 1?");
    await page.getByRole("button", { name: "Send", exact: true }).click();

    const answer = page.getByTestId("assistant-message").last();
    const pending = answer.locator("code.math-pending").first();
    await pending.waitFor();
    assert.match(await pending.innerText(), /\$|\\\(|\\boxed/);
    await answer.locator(".katex-display").waitFor({ timeout: 15_000 });
    await answer.getByTestId("usage").waitFor();
    assert.ok(
      requested.some((u) => /katex[^/]*\.css$/.test(u)),
      "KaTeX's stylesheet not loaded",
    );

    const found = await answer.evaluate((el) => {
      const text = el.querySelector("[data-testid=answer-text]");
      const all = [...el.querySelectorAll("*")];
      return {
        katex: el.querySelectorAll(".katex").length,
        display: el.querySelectorAll(".katex-display").length,
        pending: el.querySelectorAll(".math-pending").length,
        labels: [...el.querySelectorAll(".math[aria-label]")].map((m) =>
          m.getAttribute("aria-label"),
        ),
        mathInCode: el.querySelectorAll("pre .katex, code .katex").length,
        code: [...el.querySelectorAll("pre code, p code")].map((c) => c.textContent),
        firstParagraph: text?.querySelector("p")?.textContent ?? "",
        scripts: el.querySelectorAll("script").length,
        handlers: all
          .flatMap((n) => [...n.attributes].map((a) => a.name))
          .filter((a) => /^on/i.test(a)),
        links: el.querySelectorAll(".katex a, [data-testid=answer-text] a").length,
        jsHrefs: [...el.querySelectorAll("[href]")].filter((a) =>
          /javascript:/i.test(a.getAttribute("href") ?? ""),
        ).length,
        boxed: el.querySelectorAll(".katex .boxpad, .katex .fbox").length,
      };
    });
    assert.equal(found.katex, 6, "six formulas typeset");
    assert.equal(found.display, 1);
    assert.equal(found.pending, 0);
    assert.deepEqual(found.labels.slice(0, 2), ["f(x) = x^2", "0 \\le x \\le 1"]);
    assert.equal(found.mathInCode, 0);
    assert.match(found.code.join("\n"), /echo "total: \$HOME costs \$5, and \$x\$ stays"/);
    assert.ok(found.code.includes("$y$"), "inline code lost its dollars");
    assert.equal(
      found.firstParagraph,
      "FIXTURE: Apples cost $5 and pears cost $10, so a bag of both costs $15 in total.",
    );
    assert.ok(found.boxed >= 1, "\\boxed{} not typeset");
    assert.deepEqual(
      { scripts: found.scripts, handlers: found.handlers, links: found.links, js: found.jsHrefs },
      { scripts: 0, handlers: [], links: 0, js: 0 },
    );
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
    await screenshot(page, "math-1280");
  });

  it("fits a 360 px screen and typesets again after a reload", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByTestId("assistant-message").locator(".katex-display").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360 px`);
    await screenshot(page, "math-360");
    assert.deepEqual(b.errors, []);
  });
});
