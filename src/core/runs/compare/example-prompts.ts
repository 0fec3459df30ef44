/**
 * Example prompts for comparisons, three per domain. Data only. Each is short enough for a 1–2B
 * model to answer in a few hundred tokens and has an answer a person can check at a glance.
 */
import type { PromptDomain } from "../../domains";

export { PROMPT_DOMAINS, type PromptDomain } from "../../domains";

export interface ExamplePrompt {
  domain: PromptDomain;
  /** A few words for the picker. */
  label: string;
  prompt: string;
}

export const EXAMPLE_PROMPTS: readonly ExamplePrompt[] = [
  {
    domain: "code",
    label: "Palindrome check",
    prompt: "Write a Python function that checks whether a string is a palindrome.",
  },
  {
    domain: "code",
    label: "Debounce in JavaScript",
    prompt:
      "Write a JavaScript function debounce(fn, ms) that delays calling fn until ms milliseconds have passed without another call. Keep it short.",
  },
  {
    domain: "code",
    label: "Fix the off-by-one",
    prompt:
      "This Python function should return the sum of 1..n but is wrong. Fix it and explain the bug in one sentence.\n\ndef total(n):\n    return sum(range(n))",
  },
  {
    domain: "math",
    label: "Train speeds",
    prompt:
      "A train travels 180 km in 2.5 hours, then 120 km in 1.5 hours. What is its average speed for the whole trip? Give the answer in km/h.",
  },
  {
    domain: "math",
    label: "Sum of squares",
    prompt: "What is the sum of the squares of the integers from 1 to 10? Show the steps briefly.",
  },
  {
    domain: "math",
    label: "Percent change",
    prompt: "A price rises by 20% and then falls by 20%. By what percent has it changed overall?",
  },
  {
    domain: "instruction",
    label: "Three bullet points",
    prompt:
      "Explain what a GPU is in exactly three bullet points, each under 15 words. No introduction.",
  },
  {
    domain: "instruction",
    label: "JSON only",
    prompt:
      'Reply with JSON only, no prose: an object with keys "city" and "country" for the capital of Japan.',
  },
  {
    domain: "instruction",
    label: "Lowercase haiku",
    prompt: "Write a haiku about autumn rain. Use only lowercase letters and no punctuation.",
  },
  {
    domain: "reasoning",
    label: "Bat and ball",
    prompt:
      "A bat and a ball cost $1.10 in total. The bat costs $1.00 more than the ball. How much does the ball cost? Think it through before answering.",
  },
  {
    domain: "reasoning",
    label: "Who is lying",
    prompt:
      "Alice says Bob is lying. Bob says Carol is lying. Carol says both Alice and Bob are lying. Exactly who is telling the truth?",
  },
  {
    domain: "reasoning",
    label: "Sheep left",
    prompt: "A farmer has 17 sheep. All but 9 run away. How many sheep does the farmer have left?",
  },
];
