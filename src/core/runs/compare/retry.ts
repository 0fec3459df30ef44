/**
 * Which columns of a comparison's last turn can be run again, and whether that turn has anything
 * to build on: pure, so the rules behind "Retry", "Export recording" and "Send to all" are tested once.
 */
import type { StoredAnswer, StoredComparison } from "./comparisons";

/** An answer with text that did not end in an error (a stopped answer counts: it has text). */
export function isAnswered(answer: StoredAnswer | undefined): boolean {
  return (
    answer !== undefined &&
    !answer.error &&
    answer.finishReason !== "error" &&
    (answer.text !== "" || answer.reasoning !== "")
  );
}

/**
 * Columns of the last turn worth running again, in column order: those without an answer (failed to
 * load, skipped, stopped before they began) and those that failed or were stopped part way.
 */
export function retryableColumns(c: Pick<StoredComparison, "models" | "turns">): string[] {
  const turn = c.turns.at(-1);
  if (!turn) return [];
  return c.models.filter((id) => {
    const answer = turn.answers[id];
    return !isAnswered(answer) || answer?.finishReason === "abort";
  });
}

/** Whether any column answered the last turn (nothing to export or follow up on otherwise). */
export function lastTurnAnswered(c: Pick<StoredComparison, "models" | "turns">): boolean {
  const turn = c.turns.at(-1);
  return turn !== undefined && c.models.some((id) => isAnswered(turn.answers[id]));
}
