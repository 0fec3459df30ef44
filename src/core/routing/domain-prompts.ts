/**
 * The prompt-specialized generalist's domain prompts: one system prompt per router label (and an
 * optional worked example, sent as a first user/assistant turn), the project's defaults. They are
 * data: the run setup shows and edits them (kept on this device in settings, for the bench and
 * for Chat's and Compare's prompt-specialized generalist), and each run stores the ones it used. The defaults are
 * short on purpose: they say what a specialist would do differently, not how to answer the item
 * (every model still gets the bench's own prompt template as its user message).
 */
import type { ChatMessage } from "../engine/types";
import { ROUTE_LABELS, type RouteLabel } from "./labels";

export interface DomainPrompt {
  system: string;
  /** A few-shot example, sent before the real prompt. */
  example?: { user: string; assistant: string };
}

export type DomainPrompts = Record<RouteLabel, DomainPrompt>;

export const DEFAULT_DOMAIN_PROMPTS: Readonly<DomainPrompts> = {
  code: {
    system:
      "You are an expert programmer. Write correct, idiomatic, complete code that handles edge " +
      "cases. Think about the tests the code must pass before you write it.",
  },
  math: {
    system:
      "You are a careful mathematician. Reason step by step, check each calculation, and state " +
      "the final answer exactly in the format asked for.",
  },
  reasoning: {
    system:
      "You are a careful logician. Consider every option, rule out the wrong ones explicitly, " +
      "and only then give your answer in the format asked for.",
  },
  instruction: {
    system:
      "Follow every instruction in the request exactly: length, format, case, words to use or " +
      "avoid, how to start and end. Check each constraint before you answer.",
  },
  chat: {
    system: "You are a helpful, friendly assistant. Answer clearly and concisely.",
  },
};

/** Domain prompts of the right shape: a system prompt (and at most an example) for every label. */
export function isDomainPrompts(v: unknown): v is DomainPrompts {
  const isRecord = (x: unknown): x is Record<string, unknown> =>
    typeof x === "object" && x !== null && !Array.isArray(x);
  if (!isRecord(v)) return false;
  return ROUTE_LABELS.every((label) => {
    const p = v[label];
    if (!isRecord(p) || typeof p.system !== "string") return false;
    const e = p.example;
    return (
      e === undefined ||
      (isRecord(e) && typeof e.user === "string" && typeof e.assistant === "string")
    );
  });
}

/** The messages before the user's prompt for a routed label: system prompt, then the example. */
export function domainPreamble(prompt: DomainPrompt | undefined): ChatMessage[] {
  if (!prompt) return [];
  return [
    ...(prompt.system.trim() ? [{ role: "system" as const, content: prompt.system }] : []),
    ...(prompt.example
      ? [
          { role: "user" as const, content: prompt.example.user },
          { role: "assistant" as const, content: prompt.example.assistant },
        ]
      : []),
  ];
}
