/** Words the Bench view shows for domains and item kinds. */
import type { Domain, ItemKind } from "../../core/scoring/types";
import type { SuiteSummary } from "../../core/storage/suites";

const DOMAINS: Record<Domain, string> = {
  code: "Code",
  math: "Math",
  reasoning: "Reasoning",
  instruction: "Instruction following",
  chat: "Chat",
  tools: "Tools",
  language: "Language",
  knowledge: "Knowledge",
};

const KINDS: Record<ItemKind, string> = {
  code: "code with tests",
  math: "math, final number",
  choice: "multiple choice",
  instruction: "verifiable instructions",
  checks: "custom checks",
};

export const domainLabel = (d: Domain): string => DOMAINS[d];
export const kindLabel = (k: ItemKind): string => KINDS[k];

/** A suite in a select: its name, where it came from and its size, so same-named ones differ. */
export const suiteOptionLabel = (s: SuiteSummary): string =>
  s.source === s.name
    ? `${s.name} (${s.itemCount} items)`
    : `${s.name} — ${s.source}, ${s.itemCount} items`;
