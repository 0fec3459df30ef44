/** Code items: run the answer against the item's tests through a CodeRunner. */
import type { CodeItem, CodeRunner, RunOutcome, Verdict } from "./types";
import { buildCodeProgram } from "./code-program";

export const DEFAULT_CODE_TIMEOUT_MS = 5000;

export type CodeFailure = "assertion" | "exception" | "syntax" | "timeout" | "no-code";

function short(message: string | undefined): string {
  const line = (message ?? "").split("\n")[0]?.trim() ?? "";
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

/** Why a run failed, in a person's words, and its kind. */
export function describeFailure(
  outcome: RunOutcome,
  timeoutMs: number,
): { failure: CodeFailure; reason: string } {
  if (outcome.status === "timeout") {
    return { failure: "timeout", reason: `timed out after ${timeoutMs} ms` };
  }
  const name = outcome.errorName ?? "Error";
  const message = short(outcome.message);
  if (name === "SyntaxError") return { failure: "syntax", reason: `syntax error: ${message}` };
  // Tests signal failure with console.assert, assert.* or a plain `throw new Error(…)`.
  if (name === "AssertionError" || name === "Error") {
    return { failure: "assertion", reason: `assertion failed${message ? `: ${message}` : ""}` };
  }
  return { failure: "exception", reason: `exception: ${name}${message ? `: ${message}` : ""}` };
}

/**
 * Score a code answer: pass when the program (see buildCodeProgram) runs without error.
 * A runner that cannot run at all rejects, and that rejection propagates: it is not the model's fault.
 */
export async function scoreCodeItem(
  item: CodeItem,
  answer: string,
  runner: CodeRunner,
  options: { timeoutMs?: number } = {},
): Promise<Verdict> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CODE_TIMEOUT_MS;
  const built = buildCodeProgram(item, answer);
  if (built === null) {
    return {
      itemId: item.id,
      pass: false,
      score: 0,
      reason: "no code found",
      details: { failure: "no-code" },
    };
  }
  const outcome = await runner.run(built.program, { timeoutMs });
  const details = { mode: built.mode, durationMs: Math.round(outcome.durationMs) };
  if (outcome.status === "ok") {
    const reason = "all tests passed";
    return { itemId: item.id, pass: true, score: 1, reason, extracted: built.code, details };
  }
  const { failure, reason } = describeFailure(outcome, timeoutMs);
  return {
    itemId: item.id,
    pass: false,
    score: 0,
    reason,
    extracted: built.code,
    details: { ...details, failure },
  };
}
