/**
 * The text of the program that runs a code item's tests against an answer (see run-tests.js for
 * how it proves the tests ran to their end). Pure text work: nothing here runs the program.
 */
import assertShimSource from "./assert-shim.js?raw";
import lockdownSource from "./lockdown.js?raw";
import runTestsSource from "./run-tests.js?raw";

export interface TestProgramParts {
  /** Trusted code run first, in a scope the answer can redeclare (the prompt's helpers). */
  prefix: string;
  /** The code under test: the prompt with its completion, or the answer's own solution. */
  answer: string;
  /** The benchmark's tests, run after the answer in a scope that sees its declarations. */
  test: string;
  /** The function the tests call; never shadowed by the harness's parameters. */
  entryPoint?: string;
}

/** A fresh completion token: 128 random bits, hex. */
export function newToken(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The program's value when, and only when, every test ran and passed. */
export function passValue(token: string): string {
  return JSON.stringify(`polymath-tests-passed:${token}`);
}

/**
 * A template literal holding `text` exactly, with its line breaks kept as they are, so the
 * program still shows the code as HumanEval-X concatenates it.
 */
export function templateLiteral(text: string): string {
  const body = text
    .replace(/\\/g, "\\\\")
    .replace(/`/g, "\\`")
    .replace(/\$\{/g, "\\${")
    .replace(/\r/g, "\\r");
  return `\`${body}\``;
}

// The helper files are modules of one default-exported function; inlined, that function is an
// expression (the run-tests IIFE is strict, so it is too).
function expression(source: string): string {
  const inlined = source.replace(/^export default function /m, "function ");
  if (inlined === source) throw new Error("A test harness helper has no default function.");
  return `(${inlined.trim()})`;
}

/** The program testing `parts`; its value is `passValue(token)` exactly when all tests pass. */
export function testProgram(parts: TestProgramParts, token: string): string {
  const fills: Record<string, string> = {
    TOKEN: JSON.stringify(`polymath-tests-passed:${token}`),
    PREFIX: templateLiteral(parts.prefix),
    SOURCE: templateLiteral(`${parts.answer}\n${parts.test}`),
    ANSWER_LENGTH: String(parts.answer.length),
    ENTRY_POINT: JSON.stringify(parts.entryPoint ?? ""),
    ASSERT_SHIM: expression(assertShimSource),
    LOCKDOWN: expression(lockdownSource),
  };
  return runTestsSource.replace(/"__POLYMATH_([A-Z_]+)__"/g, (marker, name: string) => {
    const fill = fills[name];
    if (fill === undefined) throw new Error(`Unknown marker ${marker} in the test harness.`);
    return fill;
  });
}
