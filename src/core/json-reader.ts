/**
 * Path-aware readers for validating untrusted JSON: each failure names where the problem is
 * ("entries[2].chunks[5].t must be a number") so a person can fix the file.
 */
import { PolymathError } from "./errors";

export type JsonObject = Record<string, unknown>;

/** Join a parent path and a key: "" + "app" -> "app", "entries[0]" + "id" -> "entries[0].id". */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

/** A malformed-input error for `what` (a document name) at `path`. */
export function invalidAt(what: string, path: string, problem: string): PolymathError {
  const where = path === "" ? "The document" : path;
  return new PolymathError("malformed-input", `${what}: ${where} ${problem}.`, {
    advice:
      path === ""
        ? "The file is not in the expected shape; export it again from Polymath."
        : `Fix the field ${path} in the file (or export it again) and load it once more.`,
    details: { path },
  });
}

/**
 * `JSON.parse` whose syntax error names the line and column (from the parser's own position) and
 * keeps the parser's words, so a person can find the spot in an editor.
 */
export function parseJsonText(what: string, text: string, advice: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const at = syntaxErrorAt(why, text);
    const where = at ? ` at line ${at.line}, column ${at.column}` : "";
    const reason = why.replace(/\s*\(line \d+ column \d+\)/, "");
    throw new PolymathError(
      "malformed-input",
      `${what}: the file is not valid JSON${where} (${reason}).`,
      {
        cause: e,
        advice,
        details: at ? { line: at.line, column: at.column } : {},
      },
    );
  }
}

/** Line and column (1-based) of a JSON syntax error, from "(line L column C)" or "position N". */
export function syntaxErrorAt(
  message: string,
  text: string,
): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset).split(/\r\n|\n|\r/);
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
  // "Unexpected end of JSON input": the text stops too early, at its very end.
  if (/end of (JSON )?input/i.test(message)) {
    const lines = text.split(/\r\n|\n|\r/);
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  }
  return null;
}

/** Readers bound to one document name, so messages say which kind of file failed. */
export function jsonReader(what: string) {
  const fail = (path: string, problem: string): never => {
    throw invalidAt(what, path, problem);
  };
  const object = (value: unknown, path: string): JsonObject => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return fail(path, "must be an object");
    }
    return value as JsonObject;
  };
  const array = (value: unknown, path: string): unknown[] =>
    Array.isArray(value) ? value : fail(path, "must be an array");
  const string = (obj: JsonObject, key: string, path: string): string => {
    const value = obj[key];
    return typeof value === "string" ? value : fail(childPath(path, key), "must be a string");
  };
  const number = (obj: JsonObject, key: string, path: string): number => {
    const value = obj[key];
    return typeof value === "number" && Number.isFinite(value)
      ? value
      : fail(childPath(path, key), "must be a number");
  };
  const boolean = (obj: JsonObject, key: string, path: string): boolean => {
    const value = obj[key];
    return typeof value === "boolean" ? value : fail(childPath(path, key), "must be true or false");
  };
  const optional =
    <T>(read: (obj: JsonObject, key: string, path: string) => T) =>
    (obj: JsonObject, key: string, path: string): T | undefined =>
      obj[key] === undefined ? undefined : read(obj, key, path);
  return {
    fail,
    object,
    array,
    string,
    number,
    boolean,
    optString: optional(string),
    optNumber: optional(number),
    optBoolean: optional(boolean),
  };
}
