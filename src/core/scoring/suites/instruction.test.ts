import { describe, expect, it } from "vitest";
import {
  IFEVAL_LANGUAGES,
  INSTRUCTION_IDS,
  compileInstructionItem,
  evaluateInstructionItem,
  isInstructionId,
  scoreInstructionItem,
} from "../ifeval";
import type { InstructionItem } from "../types";
import { instructionSuite } from "./instruction";

const items = instructionSuite.items as InstructionItem[];
const byName = (name: string): InstructionItem => {
  const item = items.find((i) => i.id === `instruction/${name}`);
  if (!item) throw new Error(`no item ${name}`);
  return item;
};

describe("built-in instruction suite", () => {
  it("has at least 25 instruction items with unique ids", () => {
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.every((i) => i.kind === "instruction" && i.domain === "instruction")).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("uses only registered ids with kwargs that validate", () => {
    for (const item of items) {
      expect(item.instructionIds.every(isInstructionId)).toBe(true);
      expect(() => compileInstructionItem(item)).not.toThrow();
    }
  });

  it("covers all 25 IFEval instruction types", () => {
    const used = new Set(items.flatMap((i) => i.instructionIds));
    expect(INSTRUCTION_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it("states in each prompt the values its kwargs check", () => {
    for (const item of items) {
      const prompt = item.prompt.toLowerCase();
      item.kwargs.forEach((kwargs) => {
        for (const [key, value] of Object.entries(kwargs)) {
          const expected =
            key === "language"
              ? [IFEVAL_LANGUAGES[value as string] ?? "?"]
              : key === "relation" || key.endsWith("_relation")
                ? []
                : Array.isArray(value)
                  ? value
                  : [String(value)];
          for (const text of expected) {
            expect({
              item: item.id,
              mentions: prompt.includes(String(text).toLowerCase()),
            }).toEqual({
              item: item.id,
              mentions: true,
            });
          }
        }
      });
    }
    const repeat = byName("cats-purr");
    expect(repeat.prompt.startsWith(String(repeat.kwargs[0]?.["prompt_to_repeat"]))).toBe(true);
  });
});

// Fixture: hand-written compliant answers (not model output), one per item named.
const COMPLIANT: Record<string, string> = {
  lighthouse: "All night the keeper trimmed the lantern while the fog pressed against the glass.",
  bread:
    "Yeast eats the sugar in the dough. As the yeast feeds it releases gas. Gluten traps that gas and the dough rises while the yeast keeps working.",
  umbrella:
    "The umbrella was left on a bus.\n***\nIt rode across the city for days.\n***\nA kind driver carried it back to its owner.",
  neighbour:
    "Dear neighbour, I hope you are well.\n\nRecently, your dog has been barking late at night.\n\nCould we find a way to keep it calmer after ten?\n\nThank you for understanding.",
  candle: "My answer is no. A flame left alone can start a fire.",
  "mountain-trip":
    "Day 1\nArrive, unpack and walk to the old chapel.\nDay 2\nHike to the lake and take the cable car down.",
  octopus: '```json\n{"facts": ["three hearts", "blue blood", "nine brains"]}\n```',
  "frost-haiku":
    "<<first frost>>\nsilver on the grass\nthe garden holds its breath now\nmorning turns to glass",
  "bakery-names": "The Rising Loaf\n******\nCrumb and Crust",
  "cats-purr":
    "Write one sentence about why cats purr. Cats purr to show comfort and to calm themselves.",
  interview:
    "Research the company first. Prepare two stories about your work. Ask a question at the end. Good luck out there.",
  "robot-school": '"Hello, classmates! My name is Bolt and I am ready to learn."',
  "site-sign": "DANGER: HEAVY MACHINERY AT WORK\nHARD HATS MUST BE WORN BEYOND THIS POINT",
  "rainy-cafe":
    "rain taps on the window while the espresso machine hisses and a few people read quietly by the warm lamps.",
  "season-es":
    "Mi estación favorita es el otoño. Las hojas cambian de color y el aire es fresco. Me encanta pasear por el parque.",
  "hydration-hi": "दिन भर थोड़ा थोड़ा पानी पीते रहें। धूप में बाहर जाते समय हमेशा पानी की बोतल साथ रखें।",
  "coffee-review": "The espresso was rich and the staff were friendly, so I will come back soon.",
};

describe("hand-written compliant answers", () => {
  it("pass every instruction of their item, strictly", () => {
    expect(Object.keys(COMPLIANT).length).toBeGreaterThanOrEqual(5);
    for (const [name, answer] of Object.entries(COMPLIANT)) {
      const v = scoreInstructionItem(byName(name), answer);
      expect({ name, pass: v.pass, reason: v.reason }).toEqual({
        name,
        pass: true,
        reason: expect.stringContaining("Followed all") as unknown,
      });
    }
  });

  it("fail when they break an instruction", () => {
    expect(scoreInstructionItem(byName("bread"), "Yeast, yeast, yeast.").pass).toBe(false);
    expect(scoreInstructionItem(byName("coffee-review"), "Good espresso.").pass).toBe(false);
    const preamble = `Here are the facts:\n${COMPLIANT["octopus"]!}`;
    expect(evaluateInstructionItem(byName("octopus"), preamble)).toMatchObject({
      strict: [false],
      loose: [true],
    });
  });
});
