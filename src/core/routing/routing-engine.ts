/**
 * What Chat and Compare ask of an engine that routes (the routed team, the prompt-specialized
 * generalist, or one wrapping the other), without importing the team's code: how its last answer
 * for an id was routed, and the team that answers an id (Compare pins a turn's prompt on it).
 */
import type { Engine } from "../engine/types";
import type { PinnedRoute, TeamRoute } from "./team-engine";

export interface RoutingEngine extends Engine {
  /** How the last answer for `modelId` was routed (null: it was not, or not yet). */
  routeOf(modelId: string): TeamRoute | null;
  /** The team that answers `modelId` (null: none). */
  teamFor(modelId: string): { pin(texts: readonly string[]): PinnedRoute } | null;
}

/** True for an engine that routes (a team engine or a chain of them). */
export function isRoutingEngine(engine: Engine): engine is RoutingEngine {
  return (
    "routeOf" in engine &&
    typeof engine.routeOf === "function" &&
    "teamFor" in engine &&
    typeof engine.teamFor === "function"
  );
}
