/**
 * A first guess at a prompt's domain from keywords, so a blind vote is filed under a sensible
 * leaderboard by default. The user can always change it; this only picks the select's start value.
 */
import type { PromptDomain } from "./example-prompts";

// Ordered: a prompt asking for code about numbers is code; a trick question with numbers in it
// ("all but 9 run away") is reasoning before it is arithmetic.
const RULES: readonly { domain: PromptDomain; pattern: RegExp }[] = [
  {
    domain: "code",
    pattern:
      /```|\bdef \w|\b(python|javascript|typescript|java|rust|golang|c\+\+|sql|html|css|regex|function|code|program|script|bug|debug|compile|algorithm)\b/i,
  },
  {
    domain: "reasoning",
    pattern:
      /\b(puzzle|riddle|logic|logically|lying|liar|truth|deduce|infer|think it through|step by step|all but|trick)\b/i,
  },
  {
    domain: "math",
    pattern:
      /\d+\s*[-+*/^=×÷]\s*\d+|\d\s*%|\b(sum|product|average|percent|percentage|equation|solve|integral|derivative|probability|calculate|compute|how many|how much|square root|prime|fraction)\b/i,
  },
];

/** The domain a prompt most likely belongs to; "instruction" when no keyword says otherwise. */
export function guessDomain(prompt: string): PromptDomain {
  for (const rule of RULES) if (rule.pattern.test(prompt)) return rule.domain;
  return "instruction";
}
