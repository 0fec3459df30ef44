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
