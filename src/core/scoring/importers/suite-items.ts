/** Reading one item of a Polymath suite file, kind by kind, with line-numbered errors. */
import { DOMAINS, isDomain } from "../../domains";
import { formatChoicePrompt, optionLetters } from "../choice";
import type { Check, Domain, SuiteItem } from "../types";
import type { Fields } from "./lines";

const DEFAULT_DOMAIN = {
  code: "code",
  math: "math",
  instruction: "instruction",
  choice: "reasoning",
  checks: "chat",
} as const;

function domainOf(f: Fields, kind: keyof typeof DEFAULT_DOMAIN): Domain {
  const d = f.optionalString("domain");
  if (d === undefined) return DEFAULT_DOMAIN[kind];
  if (!isDomain(d)) {
    throw f.fail(`unknown domain "${d}" (use one of ${DOMAINS.join(", ")})`);
  }
  return d;
}

function readCheck(f: Fields, raw: Record<string, unknown>, n: number): Check {
  const at = `check ${n + 1}`;
  const str = (name: string): string => {
    const v = raw[name];
    if (typeof v !== "string") throw f.fail(`${at}: field "${name}" must be a string`);
    return v;
  };
  const caseSensitive = raw["caseSensitive"];
  if (caseSensitive !== undefined && typeof caseSensitive !== "boolean") {
    throw f.fail(`${at}: field "caseSensitive" must be true or false`);
  }
  const cs = caseSensitive === undefined ? {} : { caseSensitive };
  switch (raw["type"]) {
    case "equals":
      return { type: "equals", value: str("value"), ...cs };
    case "contains": {
      const values = raw["values"];
      if (
        !Array.isArray(values) ||
        values.length === 0 ||
        !values.every((v) => typeof v === "string")
      ) {
        throw f.fail(`${at}: field "values" must be a non-empty list of strings`);
      }
      const mode = raw["mode"] ?? "all";
      if (mode !== "any" && mode !== "all")
        throw f.fail(`${at}: field "mode" must be "any" or "all"`);
      return { type: "contains", values: values as string[], mode, ...cs };
    }
    case "regex": {
      const pattern = str("pattern");
      const flags = raw["flags"] === undefined ? undefined : str("flags");
      try {
        new RegExp(pattern, flags);
      } catch (e) {
        throw f.fail(
          `${at}: invalid regular expression (${e instanceof Error ? e.message : String(e)})`,
        );
      }
      return flags === undefined ? { type: "regex", pattern } : { type: "regex", pattern, flags };
    }
    case "json": {
      const schema = raw["schema"];
      if (schema === undefined) return { type: "json" };
      if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
        throw f.fail(`${at}: field "schema" must be a JSON Schema object`);
      }
      return { type: "json", schema: schema as Record<string, unknown> };
    }
    case "predicate":
      return { type: "predicate", code: str("code") };
    default:
      throw f.fail(`${at}: unknown check type ${JSON.stringify(raw["type"])}`);
  }
}

/** A suite item from one line of a Polymath suite file. */
export function readSuiteItem(f: Fields): SuiteItem {
  const kind = f.string("kind");
  const id = f.id("id");
  switch (kind) {
    case "code": {
      const language = f.optionalString("language") ?? "javascript";
      if (language !== "javascript")
        throw f.fail(`language "${language}" is not supported (use "javascript")`);
      const item: SuiteItem = {
        id,
        kind,
        domain: domainOf(f, kind),
        prompt: f.string("prompt"),
        language,
        test: f.string("test"),
        entryPoint: f.string("entryPoint"),
      };
      const reference = f.optionalString("reference");
      const wrong = f.optionalString("wrong");
      if (reference !== undefined) item.reference = reference;
      if (wrong !== undefined) item.wrong = wrong;
      return item;
    }
    case "math": {
      const raw = f.value["answer"];
      const answer = typeof raw === "number" ? String(raw) : f.string("answer").trim();
      if (answer === "") throw f.fail('field "answer" is empty');
      const item: SuiteItem = {
        id,
        kind,
        domain: domainOf(f, kind),
        prompt: f.string("prompt"),
        answer,
      };
      const solution = f.optionalString("solution");
      if (solution !== undefined) item.solution = solution;
      return item;
    }
    case "instruction": {
      const instructionIds = f.stringArray("instructionIds");
      const kwargs = f.has("kwargs") ? f.objectArray("kwargs") : instructionIds.map(() => ({}));
      if (kwargs.length !== instructionIds.length) {
        throw f.fail(
          `"kwargs" has ${kwargs.length} entries but "instructionIds" has ${instructionIds.length}`,
        );
      }
      return {
        id,
        kind,
        domain: domainOf(f, kind),
        prompt: f.string("prompt"),
        instructionIds,
        kwargs,
      };
    }
    case "choice": {
      const question = f.string("question");
      const options = f.stringArray("options");
      if (options.length < 2 || options.length > 10)
        throw f.fail("a choice item needs 2 to 10 options");
      const answer = f.string("answer").trim().toUpperCase();
      const letters = optionLetters(options.length);
      if (!letters.includes(answer)) throw f.fail(`"answer" must be one of ${letters.join(", ")}`);
      const prompt = f.optionalString("prompt") ?? formatChoicePrompt(question, options);
      return { id, kind, domain: domainOf(f, kind), prompt, question, options, answer };
    }
    case "checks": {
      const checks = f.objectArray("checks").map((c, i) => readCheck(f, c, i));
      if (checks.length === 0) throw f.fail('field "checks" is empty');
      return { id, kind, domain: domainOf(f, kind), prompt: f.string("prompt"), checks };
    }
    default:
      throw f.fail(`unknown kind "${kind}" (use code, math, instruction, choice or checks)`);
  }
}
