import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRecording, type Recording } from "../engine/replay/recording";
import { runAgain } from "./run-again";

// A labelled test fixture (tests/fixtures/recordings), not a real run.
const fixture = parseRecording(
  readFileSync(
    new URL("../../../tests/fixtures/recordings/compare-two-models.json", import.meta.url),
    "utf8",
  ),
);

describe("runAgain", () => {
  it("takes the recording's models in order, its prompt and its settings, with no system prompt", () => {
    expect(runAgain(fixture)).toEqual({
      models: ["Qwen3-1.7B-q4f16_1-MLC", "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC"],
      prompt: "Write a Python function that checks whether a string is a palindrome.",
      systemPrompt: "",
      params: { temperature: 0.2, enable_thinking: false },
    });
  });

  it("takes the first prompt of a follow-up and the system prompt it ran with", () => {
    const entry = fixture.entries[0]!;
    const followUp: Recording = {
      ...fixture,
      entries: [
        {
          ...entry,
          request: {
            ...entry.request,
            messages: [
              { role: "system", content: "Answer in one line." },
              { role: "user", content: "First question" },
              { role: "assistant", content: "First answer" },
              { role: "user", content: "Second question" },
            ],
          },
        },
      ],
    };
    const again = runAgain(followUp);
    expect(again.prompt).toBe("First question");
    expect(again.systemPrompt).toBe("Answer in one line.");
  });
});
