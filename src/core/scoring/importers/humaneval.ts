/** HumanEval-shaped JSONL with JavaScript tests: HumanEval-X (js), MultiPL-E (js), HumanEval fields. */
import { PolymathError } from "../../errors";
import type { CodeItem } from "../types";
import { checkUniqueIds, Fields, parseJsonLines } from "./lines";

const FUNCTION_NAME =
  /(?:^|[^\w$.])(?:async\s+)?function\s*\*?\s*([\w$]+)\s*\(|(?:^|[^\w$.])(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/g;

/** The last function declared in a prompt: the one the model completes. */
export function lastDeclaredFunction(code: string): string | null {
  let name: string | null = null;
  for (const m of code.matchAll(FUNCTION_NAME)) name = m[1] ?? m[2] ?? name;
  return name;
}

function looksLikePython(prompt: string): boolean {
  return (
    /^\s*def\s+\w+\s*\(.*\)\s*(->.*)?:\s*$/m.test(prompt) && lastDeclaredFunction(prompt) === null
  );
}

/** One line of HumanEval-style JSONL as a code item. */
function toItem(f: Fields, fallbackId: string): CodeItem {
  const prompt = f.string("prompt");
  if (looksLikePython(prompt)) {
    throw new PolymathError(
      "unsupported-format",
      `line ${f.line}: this is Python HumanEval; Polymath runs JavaScript tests in the browser`,
      {
        advice:
          "Import the JavaScript version: HumanEval-X humaneval_js.jsonl(.gz) or MultiPL-E humaneval-js.",
      },
    );
  }
  // HumanEval-X calls it "test", MultiPL-E "tests"; HumanEval-X has no entry_point field.
  const test = f.has("test") ? f.string("test") : f.has("tests") ? f.string("tests") : undefined;
  if (test === undefined) throw f.fail('missing field "test"');
  const declared = f.optionalString("declaration");
  const entryPoint =
    f.optionalString("entry_point") ??
    (declared !== undefined ? lastDeclaredFunction(declared) : null) ??
    lastDeclaredFunction(prompt);
  if (entryPoint === null) {
    throw f.fail('no field "entry_point" and no function declaration in the prompt');
  }
  const id = f.has("task_id") ? f.id("task_id") : f.has("name") ? f.id("name") : fallbackId;
  const item: CodeItem = {
    id,
    kind: "code",
    domain: "code",
    language: "javascript",
    prompt,
    test,
    entryPoint,
  };
  const reference = f.optionalString("canonical_solution");
  if (reference !== undefined) item.reference = reference;
  return item;
}

/** Code items from HumanEval-X / MultiPL-E JavaScript JSONL; throws on the first bad line. */
export function parseHumanEval(text: string): CodeItem[] {
  const rows = parseJsonLines(text);
  const items = rows.map(({ value, line }) => toItem(new Fields(value, line), `line-${line}`));
  checkUniqueIds(items.map((item, i) => ({ id: item.id, line: rows[i]?.line ?? 0 })));
  return items;
}
