/** Code items: run the answer against the item's tests through a CodeRunner. */
import type { CodeItem, CodeRunner, RunOutcome, Verdict } from "./types";
import { buildCodeProgram } from "./code-program";
import { passValue } from "./harness/program";

export const DEFAULT_CODE_TIMEOUT_MS = 5000;

export type CodeFailure =
  | "assertion"
  | "exception"
  | "syntax"
  | "timeout"
  | "no-code"
  /** The program ended (or was made to end) before its tests finished. */
  | "incomplete"
  /** The answer tried to replace something the tests rely on. */
  | "tampered";

/** Why a run is "ok" yet not a pass: the harness never said the tests finished. */
export const INCOMPLETE_REASON = "the program ended before its tests finished";

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
  // Named by the test harness (harness/run-tests.js) and the sandbox's worker prelude.
  if (name === "EarlyExit") {
    return {
      failure: "incomplete",
      reason: `${INCOMPLETE_REASON}${message ? `: ${message}` : ""}`,
    };
  }
  if (name === "Tampering") {
    return { failure: "tampered", reason: `the answer tampered with the tests: ${message}` };
  }
  if (name === "SyntaxError") return { failure: "syntax", reason: `syntax error: ${message}` };
  // Tests signal failure with console.assert, assert.* or a plain `throw new Error(…)`.
  if (name === "AssertionError" || name === "Error") {
    return { failure: "assertion", reason: `assertion failed${message ? `: ${message}` : ""}` };
  }
  return { failure: "exception", reason: `exception: ${name}${message ? `: ${message}` : ""}` };
}

/**
 * Score a code answer: pass only when the program (see buildCodeProgram) ends with its completion
 * token, which the harness gives after the tests ran to their end and passed; running without an
 * error is not enough.
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
  if (outcome.status === "ok" && outcome.value === passValue(built.token)) {
    const reason = "all tests passed";
    return { itemId: item.id, pass: true, score: 1, reason, extracted: built.code, details };
  }
  const { failure, reason } =
    outcome.status === "ok"
      ? { failure: "incomplete" as const, reason: INCOMPLETE_REASON }
      : describeFailure(outcome, timeoutMs);
  return {
    itemId: item.id,
    pass: false,
    score: 0,
    reason,
    extracted: built.code,
    details: { ...details, failure },
  };
}
