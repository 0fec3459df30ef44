// Compare with the routed team as a column beside the generalist, in Chromium without WebGPU,
// from a synthetic recording (a test fixture, not model output) of a generalist, a code
// specialist and a math specialist: the team's column answers a code prompt through the code
// specialist and a math follow-up through the math specialist, and says who answered and why; in
// a blind comparison none of that shows before the vote. The prompt-specialized generalist's
// column answers with the generalist told the (edited) code domain prompt, and says so.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtureEntry, fixtureRecording } from "./fixtures/recordings/fixture-recording.mjs";
import { launch, screenshot } from "./helpers/browser.mjs";
import { serveDist } from "./helpers/server.mjs";

let server;
let b;
let dir;
let file;
before(async () => {
  server = await serveDist();
  b = await launch({ webgpu: false });
  dir = await mkdtemp(join(tmpdir(), "polymath-compare-team-"));
  file = join(dir, "team.json");
  await writeFile(file, JSON.stringify(recording()));
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
/** The code domain prompt as the user edits it (one set for Compare, Chat and the bench). */
const CODE_PROMPT = "You are the fixture's code expert. Answer with code.";
const PROMPTED_ANSWER = "fx-gen answers the code prompt, told the code domain prompt.";

function recording() {
  const entry = (modelId, what, messages) =>
    fixtureEntry({
      id: `${modelId}-${what}`,
      modelId,
      messages,
      params: {},
      text: answer(modelId, what),
      promptTokens: 20,
      ttft: 5,
      step: 1,
    });
  const first = [{ role: "user", content: CODE }];
  // Each column is its own conversation: the follow-up comes after that column's first answer
  // (the team's was the code specialist's).
  const followUp = (answeredBy) => [
    ...first,
    { role: "assistant", content: answer(answeredBy, "code") },
    { role: "user", content: MATH },
  ];
  return fixtureRecording({
    note: "Routed-team comparison.",
    models: MODELS,
    entries: [
      ...MODELS.map((m) => entry(m.id, "code", first)),
      entry("fx-gen", "math", followUp("fx-gen")),
      entry("fx-math", "math", followUp("fx-coder")),
      // The generalist told the (edited) code domain prompt: the prompt-specialized column's.
      fixtureEntry({
        id: "fx-gen-code-prompted",
        modelId: "fx-gen",
        messages: [{ role: "system", content: CODE_PROMPT }, ...first],
        params: {},
        text: PROMPTED_ANSWER,
        promptTokens: 30,
        ttft: 5,
        step: 1,
      }),
    ],
  });
}

/**
 * The member the team's column names, once it names one: the column's live cell gives way to the
 * saved turn after "Done", and in between the name can read empty for a moment.
 */
async function memberShown(page) {
  return (await membersShown(page, 1))[0];
}

/** The members the first `count` route notes name, once each names one (see `memberShown`). */
async function membersShown(page, count) {
  const names = await page.waitForFunction((n) => {
    const shown = [...document.querySelectorAll("[data-testid=route-member]")].map(
      (e) => e.textContent?.trim() ?? "",
    );
    return shown.length >= n && shown.slice(0, n).every(Boolean) ? shown : null;
  }, count);
  return names.jsonValue();
}

async function waitAllDone(page, count) {
  await page.waitForFunction(
    (n) => {
      const s = Array.from(document.querySelectorAll('[data-testid="column-status"]'));
      return (
        s.length === n &&
        s.every((e) => e.textContent?.trim() === "Done") &&
        !document.querySelector("[data-markdown=pending], [data-rendering=true]")
      );
    },
    count,
    { timeout: 20_000 },
  );
}

/** Choose exactly the generalist and the routed team as the columns. */
async function chooseGeneralistAndTeam(page) {
  const list = page.getByTestId("model-list");
  for (const name of [/^Fixture coder/, /^Fixture math/]) {
    const box = list.getByRole("checkbox", { name });
    if (await box.isChecked()) await box.uncheck();
  }
  const gen = list.getByRole("checkbox", { name: /^Fixture generalist/ });
  if (!(await gen.isChecked())) await gen.check();
  await list.getByRole("checkbox", { name: /^Routed team/ }).check();
}

const texts = async (page) =>
  (await page.getByTestId("answer-text").allInnerTexts()).map((t) => t.trim());

describe("Compare with the routed team", () => {
  it("the team's column answers through the member the router chose, and says why", async () => {
    const { page } = b;
    await page.goto(server.url + "#/compare");
    await page.getByLabel("Replay a recording (.json)").setInputFiles(file);
    await page.getByTestId("replay-badge").waitFor();
    const team = page.getByTestId("model-list").getByRole("checkbox", { name: /^Routed team/ });
    assert.match(
      (await team.locator("xpath=..").innerText()).replace(/\s+/g, " "),
      /Routed team routed team · code → Fixture coder, math → Fixture math, else Fixture generalist/,
    );
    await chooseGeneralistAndTeam(page);
    await page.getByLabel("Prompt for every model").fill(CODE);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await waitAllDone(page, 2);
    assert.deepEqual(await page.getByTestId("column-name").allInnerTexts(), [
      "Fixture generalist",
      "Routed team",
    ]);
    assert.deepEqual(await texts(page), [answer("fx-gen", "code"), answer("fx-coder", "code")]);
    const notes = page.getByTestId("route-note");
    assert.equal(await notes.count(), 1, "only the team's answer has a route note");
    assert.equal(await memberShown(page), "Fixture coder");
    assert.match(
      await notes.innerText(),
      /its code specialist; the router said code, \d+% sure, in [\d.]+ (µs|ms)/,
    );
    // The note sits in the team's answer, not the generalist's.
    const teamAnswer = page.getByRole("article", { name: "Answer from Routed team" });
    assert.equal(await teamAnswer.getByTestId("route-note").count(), 1);

    await page.getByLabel("Follow-up for every model").fill(MATH);
    await page.getByRole("button", { name: "Send to all" }).click();
    await page.getByTestId("route-note").nth(1).waitFor();
    await waitAllDone(page, 2);
    assert.deepEqual((await texts(page)).slice(2), [
      answer("fx-gen", "math"),
      answer("fx-math", "math"),
    ]);
    assert.deepEqual(await membersShown(page, 2), ["Fixture coder", "Fixture math"]);
    // Read as text: a finished answer off the screen is not laid out (content-visibility).
    assert.match(
      (await notes.nth(1).textContent()) ?? "",
      /its math specialist; the router said math/,
    );
    await screenshot(page, "compare-routed-team");
    assert.deepEqual(b.errors, []);
  });

  it("a blind comparison shows neither the team nor its member before the vote", async () => {
    const { page } = b;
    await page.getByRole("button", { name: "New comparison" }).click();
    await chooseGeneralistAndTeam(page);
    await page.getByLabel("Blind vote (arena)", { exact: false }).check();
    await page.getByLabel("Prompt for every model").fill(CODE);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await waitAllDone(page, 2);
    assert.deepEqual(await page.getByTestId("column-name").allInnerTexts(), ["Model A", "Model B"]);
    assert.equal(await page.getByTestId("route-note").count(), 0);
    const board = await page.locator("main").innerText();
    for (const hidden of ["Routed team", "Fixture coder", "Fixture generalist", "specialist"]) {
      assert.ok(!board.includes(hidden), `"${hidden}" is hidden before the vote`);
    }
    await page.getByRole("button", { name: "A is better" }).click();
    await page.getByTestId("reveal").waitFor();
    assert.match(await page.getByTestId("reveal").innerText(), /Routed team/);
    await page.getByTestId("route-note").waitFor();
    assert.equal(await memberShown(page), "Fixture coder");
    assert.deepEqual(b.errors, []);
  });

  it("the team's members can be changed in the setup, and the column follows", async () => {
    const { page } = b;
    await page.getByRole("button", { name: "New comparison" }).click();
    await chooseGeneralistAndTeam(page);
    const blind = page.getByLabel("Blind vote (arena)", { exact: false });
    if (await blind.isChecked()) await blind.uncheck();
    const editor = page.getByTestId("team-editor");
    await editor.locator("summary").click();
    await editor.getByLabel("code prompts go to").selectOption({ label: "Fixture math" });
    const team = page.getByTestId("model-list").getByRole("checkbox", { name: /^Routed team/ });
    assert.match(
      (await team.locator("xpath=..").innerText()).replace(/\s+/g, " "),
      /code → Fixture math, math → Fixture math, else Fixture generalist/,
    );
    await page.getByLabel("Prompt for every model").fill(CODE);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await waitAllDone(page, 2);
    assert.deepEqual(await texts(page), [answer("fx-gen", "code"), answer("fx-math", "code")]);
    assert.equal(await memberShown(page), "Fixture math");
    assert.deepEqual(b.errors, []);
  });

  it("the prompt-specialized generalist's column answers with the generalist told the domain prompt", async () => {
    const { page } = b;
    await page.getByRole("button", { name: "New comparison" }).click();
    const list = page.getByTestId("model-list");
    for (const name of [/^Fixture coder/, /^Fixture math/, /^Routed team/]) {
      const box = list.getByRole("checkbox", { name });
      if (await box.isChecked()) await box.uncheck();
    }
    const gen = list.getByRole("checkbox", { name: /^Fixture generalist/ });
    if (!(await gen.isChecked())) await gen.check();
    const prompted = list.getByRole("checkbox", { name: /^Generalist \+ domain prompts/ });
    assert.match(
      (await prompted.locator("xpath=..").innerText()).replace(/\s+/g, " "),
      /Fixture generalist, told the routed label's domain prompt/,
    );
    await prompted.check();
    const blind = page.getByLabel("Blind vote (arena)", { exact: false });
    if (await blind.isChecked()) await blind.uncheck();
    // The domain prompts, editable in the setup once the column is chosen.
    const prompts = page.getByTestId("domain-prompts");
    await prompts.locator("summary").click();
    const code = prompts.getByLabel("code", { exact: true });
    await code.fill(CODE_PROMPT);
    await code.blur();

    await page.getByLabel("Prompt for every model").fill(CODE);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await waitAllDone(page, 2);
    assert.deepEqual(await page.getByTestId("column-name").allInnerTexts(), [
      "Fixture generalist",
      "Generalist + domain prompts",
    ]);
    // One model answers both columns: as itself, and told the code domain prompt.
    assert.deepEqual(await texts(page), [answer("fx-gen", "code"), PROMPTED_ANSWER]);
    const column = page.getByRole("article", { name: "Answer from Generalist + domain prompts" });
    await column.getByTestId("route-note").waitFor();
    assert.equal(await memberShown(page), "Fixture generalist");
    assert.match(
      await column.getByTestId("route-note").innerText(),
      /^Generalist \+ domain prompts → Fixture generalist \(told the code domain prompt; the router said code, \d+% sure, in [\d.]+ (µs|ms)\)/,
    );
    await screenshot(page, "compare-prompted-generalist");
    assert.deepEqual(b.errors, []);
  });
});
