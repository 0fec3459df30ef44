/**
 * Test-only CodeRunner over `node:vm` with a hard timeout, so unit tests exercise real execution.
 * Never imported by app code (the browser runs programs in the sandboxed iframe).
 * Node builtins come through `process.getBuiltinModule` so the app's tsconfig needs no node types.
 */
import type { CodeRunner, RunOutcome } from "./types";

interface NodeVm {
  createContext(sandbox: object): object;
  runInContext(code: string, context: object, options: { timeout: number }): unknown;
}

interface NodeProcess {
  getBuiltinModule(id: string): unknown;
}

/** A node builtin module, typed by the caller. */
export function nodeBuiltin<T>(id: string): T {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (proc === undefined) throw new Error("node builtins are only available in node");
  return proc.getBuiltinModule(id) as T;
}

function encode(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Runs each program in a fresh vm context; console output is discarded. */
export function nodeVmRunner(): CodeRunner & { runs: string[] } {
  const vm = nodeBuiltin<NodeVm>("node:vm");
  const runs: string[] = [];
  const quiet = () => undefined;
  return {
    runs,
    run(program, { timeoutMs }): Promise<RunOutcome> {
      runs.push(program);
      const context = vm.createContext({ console: { log: quiet, error: quiet, warn: quiet } });
      const start = performance.now();
      const durationMs = () => performance.now() - start;
      try {
        const value = encode(vm.runInContext(program, context, { timeout: timeoutMs }));
        return Promise.resolve({ status: "ok", durationMs: durationMs(), value });
      } catch (e) {
        const err = e as { name?: string; message?: string; code?: string };
        if (err.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
          return Promise.resolve({ status: "timeout", durationMs: durationMs() });
        }
        return Promise.resolve({
          status: "error",
          errorName: typeof err.name === "string" ? err.name : "Error",
          message: typeof err.message === "string" ? err.message : String(e),
          durationMs: durationMs(),
        });
      }
    },
  };
}
