/**
 * Scoring one IFEval item, strict and loose, as `evaluation_lib.py` does. Strict: the response
 * as given. Loose: the instruction also counts as followed when one of seven relaxed responses
 * follows it (first line, last line or both removed, and each of the four with `*` removed).
 * In both modes a response that is empty after stripping follows nothing.
 */
import { PolymathError } from "../../errors";
import type { InstructionItem, Verdict } from "../types";
import type { Check } from "./kwargs";
import { pyStrip } from "./python-text";
import { compileInstruction } from "./registry";

/** Per-instruction outcomes of one item, in the order of its instruction ids. */
export interface InstructionResult {
  instructionIds: string[];
  strict: boolean[];
  loose: boolean[];
}

/** The eight responses IFEval's loose mode tries, the response itself first. */
export function looseVariants(response: string): string[] {
  const lines = response.split("\n");
  const removeFirst = pyStrip(lines.slice(1).join("\n"));
  const removeLast = pyStrip(lines.slice(0, -1).join("\n"));
  const removeBoth = pyStrip(lines.slice(1, -1).join("\n"));
  const unstar = (s: string) => s.replaceAll("*", "");
  return [
    response,
    unstar(response),
    removeFirst,
    removeLast,
    removeBoth,
    unstar(removeFirst),
    unstar(removeLast),
    unstar(removeBoth),
  ];
}

// Items are data and do not change once loaded; compile each once per session.
const compiled = new WeakMap<InstructionItem, Check[]>();

/** Validate an item's instruction ids and kwargs; throws a malformed-input PolymathError. */
export function compileInstructionItem(item: InstructionItem): Check[] {
  const hit = compiled.get(item);
  if (hit) return hit;
  const fail = (message: string) =>
    new PolymathError("malformed-input", `Item ${item.id}: ${message}`, {
      details: { itemId: item.id },
    });
  if (item.instructionIds.length === 0) throw fail("it has no instructions.");
  if (item.kwargs.length !== item.instructionIds.length) {
    throw fail(`${item.instructionIds.length} instructions but ${item.kwargs.length} kwargs.`);
  }
  const checks = item.instructionIds.map((id, i) => {
    try {
      return compileInstruction(id, item.kwargs[i]);
    } catch (e) {
      throw e instanceof PolymathError ? fail(e.message) : e;
    }
  });
  compiled.set(item, checks);
  return checks;
}

/** Strict and loose outcome of every instruction of `item` for `answer`. */
export function evaluateInstructionItem(item: InstructionItem, answer: string): InstructionResult {
  const checks = compileInstructionItem(item);
  const follows = (check: Check, response: string) => pyStrip(response) !== "" && check(response);
  // Relaxed variants often coincide (no `*`, one line); try each distinct one once.
  const relaxed = [...new Set(looseVariants(answer).slice(1))].filter((v) => v !== answer);
  const strict = checks.map((check) => follows(check, answer));
  const loose = checks.map((check, i) => strict[i]! || relaxed.some((v) => follows(check, v)));
  return { instructionIds: [...item.instructionIds], strict, loose };
}

/**
 * IFEval verdict for one answer: `pass` is prompt-level strict, `score` the fraction of
 * instructions followed (strict); `details` hold per-instruction strict and loose results and
 * prompt-level loose (read them back with `instructionResultOf`).
 */
export function scoreInstructionItem(item: InstructionItem, answer: string): Verdict {
  const result = evaluateInstructionItem(item, answer);
  const { instructionIds, strict, loose } = result;
  const followed = strict.filter(Boolean).length;
  const looseFollowed = loose.filter(Boolean).length;
  const missed = instructionIds.filter((_, i) => !strict[i]);
  const total = instructionIds.length;
  const reason =
    missed.length === 0
      ? `Followed all ${total} instruction${total === 1 ? "" : "s"}.`
      : `Followed ${followed} of ${total} (strict; loose ${looseFollowed}); missed ${missed.join(", ")}.`;
  return {
    itemId: item.id,
    pass: followed === total,
    score: followed / total,
    reason,
    details: {
      instructionIds,
      strict,
      loose,
      promptStrict: followed === total,
      promptLoose: looseFollowed === total,
    },
  };
}

const isBoolList = (v: unknown): v is boolean[] =>
  Array.isArray(v) && v.every((b) => typeof b === "boolean");

/** The per-instruction results stored in a verdict by `scoreInstructionItem`, or null. */
export function instructionResultOf(verdict: Verdict): InstructionResult | null {
  const d = verdict.details;
  if (d === undefined) return null;
  const ids = d["instructionIds"];
  const { strict, loose } = d;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) return null;
  if (!isBoolList(strict) || !isBoolList(loose)) return null;
  if (strict.length !== ids.length || loose.length !== ids.length) return null;
  return { instructionIds: ids as string[], strict, loose };
}
