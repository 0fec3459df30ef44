/** Generic checks for custom suites: equals, contains, regex, JSON (with schema), JS predicate. */
import { Validator } from "@cfworker/json-schema";
import type { Check, ChecksItem, CodeRunner, Verdict } from "./types";
import { fencedBlocks } from "./text";

export const DEFAULT_PREDICATE_TIMEOUT_MS = 2000;

export interface CheckResult {
  type: Check["type"];
  pass: boolean;
  reason: string;
}

const fold = (s: string, caseSensitive: boolean | undefined) =>
  caseSensitive ? s : s.toLowerCase();

/** Parsed JSON from an answer: a fenced block that parses, the whole answer, or its outer {…}/[…]. */
export function findJson(answer: string): { ok: true; value: unknown } | { ok: false } {
  const blocks = fencedBlocks(answer);
  const candidates = [
    ...blocks.filter((b) => b.lang === "json").map((b) => b.code),
    ...blocks.filter((b) => b.lang !== "json").map((b) => b.code),
    answer,
  ];
  const first = answer.search(/[{[]/);
  const last = Math.max(answer.lastIndexOf("}"), answer.lastIndexOf("]"));
  if (first !== -1 && last > first) candidates.push(answer.slice(first, last + 1));
  for (const text of candidates) {
    try {
      return { ok: true, value: JSON.parse(text.trim()) as unknown };
    } catch {
      // try the next place JSON could sit
    }
  }
  return { ok: false };
}

/** The program a predicate runs as: the check's body applied to the answer, truthy or throws. */
export function predicateProgram(code: string, answer: string): string {
  return `;(function () {
  var result = !!(function (answer) {
${code}
  })(${JSON.stringify(answer)});
  if (!result) {
    var e = new Error("the predicate returned a falsy value");
    e.name = "PredicateFalse";
    throw e;
  }
  return result;
})();
`;
}

/** Evaluate one check that needs no code runner; null for predicates. */
export function evaluatePureCheck(check: Check, answer: string): CheckResult | null {
  const text = answer.trim();
  switch (check.type) {
    case "equals": {
      const pass =
        fold(text, check.caseSensitive) === fold(check.value.trim(), check.caseSensitive);
      return {
        type: check.type,
        pass,
        reason: pass ? "equal" : `expected exactly "${check.value}"`,
      };
    }
    case "contains": {
      const hay = fold(text, check.caseSensitive);
      const missing = check.values.filter((v) => !hay.includes(fold(v, check.caseSensitive)));
      const pass =
        check.mode === "all" ? missing.length === 0 : missing.length < check.values.length;
      const reason = pass
        ? "contains"
        : check.mode === "all"
          ? `missing ${missing.map((v) => `"${v}"`).join(", ")}`
          : `contains none of ${check.values.map((v) => `"${v}"`).join(", ")}`;
      return { type: check.type, pass, reason };
    }
    case "regex": {
      let re: RegExp;
      try {
        re = new RegExp(check.pattern, check.flags ?? "");
      } catch (e) {
        return { type: check.type, pass: false, reason: `invalid pattern: ${String(e)}` };
      }
      const pass = re.test(answer);
      return {
        type: check.type,
        pass,
        reason: pass ? "matches" : `does not match /${check.pattern}/`,
      };
    }
    case "json": {
      const found = findJson(answer);
      if (!found.ok) return { type: check.type, pass: false, reason: "no valid JSON found" };
      if (check.schema === undefined) return { type: check.type, pass: true, reason: "valid JSON" };
      const result = new Validator(check.schema, "2020-12", false).validate(found.value);
      const first = result.errors[result.errors.length - 1];
      const reason = result.valid
        ? "matches the schema"
        : `does not match the schema${first ? ` at ${first.instanceLocation}: ${first.error}` : ""}`;
      return { type: check.type, pass: result.valid, reason };
    }
    case "predicate":
      return null;
  }
}

async function evaluatePredicate(
  code: string,
  answer: string,
  runner: CodeRunner,
  timeoutMs: number,
): Promise<CheckResult> {
  const outcome = await runner.run(predicateProgram(code, answer), { timeoutMs });
  const type = "predicate";
  if (outcome.status === "timeout") return { type, pass: false, reason: "the predicate timed out" };
  if (outcome.status === "error") {
    if (outcome.errorName === "PredicateFalse") {
      return { type, pass: false, reason: "the predicate returned false" };
    }
    return {
      type,
      pass: false,
      reason: `the predicate threw ${outcome.errorName ?? "Error"}: ${outcome.message ?? ""}`,
    };
  }
  return { type, pass: outcome.value !== "false", reason: "the predicate returned true" };
}

/** Score an answer against all checks of an item; every check must pass. */
export async function scoreChecksItem(
  item: ChecksItem,
  answer: string,
  runner: CodeRunner,
  options: { timeoutMs?: number } = {},
): Promise<Verdict> {
  const results: CheckResult[] = [];
  for (const check of item.checks) {
    const pure = evaluatePureCheck(check, answer);
    const code = check.type === "predicate" ? check.code : "";
    const timeoutMs = options.timeoutMs ?? DEFAULT_PREDICATE_TIMEOUT_MS;
    results.push(pure ?? (await evaluatePredicate(code, answer, runner, timeoutMs)));
  }
  const failed = results.find((r) => !r.pass);
  const pass = failed === undefined;
  const reason = failed
    ? `${failed.type}: ${failed.reason}`
    : `all ${results.length} check${results.length === 1 ? "" : "s"} passed`;
  return { itemId: item.id, pass, score: pass ? 1 : 0, reason, details: { checks: results } };
}
