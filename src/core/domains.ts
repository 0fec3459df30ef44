/**
 * Task areas: one list for the catalog (what a model is for), the scoring suites, the prompts of a
 * comparison, votes and recordings, so a per-domain score, rating and routing decision line up.
 */

/** What a prompt or a benchmark item is about. */
export const DOMAINS = [
  "code",
  "math",
  "reasoning",
  "instruction",
  "chat",
  "tools",
  "language",
  "knowledge",
] as const;
export type Domain = (typeof DOMAINS)[number];

/** What a model is for: the task domains, plus two that describe models only. */
export const MODEL_DOMAINS = [...DOMAINS, "embedding", "vision"] as const;
export type ModelDomain = (typeof MODEL_DOMAINS)[number];

/** The domains a comparison's prompt is filed under: the specialists' areas. */
export const PROMPT_DOMAINS = ["code", "math", "instruction", "reasoning"] as const;
export type PromptDomain = (typeof PROMPT_DOMAINS)[number];

/** True for a task domain's name. */
export function isDomain(value: unknown): value is Domain {
  return typeof value === "string" && (DOMAINS as readonly string[]).includes(value);
}
