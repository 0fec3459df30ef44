/**
 * A comparison column answered by the routed team (or the prompt-specialized generalist): the
 * router picks the member for the turn's prompt before the turn is planned, so the plan counts that
 * member's memory (none when another column is that same model, which it shares) and knows whether
 * it is loaded already. Pure: the session plans with it and the team engine loads the member when
 * a load names the team.
 */
import { PROMPTED_MODEL_ID, ROUTE_LABELS, TEAM_MODEL_ID } from "../../routing/labels";
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

/**
 * How a column names the prompt-specialized generalist (as the routed team is named: what it is,
 * then who answers), with its generalist's memory.
 */
export function describePrompted(
  fallback: string,
  member: (id: string) => { name: string; vramMB: number | null },
): ModelDescription {
  const m = member(fallback);
  return {
    id: PROMPTED_MODEL_ID,
    name: "Generalist + domain prompts",
    role: "prompt-specialized generalist",
    domains: [`${m.name}, told the routed label's domain prompt`],
    vramMB: m.vramMB,
  };
}

/**
 * The prompt-specialized generalist among a comparison's candidates: the team's fallback
 * generalist told the routed domain prompt; none without a team, when the generalist is not
 * offered, or when a recording already answers for it.
 */
export function withPromptedCandidate(
  candidates: readonly CompareCandidate[],
  team: TeamConfig | null,
): CompareCandidate[] {
  const generalist = team && candidates.find((c) => c.id === team.fallback);
  if (!generalist || candidates.some((c) => c.id === PROMPTED_MODEL_ID)) return [...candidates];
  return [
    ...candidates,
    {
      ...describePrompted(generalist.id, () => generalist),
      fit: generalist.fit,
      reasons: [],
      replayed: generalist.replayed,
    },
  ];
}

/**
 * The member answering each routed column of a turn (the routed team's, the prompt-specialized
 * generalist's), as the router chose it for the turn's prompt; a column without one stays as it is.
 */
export type TurnMembers = Readonly<Partial<Record<string, string>>>;

/** The models a turn really runs: each routed column replaced by its member, each once. */
export function turnMembers(models: readonly string[], members: TurnMembers): string[] {
  const ids = models.map((id) => members[id] ?? id);
  return [...new Set(ids)];
}

/**
 * Each column's memory in a turn where the routed columns answer through `members`, given the
 * memory a model needs beside the models the turn runs (`vramMB`).
 */
export function turnFootprints(
  models: readonly string[],
  members: TurnMembers,
  vramMB: (modelId: string, running: readonly string[]) => number,
): ModelFootprint[] {
  const running = turnMembers(models, members);
  return models.map((id, i) => {
    const member = members[id];
    if (!member) return { id, vramMB: vramMB(id, running) };
    // Another column is the same model, or an earlier routed column answers with it: this one
    // answers with it, after it.
    const shared = models.includes(member) || models.slice(0, i).some((m) => members[m] === member);
    return { id, vramMB: shared ? 0 : vramMB(member, running) };
  });
}

/** What the plan sees as loaded: a routed column counts as loaded when its member is. */
export function turnLoaded(loaded: readonly string[], members: TurnMembers): string[] {
  const routed = Object.entries(members).flatMap(([id, m]) =>
    m && loaded.includes(m) ? [id] : [],
  );
  return [...loaded, ...routed];
}
