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

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

// Reading a thrown value runs the program's getters; one that throws must not crash the test.
function failed(e: unknown, durationMs: number): RunOutcome {
  try {
    const err = e as { name?: string; message?: string };
    return {
      status: "error",
      errorName: typeof err?.name === "string" ? err.name : "Error",
      message: typeof err?.message === "string" ? err.message : String(e),
      durationMs,
    };
  } catch {
    return { status: "error", errorName: "Error", message: "unreadable error", durationMs };
  }
}

function timedOut(e: unknown): boolean {
  try {
    return (e as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
  } catch {
    return false;
  }
}

/**
 * Runs each program in a fresh vm context with timers; console output is discarded. A promise result is
 * awaited within what is left of the time limit, as the sandbox's worker prelude does.
 */
export function nodeVmRunner(): CodeRunner & { runs: string[] } {
  const vm = nodeBuiltin<NodeVm>("node:vm");
  const runs: string[] = [];
  const quiet = () => undefined;
  return {
    runs,
    async run(program, { timeoutMs }): Promise<RunOutcome> {
      runs.push(program);
      // Timers as a worker has them, so tests may await one.
      const context = vm.createContext({
        console: { log: quiet, error: quiet, warn: quiet },
        setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms),
        clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
      });
      const start = performance.now();
      const durationMs = () => performance.now() - start;
      let value: unknown;
      try {
        value = vm.runInContext(program, context, { timeout: timeoutMs });
      } catch (e) {
        if (timedOut(e)) {
          return { status: "timeout", durationMs: durationMs() };
        }
        return failed(e, durationMs());
      }
      if (isThenable(value)) {
        const left = Math.max(0, timeoutMs - durationMs());
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<"late">((resolve) => {
          timer = setTimeout(() => resolve("late"), left);
        });
        try {
          const settled = await Promise.race([Promise.resolve(value).then((v) => ({ v })), late]);
          if (settled === "late") return { status: "timeout", durationMs: durationMs() };
          value = settled.v;
        } catch (e) {
          return failed(e, durationMs());
        } finally {
          clearTimeout(timer);
        }
      }
      return { status: "ok", durationMs: durationMs(), value: encode(value) };
    },
  };
}
