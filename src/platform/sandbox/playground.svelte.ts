/**
 * State of the sandbox playground (Bench view): a program, a time limit and the last outcome.
 * Suite authors use it to try a predicate or a solution in the same sandbox the scorer uses.
 */
import { toPolymathError } from "../../core/errors";
import type { CodeRunner, RunOutcome } from "../../core/scoring/types";

export const EXAMPLE_PROGRAM = `function add(a, b) {
  return a + b;
}
console.assert(add(2, 2) === 4, "add(2, 2) should be 4");
add(40, 2);`;

export const MIN_LIMIT_MS = 100;
export const MAX_LIMIT_MS = 60_000;

export class PlaygroundState {
  program = $state(EXAMPLE_PROGRAM);
  limitMs = $state(2000);
  running = $state(false);
  outcome = $state<RunOutcome | null>(null);
  /** The sandbox itself failed (not the program): message and advice. */
  failure = $state("");
  limitValid = $derived(
    Number.isFinite(this.limitMs) && this.limitMs >= MIN_LIMIT_MS && this.limitMs <= MAX_LIMIT_MS,
  );
  #runner: () => CodeRunner;

  /** `runner` is called on the first run, so the sandbox frames start only when needed. */
  constructor(runner: () => CodeRunner) {
    this.#runner = runner;
  }

  async run(): Promise<void> {
    if (this.running || !this.limitValid) return;
    this.running = true;
    this.failure = "";
    this.outcome = null;
    try {
      this.outcome = await this.#runner().run(this.program, { timeoutMs: this.limitMs });
    } catch (error) {
      const e = toPolymathError(error, "sandbox-unavailable");
      this.failure = e.advice ? `${e.message} ${e.advice}` : e.message;
    } finally {
      this.running = false;
    }
  }
}
