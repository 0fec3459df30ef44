/**
 * Reading an instruction's kwargs. Where IFEval meets a missing (or negative) argument it draws a
 * random one, which makes a score unrepeatable; Polymath refuses the item instead, with a
 * `malformed-input` error naming the instruction and the argument. Keys whose value is null are
 * ignored, as the Hugging Face copy of IFEval lists every key with null for the unused ones.
 */
import { PolymathError } from "../../errors";
import { pyStrip } from "./python-text";

export type Kwargs = Readonly<Record<string, unknown>>;

/** IFEval's two comparisons: "less than" is `<`, "at least" is `>=`. */
export type Relation = "less than" | "at least";

/**
 * How an argument is read: counts are non-negative integers, `int` any integer; `text` is
 * stripped as IFEval strips it, `raw` kept as given (IFEval does not strip `first_word`).
 */
export type KwargKind = "count" | "int" | "relation" | "text" | "raw" | "words" | "letter";

type ValueOf<K extends KwargKind> = K extends "count" | "int"
  ? number
  : K extends "relation"
    ? Relation
    : K extends "words"
      ? string[]
      : string;

export type KwargSpec = Readonly<Record<string, KwargKind>>;
export type Parsed<S extends KwargSpec> = { [P in keyof S]: ValueOf<S[P]> };

/** Compare `actual` with `threshold` the way IFEval's relations do. */
export function compare(actual: number, relation: Relation, threshold: number): boolean {
  return relation === "less than" ? actual < threshold : actual >= threshold;
}

/** The malformed-input error for instruction `id`. */
export function kwargsError(id: string, message: string): PolymathError {
  return new PolymathError("malformed-input", `Instruction ${id}: ${message}`, {
    advice: "Give every IFEval instruction all its kwargs with valid values, then import again.",
    details: { instructionId: id },
  });
}

/** Read `kwargs` for instruction `id` by `spec`; throws a malformed-input PolymathError. */
export function parseKwargs<S extends KwargSpec>(id: string, kwargs: Kwargs, spec: S): Parsed<S> {
  for (const [key, value] of Object.entries(kwargs)) {
    if (value !== null && value !== undefined && !Object.hasOwn(spec, key)) {
      throw kwargsError(id, `unexpected argument "${key}".`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(spec)) {
    const value = kwargs[key];
    if (value === null || value === undefined) {
      throw kwargsError(id, `missing argument "${key}" (IFEval would pick one at random).`);
    }
    out[key] = readValue(id, key, kind, value);
  }
  return out as Parsed<S>;
}

function readValue(id: string, key: string, kind: KwargKind, value: unknown): unknown {
  const fail = (what: string) => kwargsError(id, `"${key}" must be ${what}, got ${show(value)}.`);
  switch (kind) {
    case "count":
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) throw fail("an integer");
      if (kind === "count" && value < 0) throw fail("zero or more");
      return value;
    case "relation":
      if (value !== "less than" && value !== "at least") throw fail('"less than" or "at least"');
      return value;
    case "text":
      // IFEval strips these arguments when it reads them.
      if (typeof value !== "string" || pyStrip(value) === "") throw fail("a non-empty string");
      return pyStrip(value);
    case "raw":
      if (typeof value !== "string" || value === "") throw fail("a non-empty string");
      return value;
    case "letter":
      if (typeof value !== "string" || [...value].length !== 1 || pyStrip(value) === "") {
        throw fail("a single letter");
      }
      return value.toLowerCase();
    case "words":
      if (!Array.isArray(value) || value.length === 0) throw fail("a non-empty list of strings");
      if (!value.every((w): w is string => typeof w === "string" && w !== "")) {
        throw fail("a non-empty list of strings");
      }
      return value;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A compiled instruction: true when the response follows it. */
export type Check = (response: string) => boolean;

/** One IFEval instruction type: the kwargs it reads and how it checks a response. */
export interface InstructionDef {
  readonly kwargs: KwargSpec;
  /** Validate `kwargs` and build the check; throws a malformed-input PolymathError. */
  compile(id: string, kwargs: Kwargs): Check;
}

/** An instruction type whose `build` receives kwargs already read by `spec`. */
export function define<S extends KwargSpec>(
  spec: S,
  build: (args: Parsed<S>, id: string) => Check,
): InstructionDef {
  return { kwargs: spec, compile: (id, kwargs) => build(parseKwargs(id, kwargs, spec), id) };
}
