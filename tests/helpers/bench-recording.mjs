// A synthetic recording (a test fixture, not real model output) that answers a bench run's
// prompts: each model's answer to each item is right or wrong as the caller decides, written in
// the form the item's scorer reads. The prompts come from the app's own templates, as the Bench
// view shows them, so replay matches them exactly.
import { fixtureEntry, fixtureRecording } from "../fixtures/recordings/fixture-recording.mjs";

/** The prompt templates by kind, read from the Bench view's "Prompt templates" list. */
export async function readTemplates(page) {
  const runs = page.locator("#runs");
  await runs.getByText(/^Prompt templates/).click();
  const kinds = await runs.locator("details h4").allInnerTexts();
  const bodies = await runs.locator("details pre").allInnerTexts();
  return Object.fromEntries(kinds.map((k, i) => [k.trim(), bodies[i]]));
}

function answerFor(item, right) {
  switch (item.kind) {
    case "math":
      return `Step by step… #### ${right ? item.answer : Number(item.answer) + 1}`;
    case "choice": {
      const wrong = ["A", "B", "C", "D"].find((l) => l !== item.answer);
      return `The answer is ${right ? item.answer : wrong}.`;
    }
    case "code":
      return "```javascript\n" + (right ? item.reference : item.wrong) + "\n```";
    default:
      return right ? "A short answer." : "";
  }
}

/**
 * models: [{ id, label, role, domain, right: (item, index) => boolean, systems? }]; items: suite
 * items (as the Bench view exports them). `step` ms between streamed pieces. `systems`: system
 * prompts the model is also recorded with (the prompt-specialized generalist's domain prompts),
 * with `rightWith(item, index, system)` deciding those answers.
 */
export function benchRecording({ templates, items, models, step = 0, ttft = 0 }) {
  const entries = [];
  for (const m of models) {
    items.forEach((item, i) => {
      const content = templates[item.kind].replace("{prompt}", () => item.prompt);
      entries.push(
        fixtureEntry({
          id: `${m.id}-${item.id}`,
          modelId: m.id,
          messages: [{ role: "user", content }],
          params: { temperature: 0, seed: 1 },
          text: answerFor(item, m.right(item, i)),
          promptTokens: 40,
          ttft,
          step,
        }),
      );
      (m.systems ?? []).forEach((system, k) => {
        entries.push(
          fixtureEntry({
            id: `${m.id}-${item.id}-system-${k}`,
            modelId: m.id,
            messages: [
              { role: "system", content: system },
              { role: "user", content },
            ],
            params: { temperature: 0, seed: 1 },
            text: answerFor(item, m.rightWith(item, i, system)),
            promptTokens: 60,
            ttft,
            step,
          }),
        );
      });
    });
  }
  return fixtureRecording({
    note: "Bench answers right or wrong by construction.",
    models: models.map(({ id, label, role, domain }) => ({
      id,
      label,
      role,
      ...(domain ? { domain } : {}),
    })),
    entries,
  });
}
