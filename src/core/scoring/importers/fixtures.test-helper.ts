/** Test-only access to tests/fixtures/import (node fs through getBuiltinModule, no node types). */
import { nodeBuiltin } from "../node-vm-runner.test-helper";

interface NodeFs {
  readFileSync(path: URL): Uint8Array;
}

const DIR = new URL("../../../../tests/fixtures/import/", import.meta.url);

/** A fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(nodeBuiltin<NodeFs>("node:fs").readFileSync(new URL(name, DIR)));
}

/** A fixture's text (UTF-8). */
export function fixtureText(name: string): string {
  return new TextDecoder().decode(fixtureBytes(name));
}

/** The error `fn` throws (fails the test when it throws nothing). */
export function thrown(
  fn: () => unknown,
): Error & { code?: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}
