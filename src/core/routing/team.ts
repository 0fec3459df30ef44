/**
 * The routed team's rules: which member answers a routed prompt (the label's specialist, or the
 * fallback generalist when the router is unsure or no member covers the label), and what a
 * sequence of answers costs in model loads, unloads and switches within a memory budget.
 * Pure: the bench report and the team engine apply them.
 */
import type { RouteDecision } from "./router";
import { ROUTE_LABELS, type RouteLabel } from "./labels";

/** A member for some labels; a label without one goes to the fallback. */
export type RouteLabelMapping = Partial<Record<RouteLabel, string>>;

export interface TeamConfig {
  /** The member for each label; a label without one goes to the fallback. */
  mapping: RouteLabelMapping;
  /** The generalist that answers unsure prompts and labels without a specialist. */
  fallback: string;
}

export type RouteReason = "specialist" | "unsure" | "no-specialist";

export interface MemberChoice {
  modelId: string;
  reason: RouteReason;
}

/** The member that answers a prompt the router decided `decision` for. */
export function chooseMember(
  decision: Pick<RouteDecision, "label" | "unsure">,
  team: TeamConfig,
): MemberChoice {
  if (decision.unsure) return { modelId: team.fallback, reason: "unsure" };
  const member = team.mapping[decision.label];
  // A label the user sent to the fallback itself has no specialist of its own.
  return member && member !== team.fallback
    ? { modelId: member, reason: "specialist" }
    : { modelId: team.fallback, reason: "no-specialist" };
}

/**
 * The default mapping: each label to the first specialist whose domains include it (the preset's
 * specialists), everything else to the fallback.
 */
export function defaultMapping(
  models: readonly { id: string; role: string; domains: readonly string[] }[],
): Partial<Record<RouteLabel, string>> {
  const out: Partial<Record<RouteLabel, string>> = {};
  for (const label of ROUTE_LABELS) {
    const s = models.find((m) => m.role === "specialist" && m.domains.includes(label));
    if (s) out[label] = s.id;
  }
  return out;
}

/** The user's changes to a default mapping: a label's member, or null to send it to the fallback. */
export type MappingChoice = Partial<Record<RouteLabel, string | null>>;

/** The user's routed team: a chosen fallback (null: the default) and changes to the mapping. */
export interface TeamChoice {
  fallback: string | null;
  mapping: MappingChoice;
}

export const NO_TEAM_CHOICE: Readonly<TeamChoice> = Object.freeze({ fallback: null, mapping: {} });

/**
 * `mapping` with the user's choices applied; a choice of a model `offered` does not know (one
 * removed, or not on this device) is ignored, so the label keeps its default.
 */
export function applyMappingChoice(
  mapping: Partial<Record<RouteLabel, string>>,
  chosen: MappingChoice,
  offered: (id: string) => boolean,
): Partial<Record<RouteLabel, string>> {
  const out = { ...mapping };
  for (const label of ROUTE_LABELS) {
    const choice = chosen[label];
    if (choice === null) delete out[label];
    else if (choice !== undefined && offered(choice)) out[label] = choice;
  }
  return out;
}

export interface SwitchAccount {
  loads: number;
  unloads: number;
  /** Answers whose member was not loaded when its turn came (each needed a load). */
  switches: number;
  /** The most memory held at once, MB. */
  peakMB: number;
}

/**
 * Replay `sequence` (the member answering each prompt, in order) against a memory budget: a member
 * not loaded is loaded, first unloading the least recently used members until it fits. A member
 * bigger than the budget on its own is still loaded alone (the budget is an estimate).
 */
export function accountSwitches(
  sequence: readonly string[],
  memoryMB: (id: string) => number,
  budgetMB: number,
  initiallyLoaded: readonly string[] = [],
): SwitchAccount {
  const resident: string[] = [...initiallyLoaded];
  const used = () => resident.reduce((s, id) => s + memoryMB(id), 0);
  let loads = 0;
  let unloads = 0;
  let switches = 0;
  let peakMB = used();
  for (const id of sequence) {
    const at = resident.indexOf(id);
    if (at >= 0) {
      resident.splice(at, 1);
      resident.push(id);
      continue;
    }
    while (resident.length > 0 && used() + memoryMB(id) > budgetMB) {
      resident.shift();
      unloads++;
    }
    resident.push(id);
    loads++;
    // The first load of an empty team is starting up, not switching.
    if (loads + initiallyLoaded.length > 1) switches++;
    peakMB = Math.max(peakMB, used());
  }
  return { loads, unloads, switches, peakMB };
}
