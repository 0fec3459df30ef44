// Chat with the routed team ("Auto"), in Chromium without WebGPU, from a synthetic recording (a
// test fixture, not model output) of a generalist, a code specialist and a math specialist: a
// code prompt goes to the code specialist and a math prompt to the math specialist, and each
// answer says which member answered and why; the last answer can be asked of another member
// instead, for that message only. The prompt-specialized choice answers with the generalist told
// the code domain prompt the user edited, which the bench's run setup then shows too.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtureEntry, fixtureRecording } from "./fixtures/recordings/fixture-recording.mjs";
import { launch, screenshot, viewShown } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

let server;
let b;
let dir;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: false });
  dir = await mkdtemp(join(tmpdir(), "polymath-chat-team-"));
});
after(async () => {
  await b?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const CODE = 'def add(a, b):\n    """Return the sum of a and b."""';
const MATH = "A shop sells pens at $3 each. How many pens can Ana buy with $27?";
const MODELS = [
  { id: "fx-gen", label: "Fixture generalist", role: "generalist" },
  { id: "fx-coder", label: "Fixture coder", role: "specialist", domain: "code" },
  { id: "fx-math", label: "Fixture math", role: "specialist", domain: "math" },
];
const answer = (id, what) => `${id} answers the ${what} prompt.`;
/** The code domain prompt as the user edits it (one set for Chat, Compare and the bench). */
const CODE_PROMPT = "You are the fixture's code expert. Answer with code.";

function recording() {
  const entries = [];
  for (const m of MODELS) {
    const first = [{ role: "user", content: CODE }];
    entries.push(
      fixtureEntry({
        id: `${m.id}-code`,
        modelId: m.id,
        messages: first,
        params: {},
        text: answer(m.id, "code"),
        promptTokens: 20,
        ttft: 5,
        step: 1,
      }),
    );
    // The math prompt follows the code specialist's answer in the same conversation.
    entries.push(
      fixtureEntry({
        id: `${m.id}-math`,
        modelId: m.id,
        messages: [
          ...first,
          { role: "assistant", content: answer("fx-coder", "code") },
          { role: "user", content: MATH },
        ],
        params: {},
        text: answer(m.id, "math"),
        promptTokens: 40,
        ttft: 5,
        step: 1,
      }),
    );
  }
  // The generalist told the (edited) code domain prompt: what the prompt-specialized choice sends.
  entries.push(
    fixtureEntry({
      id: "fx-gen-code-prompted",
      modelId: "fx-gen",
      messages: [
        { role: "system", content: CODE_PROMPT },
        { role: "user", content: CODE },
      ],
      params: {},
      text: "fx-gen answers the code prompt, told the code domain prompt.",
      promptTokens: 30,
      ttft: 5,
      step: 1,
    }),
  );
  return fixtureRecording({ note: "Routed-team chat.", models: MODELS, entries });
}

/** The answer has finished streaming: the composer offers Send again instead of Stop. */
const answered = (page) =>
  page.getByRole("button", { name: "Stop", exact: true }).waitFor({ state: "detached" });

/** Chat, replaying the team's recording as fast as it goes; returns the recording's file. */
async function openWithTeamRecording(page) {
  const file = join(dir, "team.json");
  await writeFile(file, JSON.stringify(recording()));
  await page.goto(server.url + "#/chat");
  await viewShown(page, "Chat");
  await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
  await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
  await page.getByTestId("replay-badge").waitFor();
  return file;
}

describe("Chat with the routed team", () => {
  it("routes a code prompt and a math prompt to two members and says why", async () => {
    const { page } = b;
    await openWithTeamRecording(page);
    const picker = page.getByLabel("Model", { exact: true });
    assert.match(
      await picker.locator("option[value='team:auto']").innerText(),
      /^Auto \(routed team: code → Fixture coder, math → Fixture math, else Fixture generalist\)$/,
    );
    await picker.selectOption("team:auto");

    const send = async (text) => {
      await page.getByLabel("Message", { exact: true }).fill(text);
      await page.getByRole("button", { name: "Send", exact: true }).click();
    };
    await send(CODE);
    const notes = page.getByTestId("route-note");
    await notes.first().waitFor();
    await send(MATH);
    await notes.nth(1).waitFor();
    await answered(page);
    const members = await page.getByTestId("route-member").allInnerTexts();
    assert.deepEqual(members, ["Fixture coder", "Fixture math"]);
    // The usage line names the team, not its internal id.
    const usage = await page.getByTestId("usage").allInnerTexts();
    assert.ok(
      usage.every((u) => u.startsWith("Routed team") && !u.includes("team:auto")),
      usage.join(),
    );
    const [code, math] = await notes.allInnerTexts();
    assert.match(
      code ?? "",
      /its code specialist; the router said code, \d+% sure, in [\d.]+ (µs|ms)/,
    );
    assert.match(math ?? "", /its math specialist; the router said math, \d+% sure/);
    const answers = await page.getByTestId("answer-text").allInnerTexts();
    assert.deepEqual(
      answers.map((a) => a.trim()),
      [answer("fx-coder", "code"), answer("fx-math", "math")],
    );
    await screenshot(page, "chat-routed-team");

    // The user's override for one message: the last answer again, from a member they pick.
    const override = page.getByTestId("team-override");
    assert.equal(await override.count(), 1, "only the last answer offers another member");
    await override.getByLabel("Answer this with").selectOption({ label: "Fixture generalist" });
    await override.getByRole("button", { name: "Ask instead" }).click();
    await page.getByText("your choice for this answer").waitFor();
    await answered(page);
    assert.deepEqual(
      (await page.getByTestId("answer-text").allInnerTexts()).map((a) => a.trim()),
      [answer("fx-coder", "code"), answer("fx-gen", "math")],
    );
    assert.deepEqual(await page.getByTestId("route-member").allInnerTexts(), [
      "Fixture coder",
      "Fixture generalist",
    ]);
    // The conversation stays with the team.
    assert.equal(await picker.inputValue(), "team:auto");
    assert.deepEqual(b.errors, []);
  });

  it("lets the user change who answers a label, keeps the change, and resets it", async () => {
    const { page } = b;
    const file = await openWithTeamRecording(page);
    const picker = page.getByLabel("Model", { exact: true });
    await picker.selectOption("team:auto");
    const editor = page.getByTestId("team-editor");
    await editor.locator("summary").click();
    const codeTo = editor.getByLabel("code prompts go to");
    assert.equal(await codeTo.inputValue(), "fx-coder", "the preset's code specialist by default");
    await codeTo.selectOption({ label: "Fixture math" });
    await editor
      .getByLabel("math prompts go to")
      .selectOption({ label: "the fallback generalist" });
    assert.match(
      await picker.locator("option[value='team:auto']").innerText(),
      /^Auto \(routed team: code → Fixture math, else Fixture generalist\)$/,
    );

    await page.getByLabel("Message", { exact: true }).fill(CODE);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByTestId("route-note").waitFor();
    await answered(page);
    assert.deepEqual(await page.getByTestId("route-member").allInnerTexts(), ["Fixture math"]);
    assert.equal(
      (await page.getByTestId("answer-text").innerText()).trim(),
      answer("fx-math", "code"),
    );

    // The change outlives a reload, and "Back to the preset's team" undoes it.
    await page.reload();
    await page.getByLabel("Pace", { exact: true }).selectOption("fastest");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
    await page.getByTestId("replay-badge").waitFor();
    const option = picker.locator("option[value='team:auto']");
    await page.waitForFunction(
      (el) => el?.textContent?.includes("code → Fixture math"),
      await option.elementHandle(),
    );
    await picker.selectOption("team:auto");
    await editor.locator("summary").click();
    await editor.getByRole("button", { name: "Back to the preset's team" }).click();
    assert.match(
      await option.innerText(),
      /^Auto \(routed team: code → Fixture coder, math → Fixture math, else Fixture generalist\)$/,
    );
    assert.equal(await codeTo.inputValue(), "fx-coder");
    assert.deepEqual(b.errors, []);
  });

  it("answers with the prompt-specialized generalist, told the domain prompt the user keeps", async () => {
    const { page } = b;
    await openWithTeamRecording(page);
    const picker = page.getByLabel("Model", { exact: true });
    assert.equal(
      await picker.locator("option[value='team:prompted']").innerText(),
      "Auto (Fixture generalist + domain prompts)",
    );
    await picker.selectOption("team:prompted");
    // The domain prompts, editable here: the code one as the recording's generalist was told.
    const prompts = page.getByTestId("domain-prompts");
    await prompts.locator("summary").click();
    const code = prompts.getByLabel("code", { exact: true });
    await code.fill(CODE_PROMPT);
    await code.blur();

    await page.getByLabel("Message", { exact: true }).fill(CODE);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByTestId("route-note").waitFor();
    await answered(page);
    assert.equal(
      (await page.getByTestId("answer-text").innerText()).trim(),
      "fx-gen answers the code prompt, told the code domain prompt.",
    );
    assert.match(
      await page.getByTestId("route-note").innerText(),
      /^Generalist \+ domain prompts → Fixture generalist \(told the code domain prompt; the router said code, \d+% sure, in [\d.]+ (µs|ms)\)/,
    );
    assert.match(await page.getByTestId("usage").innerText(), /^Generalist \+ domain prompts/);
    // One model answers: nothing to override with.
    assert.equal(await page.getByTestId("team-override").count(), 0);
    await screenshot(page, "chat-prompted-generalist");

    // The bench's run setup shows the same, kept prompts.
    await page.goto(server.url + "#/bench");
    await viewShown(page, "Bench");
    const bench = page.getByTestId("prompted-setup").getByTestId("domain-prompts");
    await page.waitForFunction(
      (text) =>
        [...document.querySelectorAll("[data-testid=prompted-setup] textarea")].some(
          (t) => t instanceof HTMLTextAreaElement && t.value === text,
        ),
      CODE_PROMPT,
    );
    await bench.locator("summary").click();
    assert.equal(await bench.getByLabel("code", { exact: true }).inputValue(), CODE_PROMPT);
    assert.deepEqual(b.errors, []);
  });
});
