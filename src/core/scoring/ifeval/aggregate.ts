/** IFEval's four headline numbers over many items, and the per-instruction breakdown. */
import type { InstructionResult } from "./evaluate";

export interface InstructionTally {
  total: number;
  strict: number;
  loose: number;
}

export interface InstructionAggregate {
  /** Items counted. */
  prompts: number;
  /** Instructions counted, over all items. */
  instructions: number;
  /** Fractions 0..1 (0 when nothing was counted). */
  promptStrict: number;
  instStrict: number;
  promptLoose: number;
  instLoose: number;
  /** Counts per instruction id, as IFEval's report lists them. */
  byInstruction: Record<string, InstructionTally>;
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Prompt-level and instruction-level accuracy, strict and loose, as IFEval reports them. */
export function aggregateInstructionResults(
  results: readonly InstructionResult[],
): InstructionAggregate {
  let promptStrict = 0;
  let promptLoose = 0;
  let instructions = 0;
  let instStrict = 0;
  let instLoose = 0;
  const byInstruction: Record<string, InstructionTally> = {};
  for (const r of results) {
    if (r.strict.every(Boolean)) promptStrict++;
    if (r.loose.every(Boolean)) promptLoose++;
    r.instructionIds.forEach((id, i) => {
      const tally = (byInstruction[id] ??= { total: 0, strict: 0, loose: 0 });
      tally.total++;
      instructions++;
      if (r.strict[i]) {
        tally.strict++;
        instStrict++;
      }
      if (r.loose[i]) {
        tally.loose++;
        instLoose++;
      }
    });
  }
  const prompts = results.length;
  return {
    prompts,
    instructions,
    promptStrict: ratio(promptStrict, prompts),
    instStrict: ratio(instStrict, instructions),
    promptLoose: ratio(promptLoose, prompts),
    instLoose: ratio(instLoose, instructions),
    byInstruction,
  };
}
