/**
 * The prompt router: prompt → label, confidence and how long the decision took, from the trained
 * model alone (no language model, no network). A decision below the model's threshold is marked
 * unsure, and the team then sends the prompt to its fallback model.
 */
import { systemScheduler } from "../engine/scheduler";
import type { RouteLabel } from "./labels";
import { probabilities, type RouterModel } from "./model";

export interface RouteDecision {
  label: RouteLabel;
  /** The winning label's probability, 0..1. */
  confidence: number;
  /** Below the router's threshold: the fallback model answers. */
  unsure: boolean;
  probabilities: Record<RouteLabel, number>;
  /** Time the decision took, ms. */
  ms: number;
}

export interface Router {
  readonly model: RouterModel;
  readonly threshold: number;
  route(text: string): RouteDecision;
}

/** A router over `model`; `threshold` overrides the model's own. */
export function createRouter(
  model: RouterModel,
  options: { threshold?: number; now?: () => number } = {},
): Router {
  const now = options.now ?? systemScheduler.now;
  const threshold = options.threshold ?? model.threshold;
  return {
    model,
    threshold,
    route(text) {
      const started = now();
      const p = probabilities(model, text);
      let best = 0;
      for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
      const ms = now() - started;
      const confidence = p[best]!;
      return {
        label: model.labels[best]!,
        confidence,
        unsure: confidence < threshold,
        probabilities: Object.fromEntries(model.labels.map((l, i) => [l, p[i]!])) as Record<
          RouteLabel,
          number
        >,
        ms,
      };
    },
  };
}

/** The router's decision for the newest user message of a conversation. */
export interface ConversationDecision extends RouteDecision {
  /** Unsure of the message alone, the router read it with the earlier user messages. */
  followUp?: true;
}

/** How many earlier user messages a follow-up is read with. */
export const FOLLOW_UP_CONTEXT = 2;

/**
 * Route the last of a conversation's user messages (`userTexts`, oldest first). A follow-up the
 * router is unsure of alone ("shorter, please", "and in Rust?") is read again with the earlier
 * user messages, so it stays with the conversation's specialist when those say which one; when
 * they do not (or disagree), the decision stays unsure and the fallback answers.
 */
export function routeConversation(
  router: Router,
  userTexts: readonly string[],
): ConversationDecision {
  const alone = router.route(userTexts.at(-1) ?? "");
  if (!alone.unsure || userTexts.length < 2) return alone;
  const context = router.route(userTexts.slice(-1 - FOLLOW_UP_CONTEXT).join("\n\n"));
  const ms = alone.ms + context.ms;
  return context.unsure ? { ...alone, ms } : { ...context, ms, followUp: true };
}
