/**
 * What the router tells apart: the specialists' areas plus everyday chat. Each label is a task
 * domain, so a routing decision lines up with a bench item's domain and a model's domains.
 */
import type { Domain } from "../domains";

export const ROUTE_LABELS = [
  "code",
  "math",
  "reasoning",
  "instruction",
  "chat",
] as const satisfies readonly Domain[];
export type RouteLabel = (typeof ROUTE_LABELS)[number];

/** True for one of the router's labels. */
export function isRouteLabel(value: unknown): value is RouteLabel {
  return typeof value === "string" && (ROUTE_LABELS as readonly string[]).includes(value);
}

/** The model id that means "let the router choose" (the routed team). */
export const TEAM_MODEL_ID = "team:auto";

/**
 * The model id of the prompt-specialized generalist: the team's fallback generalist answering
 * every prompt, told the domain prompt of the label the router picks (none when it is unsure).
 */
export const PROMPTED_MODEL_ID = "team:prompted";

/** True for an id the router answers for (the routed team or the prompt-specialized generalist). */
export function isRoutedModelId(id: string): boolean {
  return id === TEAM_MODEL_ID || id === PROMPTED_MODEL_ID;
}
