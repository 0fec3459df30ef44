/**
 * Suites, items and verdicts. A suite is data; scorers are pure functions over (item, answer),
 * except code and predicates, which run through a `CodeRunner` (the sandbox in the browser).
 */

import type { Domain } from "../domains";

export type { Domain };

interface ItemBase {
  /** Unique within the suite (HumanEval task_id, IFEval key, GSM8K line number…). */
  id: string;
  domain: Domain;
  /** What the model is asked. */
  prompt: string;
}

/** HumanEval-style JavaScript item: prompt holds the signature and doc comment. */
export interface CodeItem extends ItemBase {
  kind: "code";
  language: "javascript";
  /** Test program appended after the solution, HumanEval-X style. */
  test: string;
  entryPoint: string;
  /** A completion known to pass (built-in suites; checked in CI). */
  reference?: string;
  /** A completion known to fail (built-in suites; checked in CI). */
  wrong?: string;
}

export interface MathItem extends ItemBase {
  kind: "math";
  /** The final answer as written by the suite ("42", "-3.5", "3/4"). */
  answer: string;
  /** Worked solution, when the source has one (GSM8K). */
  solution?: string;
}

/** IFEval-style item: verifiable instructions with their kwargs. */
export interface InstructionItem extends ItemBase {
  kind: "instruction";
  instructionIds: string[];
  /** One kwargs object per instruction id, same order. */
  kwargs: Record<string, unknown>[];
}

export interface ChoiceItem extends ItemBase {
  kind: "choice";
  /** Question text without the options; `prompt` is the full text shown to the model. */
  question: string;
  options: string[];
  /** Correct letter, "A".."J". */
  answer: string;
}

export type Check =
  | { type: "equals"; value: string; caseSensitive?: boolean }
  | { type: "contains"; values: string[]; mode: "any" | "all"; caseSensitive?: boolean }
  | { type: "regex"; pattern: string; flags?: string }
  | { type: "json"; schema?: Record<string, unknown> }
  /** JavaScript function body receiving `answer`; returns truthy to pass. Runs in the sandbox. */
  | { type: "predicate"; code: string };

/** Item of a custom suite: all its checks must pass. */
export interface ChecksItem extends ItemBase {
  kind: "checks";
  checks: Check[];
}

export type SuiteItem = CodeItem | MathItem | InstructionItem | ChoiceItem | ChecksItem;
export type ItemKind = SuiteItem["kind"];

export interface Suite {
  id: string;
  name: string;
  description: string;
  /** Where it came from: "built-in", a file name or a URL. */
  source: string;
  items: SuiteItem[];
}

export interface Verdict {
  itemId: string;
  pass: boolean;
  /** 0..1; partial credit where a benchmark defines it (IFEval instruction-level), else 0 or 1. */
  score: number;
  /** Short reason a person can read ("expected 42, got 41", "assertion failed: …"). */
  reason: string;
  /** What the scorer extracted from the answer (final number, letter, code). */
  extracted?: string;
  /** Extra structured facts (IFEval per-instruction results, strict and loose). */
  details?: Record<string, unknown>;
}

/** Result of running a program in isolation. */
export interface RunOutcome {
  status: "ok" | "error" | "timeout";
  /** Error name when status is "error" ("AssertionError", "SyntaxError", "TypeError"…). */
  errorName?: string;
  message?: string;
  /** Return value of a predicate, JSON-encoded, when the program produced one. */
  value?: string;
  durationMs: number;
}

/** Runs untrusted JavaScript with a hard time limit. The browser implementation is the sandbox. */
export interface CodeRunner {
  run(program: string, options: { timeoutMs: number }): Promise<RunOutcome>;
}
