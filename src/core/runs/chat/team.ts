/**
 * The routed team in Chat and Compare: who is on it (each router label's first specialist among
 * the preset's models, the chat's default generalist as fallback, with the user's changes: any
 * model offered here, local or remote, for a label or as fallback), and the picker's "Auto" option;
 * beside it the prompt-specialized generalist (the team's fallback told the routed domain prompt).
 */
import type { ModelOptionGroup } from "../../catalog/model-options";
import { PROMPTED_MODEL_ID, ROUTE_LABELS, TEAM_MODEL_ID } from "../../routing/labels";
import {
  applyMappingChoice,
  defaultMapping,
  NO_TEAM_CHOICE,
  type TeamChoice,
  type TeamConfig,
} from "../../routing/team";

export interface TeamCandidate {
  id: string;
  role: string;
  domains: readonly string[];
}

/**
 * The team over `candidates`, falling back to `fallback`, with the user's `choice` of models
 * among `offered` (a generalist for the fallback); null without a fallback.
 */
export function chatTeam(
  candidates: readonly TeamCandidate[],
  defaultFallback: string | null,
  choice: TeamChoice = NO_TEAM_CHOICE,
  offered: readonly TeamCandidate[] = candidates,
): TeamConfig | null {
  const chosen = offered.find((c) => c.id === choice.fallback && c.role === "generalist");
  const fallback = chosen?.id ?? defaultFallback;
  if (!fallback) return null;
  const defaults = defaultMapping(candidates.filter((c) => c.id !== fallback));
  const mapping = applyMappingChoice(defaults, choice.mapping, (id) =>
    offered.some((c) => c.id === id),
  );
  return { mapping, fallback };
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

/**
 * `groups` with the prompt-specialized generalist offered first: the team's fallback generalist,
 * told the domain prompt of the label the router picks (it needs no specialist).
 */
export function withPromptedOption(
  groups: readonly ModelOptionGroup[],
  team: TeamConfig | null,
  name: (id: string) => string,
): ModelOptionGroup[] {
  if (!team) return [...groups];
  if (groups.some((g) => g.options.some((o) => o.id === PROMPTED_MODEL_ID))) return [...groups];
  return [
    {
      label: "Prompt-specialized generalist",
      options: [
        {
          id: PROMPTED_MODEL_ID,
          text: `Auto (${name(team.fallback)} + domain prompts)`,
          disabled: false,
          status: null,
          reasons: [],
        },
      ],
    },
    ...groups,
  ];
}
