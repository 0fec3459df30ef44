/** Builds HumanEval-X-shaped JavaScript items for the built-in code suite from compact specs. */
import type { CodeItem } from "../types";

export interface CodeSpec {
  /** Entry point, camelCase. */
  name: string;
  params: string;
  /** What the function does, one or more lines. */
  doc: string;
  /** Calls and results shown in the prompt, as JavaScript source. */
  examples: [call: string, result: string][];
  /** Test cases beyond the examples: a call and its expected value, as JavaScript source. */
  cases: [call: string, expected: string][];
  /** A body that passes every case (indented, without the closing brace). */
  reference: string;
  /** A plausible body with a bug that at least one case catches. */
  wrong: string;
}

/** A code item: the prompt ends at the open function, as HumanEval-X prompts do. */
export function codeItem(spec: CodeSpec): CodeItem {
  const examples = spec.examples.map(([call, result]) => `  >>> ${call}\n  ${result}`).join("\n");
  const prompt = `/* ${spec.doc}\n${examples}\n  */\nconst ${spec.name} = (${spec.params}) => {\n`;
  const testName = `test${spec.name[0]?.toUpperCase() ?? ""}${spec.name.slice(1)}`;
  const asserts = [...spec.examples, ...spec.cases]
    .map(([call, expected]) => `  assert.deepStrictEqual(${call}, ${expected});`)
    .join("\n");
  return {
    id: `code/${spec.name}`,
    kind: "code",
    domain: "code",
    language: "javascript",
    prompt,
    test: `const ${testName} = () => {\n${asserts}\n};\n\n${testName}();\n`,
    entryPoint: spec.name,
    reference: `${spec.reference.replace(/\n*$/, "")}\n};\n`,
    wrong: `${spec.wrong.replace(/\n*$/, "")}\n};\n`,
  };
}
