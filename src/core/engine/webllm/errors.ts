/**
 * web-llm failures in words a user can act on. Errors cross the worker as strings or as Errors
 * whose class survives only as `name` ("ShaderF16SupportError: …"), so matching goes by name
 * first and then by message shape; the rules live in `webllm-error-rules.ts`.
 */
import { PolymathError } from "../../errors";
import { make, RULES, type ErrorFacts, type Rule, type WebLlmErrorContext } from "./error-rules";

export { type WebLlmErrorContext } from "./error-rules";

/** Turn anything web-llm (or the browser under it) threw into a PolymathError with advice. */
export function translateWebLlmError(e: unknown, context: WebLlmErrorContext = {}): PolymathError {
  if (e instanceof PolymathError) return e;
  const facts = errorFacts(e);
  for (const rule of RULES) {
    if (matches(rule, facts)) {
      const error = rule.translate(facts, context);
      if (context.modelId !== undefined) error.details.modelId ??= context.modelId;
      return error;
    }
  }
  return make("unknown", facts.message || "The engine failed.", facts, {
    details: context.modelId === undefined ? {} : { modelId: context.modelId },
  });
}

function matches(rule: Rule, facts: ErrorFacts): boolean {
  const byName = rule.names === undefined || rule.names.includes(facts.name);
  const byMessage = rule.message === undefined || rule.message.test(facts.message);
  return byName && byMessage;
}

/** Name and message of an Error, a DOMException-like object, or a "Name: message" string. */
function errorFacts(e: unknown): ErrorFacts {
  if (typeof e === "string") {
    const m = /^([A-Za-z][A-Za-z0-9_]*(?:Error|Exception|Prompt)): ?([\s\S]*)$/.exec(e);
    return m ? { name: m[1] ?? "", message: m[2] ?? "" } : { name: "", message: e };
  }
  if (typeof e === "object" && e !== null) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : String(e);
    // A worker may hand us an Error whose message still carries "Name: " from a string.
    const nested = typeof name !== "string" || name === "Error" ? errorFacts(text) : null;
    if (nested && nested.name !== "") return nested;
    return { name: typeof name === "string" ? name : "", message: text };
  }
  return { name: "", message: String(e) };
}
