/**
 * A comparison column answered by the routed team: the router picks the member for the turn's
 * prompt before the turn is planned, so the plan counts that member's memory (none when another
 * column is that same model, which it shares) and knows whether it is loaded already. Pure: the
 * session plans with it and the team engine loads the member when a load names the team.
 */
import { ROUTE_LABELS, TEAM_MODEL_ID } from "../../routing/labels";
import type { TeamConfig } from "../../routing/team";
import type { ModelFootprint } from "../schedule";
import type { CompareCandidate, ModelDescription } from "./candidates";

/**
 * How a column names the routed team: its members by label, the fallback last. Its memory is its
 * biggest member's (it holds one at least; more when the budget allows).
 */
export function describeTeam(
  team: TeamConfig,
  member: (id: string) => { name: string; vramMB: number | null },
): ModelDescription {
  const members = [...new Set([...Object.values(team.mapping), team.fallback])];
  const sizes = members.map((id) => member(id).vramMB ?? 0);
  return {
    id: TEAM_MODEL_ID,
    name: "Routed team",
    role: "routed team",
    domains: [
      ...ROUTE_LABELS.flatMap((l) => {
        const id = team.mapping[l];
        return id ? [`${l} → ${member(id).name}`] : [];
      }),
      `else ${member(team.fallback).name}`,
    ],
    vramMB: Math.max(0, ...sizes) || null,
  };
}

/**
 * The routed team among a comparison's candidates, after the models it is made of; none when no
 * specialist is on it (it would only be its fallback under another name), when one of its
 * members is not offered, or when a recording already answers for it.
 */
export function withTeamCandidate(
  candidates: readonly CompareCandidate[],
  team: TeamConfig | null,
): CompareCandidate[] {
  // A recording of a comparison with the team offers the team's recorded answers instead.
  const recorded = candidates.some((c) => c.id === TEAM_MODEL_ID);
  if (!team || Object.keys(team.mapping).length === 0 || recorded) return [...candidates];
  const members = [...new Set([...Object.values(team.mapping), team.fallback])];
  const offered = members.map((id) => candidates.find((c) => c.id === id));
  if (offered.some((c) => !c)) return [...candidates];
  const byId = (id: string) => candidates.find((c) => c.id === id)!;
  return [
    ...candidates,
    {
      ...describeTeam(team, byId),
      fit: offered.some((c) => c?.fit === "tight") ? "tight" : "fits",
      reasons: [],
      replayed: offered.every((c) => c?.replayed),
    },
  ];
}

/** The models a turn really runs: the team's column replaced by its member, each once. */
export function turnMembers(models: readonly string[], member: string | null): string[] {
  const ids = models.map((id) => (id === TEAM_MODEL_ID && member ? member : id));
  return [...new Set(ids)];
}

/**
 * Each column's memory in a turn where the team's column answers through `member`, given the
 * memory a model needs beside the models the turn runs (`vramMB`).
 */
export function turnFootprints(
  models: readonly string[],
  member: string | null,
  vramMB: (modelId: string, running: readonly string[]) => number,
): ModelFootprint[] {
  const running = turnMembers(models, member);
  return models.map((id) => {
    if (id !== TEAM_MODEL_ID || !member) return { id, vramMB: vramMB(id, running) };
    // Another column is the same model: the team answers with it, after it.
    return { id, vramMB: models.includes(member) ? 0 : vramMB(member, running) };
  });
}

/** What the plan sees as loaded: the team counts as loaded when its member is. */
export function turnLoaded(loaded: readonly string[], member: string | null): string[] {
  return member && loaded.includes(member) ? [...loaded, TEAM_MODEL_ID] : [...loaded];
}
