/**
 * Sampling settings a run may use. A setting out of range is refused with a sentence that says
 * what is allowed, never clamped or dropped silently: the run would not be the one asked for.
 */
import type { SamplingParams } from "../engine/types";

export type NumericParam = "temperature" | "top_p" | "max_tokens" | "seed";

export interface ParamProblem {
  key: NumericParam;
  message: string;
}

const LABELS: Record<NumericParam, string> = {
  temperature: "Temperature",
  top_p: "Top-p",
  max_tokens: "Max tokens",
  seed: "Seed",
};

const RULES: Record<NumericParam, { ok: (v: number) => boolean; allowed: string }> = {
  temperature: { ok: (v) => v >= 0 && v <= 2, allowed: "a number from 0 to 2" },
  top_p: { ok: (v) => v > 0 && v <= 1, allowed: "a number above 0, at most 1" },
  max_tokens: { ok: (v) => Number.isInteger(v) && v >= 1, allowed: "a whole number from 1" },
  seed: { ok: (v) => Number.isSafeInteger(v) && v >= 0, allowed: "a whole number from 0" },
};

/**
 * What is wrong with `params`; `unreadable` names fields whose text is not a number at all
 * (the browser keeps the last good value for those, which must not be used either).
 */
export function checkParams(
  params: SamplingParams,
  unreadable: readonly NumericParam[] = [],
): ParamProblem[] {
  const problems: ParamProblem[] = [];
  for (const key of Object.keys(RULES) as NumericParam[]) {
    const value = params[key];
    const bad = unreadable.includes(key) || (value !== undefined && !RULES[key].ok(value));
    if (bad) {
      problems.push({ key, message: `${LABELS[key]} must be ${RULES[key].allowed}.` });
    }
  }
  return problems;
}

/** One sentence for all problems, for the notice that blocks the run. */
export function paramsMessage(problems: readonly ParamProblem[]): string {
  if (problems.length === 0) return "";
  return `Fix the settings first: ${problems.map((p) => p.message).join(" ")}`;
}
