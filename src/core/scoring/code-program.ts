/** Building the program that tests a code answer, HumanEval-X style (pure text work). */
import type { CodeItem } from "./types";
import { newToken, testProgram } from "./harness/program";
import { fencedBlocks } from "./text";

const JS_LANGS = new Set(["", "js", "javascript", "jsx", "mjs", "cjs", "node", "ts", "typescript"]);

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where `code` declares `name` as a function (`function name(`, `const name = (…) =>`,
 * `let name = function`), last declaration; -1 when it does not. A variable that merely shares
 * the name (`let f = 1` inside a body) does not count.
 */
export function declarationIndex(code: string, name: string): number {
  const n = escape(name);
  const fn = `(?:export\\s+(?:default\\s+)?)?(?:async\\s+)?function\\s*\\*?\\s*${n}\\s*\\(`;
  const arrow = `(?:export\\s+)?(?:const|let|var)\\s+${n}\\s*=\\s*(?:async\\s+)?(?:function\\b|\\([^)]*\\)\\s*=>|[\\w$]+\\s*=>)`;
  const re = new RegExp(`(^|[^\\w$.])(${fn}|${arrow})`, "g");
  let at = -1;
  for (const m of code.matchAll(re)) at = m.index + (m[1] ?? "").length;
  return at;
}

/**
 * The code in an answer: a fenced block (the one declaring the entry point, else the first
 * JavaScript one), or the answer itself when it has no fence; null when there is no code.
 */
export function extractCode(answer: string, entryPoint: string): string | null {
  const blocks = fencedBlocks(answer);
  const firstFence = answer.search(/^\s*(```|~~~)/m);
  const before = firstFence === -1 ? answer : answer.slice(0, firstFence);
  // A raw completion that closes a fence it never opened ("  return x;\n}\n```\nExplanation").
  const closesFence = blocks[0]?.lang === "" && /[};]\s*$/.test(before) && before.trim() !== "";
  if (blocks.length === 0 || closesFence) return before.trim() === "" ? null : before;
  const js = blocks.filter((b) => JS_LANGS.has(b.lang));
  const candidates = js.length > 0 ? js : blocks;
  const chosen =
    candidates.find((b) => declarationIndex(b.code, entryPoint) !== -1) ?? candidates[0];
  return chosen === undefined || chosen.code.trim() === "" ? null : chosen.code;
}

/** ES module syntax does not run as a script: `export function f` becomes `function f`. */
function scriptSyntax(code: string): string {
  return code
    .replace(/^(\s*)export\s+default\s+(?=(?:async\s+)?function|class)/gm, "$1")
    .replace(/^(\s*)export\s+(?=(?:async\s+)?function|class|const|let|var)/gm, "$1")
    .replace(
      /^\s*import\s+(\w+|\*\s+as\s+\w+|\{\s*strict\s+as\s+\w+\s*\})\s+from\s+(['"](?:node:)?assert(?:\/strict)?['"]);?/gm,
      (_m, binding: string, from: string) =>
        `const ${binding.replace(/^\*\s+as\s+|^\{\s*strict\s+as\s+|\s*\}$/g, "")} = require(${from});`,
    );
}

/** Call the test's `check`/`testX` function when the test defines it but never calls it. */
export function ensureTestCalled(test: string, entryPoint: string): string {
  const name = "((?:check|test)\\w*)";
  const declared = /(?:^|[^\w$.])function\s+NAME\s*\(/.source.replace("NAME", name);
  const assigned =
    /(?:^|[^\w$.])(?:const|let|var)\s+NAME\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/.source.replace(
      "NAME",
      name,
    );
  // A `function f(` declaration matches the call pattern once itself.
  const defs = [
    ...[...test.matchAll(new RegExp(declared, "g"))].map((m) => ({ name: m[1] ?? "", self: 1 })),
    ...[...test.matchAll(new RegExp(assigned, "g"))].map((m) => ({ name: m[1] ?? "", self: 0 })),
  ];
  const uncalled = defs.filter((d) => {
    const uses = test.match(new RegExp(`(?<![\\w$.])${escape(d.name)}\\s*\\(`, "g"))?.length ?? 0;
    return uses <= d.self;
  });
  const names = [...new Set(uncalled.map((d) => d.name))];
  return names.reduce((t, n) => `${t}\n${n}(${entryPoint});`, test);
}

/**
 * The program running `answer` then `test` under the test harness (harness/run-tests.js), with
 * `prefix` in a scope that encloses the answer's. Its value is `passValue(token)` exactly when the
 * tests ran to their end and passed.
 */
export function harness(
  prefix: string,
  answer: string,
  test = "",
  token = newToken(),
  entryPoint?: string,
): string {
  return testProgram({ prefix, answer, test, ...(entryPoint ? { entryPoint } : {}) }, token);
}

export interface CodeProgram {
  /** The full program to run. */
  program: string;
  /** The code taken from the answer. */
  code: string;
  /** "completion": prompt + code + test; "solution": the code redefines the function. */
  mode: "completion" | "solution";
  /** The per-run secret the program's value carries when every test passed (see passValue). */
  token: string;
}

/**
 * The program testing `answer` on `item`: prompt + completion + "\n" + test (HumanEval-X), or,
 * when the answer declares the entry point itself, the prompt's helpers, then code + test.
 * Null when the answer holds no code.
 */
export function buildCodeProgram(
  item: CodeItem,
  answer: string,
  token = newToken(),
): CodeProgram | null {
  const extracted = extractCode(answer, item.entryPoint);
  if (extracted === null) return null;
  const code = scriptSyntax(extracted);
  const test = ensureTestCalled(scriptSyntax(item.test), item.entryPoint);
  const build = (prefix: string, under: string) =>
    harness(prefix, under, test, token, item.entryPoint);
  if (declarationIndex(code, item.entryPoint) === -1) {
    return { program: build("", `${item.prompt}${code}`), code, mode: "completion", token };
  }
  // Helpers declared before the entry point stay in an outer scope, so redeclaring them is fine.
  const at = declarationIndex(item.prompt, item.entryPoint);
  const prefix = at === -1 ? "" : item.prompt.slice(0, at);
  return { program: build(prefix, code), code, mode: "solution", token };
}
