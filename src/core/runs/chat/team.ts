/**
 * The routed team in Chat: who is on it (each router label's first specialist among the models
 * the chat offers, the chat's default generalist as fallback), and the picker's "Auto" option.
 */
import type { ModelOptionGroup } from "../../catalog/model-options";
import { ROUTE_LABELS, TEAM_MODEL_ID } from "../../routing/labels";
import { defaultMapping, type TeamConfig } from "../../routing/team";

export interface TeamCandidate {
  id: string;
  role: string;
  domains: readonly string[];
}

/** The team over `candidates`, falling back to `fallback`; null without a fallback. */
export function chatTeam(
  candidates: readonly TeamCandidate[],
  fallback: string | null,
): TeamConfig | null {
  if (!fallback) return null;
  return { mapping: defaultMapping(candidates.filter((c) => c.id !== fallback)), fallback };
}

/** `groups` with the routed team offered first. */
export function withTeamOption(
  groups: readonly ModelOptionGroup[],
  team: TeamConfig | null,
  name: (id: string) => string,
): ModelOptionGroup[] {
  // A team without a specialist would only be the fallback under another name.
  if (!team || Object.keys(team.mapping).length === 0) return [...groups];
  // A recording of the team's answers (a comparison's export) offers them under the same id.
  if (groups.some((g) => g.options.some((o) => o.id === TEAM_MODEL_ID))) return [...groups];
  const members = ROUTE_LABELS.flatMap((l) =>
    team.mapping[l] ? [`${l} → ${name(team.mapping[l])}`] : [],
  );
  return [
    {
      label: "Routed team",
      options: [
        {
          id: TEAM_MODEL_ID,
          text: `Auto (routed team: ${[...members, `else ${name(team.fallback)}`].join(", ")})`,
          disabled: false,
          status: null,
          reasons: [],
        },
      ],
    },
    ...groups,
  ];
}
