/** IFEval verifiable instructions: a TypeScript port of Google's `instruction_following_eval`. */
export { aggregateInstructionResults } from "./aggregate";
export type { InstructionAggregate, InstructionTally } from "./aggregate";
export {
  compileInstructionItem,
  evaluateInstructionItem,
  instructionResultOf,
  looseVariants,
  scoreInstructionItem,
} from "./evaluate";
export type { InstructionResult } from "./evaluate";
export type { Check, Kwargs, Relation } from "./kwargs";
export { IFEVAL_LANGUAGES, detectLanguage } from "./language";
export {
  INSTRUCTION_IDS,
  compileInstruction,
  instructionKwargNames,
  isInstructionId,
} from "./registry";
export type { InstructionId } from "./registry";
