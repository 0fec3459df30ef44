/** Line-numbered parsing helpers shared by the importers: JSON Lines and typed field access. */
import { PolymathError } from "../../errors";

/** A malformed-input error naming the line: `line 7: missing field "answer"`. */
export function malformed(line: number, problem: string): PolymathError {
  const message = line > 0 ? `line ${line}: ${problem}` : problem;
  return new PolymathError("malformed-input", message, { details: { line, problem } });
}

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number;
  value: Record<string, unknown>;
}

/** Text as lines, without a byte-order mark, keeping line numbers. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
}

/** Every non-blank line as a JSON object; throws on the first line that is not one. */
export function parseJsonLines(text: string): JsonLine[] {
  const out: JsonLine[] = [];
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw malformed(i + 1, `not valid JSON (${why})`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw malformed(i + 1, "expected a JSON object");
    }
    out.push({ line: i + 1, value: value as Record<string, unknown> });
  });
  if (out.length === 0) throw malformed(0, "the file holds no lines of data");
  return out;
}

/** Typed reads of one record's fields, each throwing a line-numbered error. */
export class Fields {
  constructor(
    readonly value: Record<string, unknown>,
    readonly line: number,
  ) {}

  has(name: string): boolean {
    return this.value[name] !== undefined && this.value[name] !== null;
  }

  fail(problem: string): PolymathError {
    return malformed(this.line, problem);
  }

  string(name: string): string {
    const v = this.value[name];
    if (v === undefined || v === null) throw this.fail(`missing field "${name}"`);
    if (typeof v !== "string") throw this.fail(`field "${name}" must be a string`);
    return v;
  }

  optionalString(name: string): string | undefined {
    return this.has(name) ? this.string(name) : undefined;
  }

  /** A string, or a number given as text ("key": 1000 in IFEval). */
  id(name: string): string {
    const v = this.value[name];
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    const s = this.string(name).trim();
    if (s === "") throw this.fail(`field "${name}" is empty`);
    return s;
  }

  stringArray(name: string): string[] {
    const v = this.value[name];
    if (v === undefined || v === null) throw this.fail(`missing field "${name}"`);
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
      throw this.fail(`field "${name}" must be a list of strings`);
    }
    return v as string[];
  }

  objectArray(name: string): Record<string, unknown>[] {
    const v = this.value[name];
    if (v === undefined || v === null) throw this.fail(`missing field "${name}"`);
    const isObject = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);
    if (!Array.isArray(v) || !v.every(isObject)) {
      throw this.fail(`field "${name}" must be a list of objects`);
    }
    return v as Record<string, unknown>[];
  }

  optionalBoolean(name: string): boolean | undefined {
    const v = this.value[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "boolean") throw this.fail(`field "${name}" must be true or false`);
    return v;
  }
}

/** Throws on the first id seen twice: `line 9: duplicate id "q1" (first on line 4)`. */
export function checkUniqueIds(entries: { id: string; line: number }[]): void {
  const seen = new Map<string, number>();
  for (const { id, line } of entries) {
    const first = seen.get(id);
    if (first !== undefined) throw malformed(line, `duplicate id "${id}" (first on line ${first})`);
    seen.set(id, line);
  }
}
