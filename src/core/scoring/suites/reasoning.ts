/** The built-in reasoning suite: four-option multiple choice. */
import { formatChoicePrompt } from "../choice";
import type { ChoiceItem, Suite } from "../types";
import { reasoningSpecs } from "./reasoning-items";

const items: ChoiceItem[] = reasoningSpecs.map((spec) => ({
  id: `reasoning/${spec.id}`,
  kind: "choice",
  domain: "reasoning",
  question: spec.question,
  options: [...spec.options],
  prompt: formatChoicePrompt(spec.question, spec.options),
  answer: spec.answer,
}));

export const reasoningSuite: Suite = {
  id: "builtin-reasoning",
  name: "Reasoning",
  description:
    "Logic, deduction and common-sense questions written for Polymath, four options each; the chosen letter is checked.",
  source: "built-in",
  items,
};
