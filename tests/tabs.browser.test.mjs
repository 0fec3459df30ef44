// One conversation open in two tabs of the same browser (a synthetic fixture recording answers
// it): an idle tab shows what the other saved at once; a tab whose answer streams while the other
// renames the conversation has its save refused (nothing is overwritten) and is asked which
// version to keep.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launch, screenshot } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

const FIXTURE = fileURLToPath(new URL("./fixtures/recordings/markdown-code.json", import.meta.url));
const PROMPT = "How do I reverse a linked list in Python?";

let server;
let b;
before(async () => {
  server = await serveDist();
  b = await launch();
});
after(async () => {
  await b?.close();
  await server?.close();
});

async function replay(page, pace, tps) {
  await page.getByLabel("Pace", { exact: true }).selectOption(pace);
  if (tps) await page.getByLabel("Tokens per second").fill(String(tps));
  await page.getByLabel("Replay a recording (.json)").setInputFiles(FIXTURE);
  await page.getByTestId("replay-badge").waitFor();
}

async function rename(page, from, to) {
  const list = page.locator("aside");
  await list.getByRole("button", { name: `Rename “${from}”` }).click();
  await list.getByLabel("New title").fill(to);
  await list.getByRole("button", { name: "Save" }).click();
  await list.getByRole("link", { name: to }).waitFor();
}

describe("A conversation open in two tabs", () => {
  it("follows the other tab when idle, and refuses a stale save with a choice", async () => {
    const a = b.page;
    await a.goto(server.url + "#/chat");
    await replay(a, "fastest");
    await a.getByLabel("Message", { exact: true }).fill(PROMPT);
    await a.getByRole("button", { name: "Send", exact: true }).click();
    await a.getByText("Replayed from markdown-code.json").waitFor();
    await a.waitForFunction(() => /^#\/chat\/.+/.test(location.hash));
    const url = a.url();

    const tabB = await b.context.newPage();
    await tabB.goto(url);
    await tabB.getByTestId("assistant-message").waitFor();

    // Idle: B shows A's rename at once, and says where it came from.
    await rename(a, PROMPT, "Renamed in A");
    await tabB.getByTestId("conversation-title").filter({ hasText: "Renamed in A" }).waitFor();
    assert.match(await tabB.getByTestId("changed-elsewhere").innerText(), /another tab/);

    // Busy: B regenerates slowly; A renames meanwhile. B's next save must not overwrite A's.
    await replay(tabB, "tps", 5);
    await tabB.getByRole("button", { name: "Regenerate", exact: true }).click();
    await tabB.getByRole("button", { name: "Stop", exact: true }).waitFor();
    await rename(a, "Renamed in A", "Renamed again in A");
    const conflict = tabB.locator('[data-testid=error-notice][data-code="conflict"]');
    await conflict.waitFor({ timeout: 30_000 });
    assert.match(await conflict.innerText(), /another tab/);
    await tabB.getByRole("button", { name: "Stop", exact: true }).click();
    assert.equal(
      await a.getByTestId("conversation-title").innerText(),
      "Renamed again in A",
      "A's rename was kept",
    );
    await screenshot(tabB, "chat-conflict");

    // B keeps its version: it is saved over A's, and A (idle) shows it.
    await tabB.getByRole("button", { name: "Keep this tab's version" }).click();
    await conflict.waitFor({ state: "detached" });
    await a.getByTestId("conversation-title").filter({ hasText: "Renamed in A" }).waitFor();
    assert.deepEqual(b.errors, []);
    await tabB.close();
  });
});
