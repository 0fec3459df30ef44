/**
 * The routed team's engine for Chat, loaded the first time an answer is asked of the team: the
 * router's weights stay out of the Chat view's first load. The prompt-specialized generalist is a
 * team engine too (its own id, domain prompts), over the team's.
 */
import type { Engine } from "../../core/engine/types";
import type { RouterModel } from "../../core/routing/model";
import { createRouter } from "../../core/routing/router";
import routerModel from "../../core/routing/router-model.json";
import type { TeamConfig } from "../../core/routing/team";
import { TeamEngine, type TeamEngineOptions } from "../../core/routing/team-engine";

let router: ReturnType<typeof createRouter> | null = null;

/** A team engine over `inner`. */
export function createTeamEngine(
  inner: Engine,
  team: TeamConfig,
  memoryMB: (id: string) => number,
  budgetMB: number,
  as: Pick<TeamEngineOptions, "id" | "prompts"> = {},
): TeamEngine {
  router ??= createRouter(routerModel as RouterModel);
  return new TeamEngine({ inner, router, team, memoryMB, budgetMB, ...as });
}
