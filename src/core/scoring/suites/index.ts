/** All built-in suites, in the order the app lists them. */
import type { Suite } from "../types";
import { codeSuite } from "./code";
import { instructionSuite } from "./instruction";
import { mathSuite } from "./math";
import { reasoningSuite } from "./reasoning";

export { codeSuite, instructionSuite, mathSuite, reasoningSuite };

export const builtInSuites: readonly Suite[] = [
  codeSuite,
  mathSuite,
  reasoningSuite,
  instructionSuite,
];

/** A built-in suite by id, or undefined. */
export function builtInSuite(id: string): Suite | undefined {
  return builtInSuites.find((s) => s.id === id);
}
