/**
 * The routed team as the app offers it in Chat and in Compare: the recording's specialists in
 * replay, the "unified vs team" preset's specialists live (in this device's variants), the default
 * generalist as fallback, changed as the user chose (any model the views offer, remote ones
 * included; one choice shared by both views and kept in settings); its members load as prompts
 * need them, within the memory budget. The team's engine (and the router's weights) load only when
 * the team is asked something. Beside it, the prompt-specialized generalist: the team's fallback
 * answering every prompt, told the routed label's domain prompt (the bench's, as kept on this
 * device); its engine wraps the team's, so one engine answers for both.
 */
import { defaultChatModel, recordingModel } from "../../core/runs/chat/models";
import { PRESETS } from "../../core/catalog/presets";
import { resolvePreset } from "../../core/catalog/resolve-preset";
import { chatTeam, type TeamCandidate } from "../../core/runs/chat/team";
import type { Engine } from "../../core/engine/types";
import { PROMPTED_MODEL_ID, TEAM_MODEL_ID } from "../../core/routing/labels";
import { defaultMapping, type RouteLabelMapping, type TeamConfig } from "../../core/routing/team";
import type { TeamEngine } from "../../core/routing/team-engine";
import type { App } from "../app.svelte";
import { saveSettings, settingsStore } from "../../platform/stores";
import type { CatalogState } from "../shared/catalog.svelte";
import { TeamChoiceState } from "../shared/team-choice.svelte";
import { isDomainPrompts } from "../../core/routing/domain-prompts";
import { DomainPromptsState } from "../shared/domain-prompts.svelte";

/** A model the team may use, as the team editor lists it. */
export interface TeamOffer extends TeamCandidate {
  name: string;
}

/** What the team editor shows and changes. */
export interface TeamEditor {
  /** Every model the user may put on the team (what the views offer here). */
  offered: TeamOffer[];
  /** Each label's member before the user's changes. */
  defaults: RouteLabelMapping;
  /** The fallback generalist now. */
  fallback: string;
  choice: TeamChoiceState;
}

let sharedChoice: TeamChoiceState | null = null;
/** The user's team choice: one for Chat and Compare, read from settings on first use. */
function teamChoice(): TeamChoiceState {
  sharedChoice ??= new TeamChoiceState({
    load: async () => (await (await settingsStore()).load()).team,
    save: (team) => saveSettings({ team }),
  });
  return sharedChoice;
}

let sharedPrompts: DomainPromptsState | null = null;
/**
 * The user's domain prompts: one set for the bench's run setup and for the prompt-specialized
 * generalist of Chat and Compare, read from settings on first use (each prompt checked here).
 */
export function domainPromptsChoice(): DomainPromptsState {
  sharedPrompts ??= new DomainPromptsState({
    load: async () => {
      const stored = (await (await settingsStore()).load()).domainPrompts;
      return isDomainPrompts(stored) ? stored : null;
    },
    save: (domainPrompts) => saveSettings({ domainPrompts }),
  });
  return sharedPrompts;
}

export interface AppTeam {
  /** Who is on the team now; null without a fallback model. */
  team(): TeamConfig | null;
  /** Every model the team may load (the mapped specialists and the fallback). */
  members(): string[];
  /** A member's name, as the recording or the catalog gives it. */
  nameOf(id: string): string;
  /** Memory a member needs, MB. */
  memoryMB(id: string): number;
  /** The prompt-specialized generalist's team: no specialists, the team's fallback; null: none. */
  prompted(): TeamConfig | null;
  /**
   * The engine over `inner` that answers the team and the prompt-specialized generalist (one per
   * inner engine, team and domain prompts); null when neither can answer (a recording of them does).
   */
  engine(inner: Engine): Promise<TeamEngine | null>;
  /** What the team editor shows; null while there is no team to edit. */
  editor(): TeamEditor | null;
}

/**
 * `compute`, computed again only when one of `inputs()` is a different value. The team is asked
 * for several times per render (the model menu, the editor, the prompted generalist), and each
 * answer judges every catalog entry against the device: tens of milliseconds as a view opens.
 * Every input is replaced, never changed in place, so identity tells a change.
 */
function memoOn<T>(inputs: () => readonly unknown[], compute: () => T): () => T {
  let last: readonly unknown[] | null = null;
  let value: T;
  return () => {
    const now = inputs();
    if (!last || now.some((x, i) => x !== last?.[i])) {
      value = compute();
      last = now;
    }
    return value;
  };
}

export function appTeam(app: Pick<App, "device" | "engines">, catalog: CatalogState): AppTeam {
  const { device, engines } = app;
  const choice = teamChoice();
  // All the team's answers depend on these, and on nothing else.
  const sources = () => [engines.recording, device.profile, catalog.entries] as const;
  const withChoice = () => [...sources(), choice.choice] as const;
  const candidates = memoOn(sources, (): TeamCandidate[] => {
    const recording = engines.recording;
    if (recording) {
      // A comparison's export may hold the team's own answers: those are replayed as they are.
      return recording.models
        .filter((m) => m.id !== TEAM_MODEL_ID)
        .filter((m) => recording.entries.some((e) => e.modelId === m.id))
        .map((m) => ({ id: m.id, role: m.role ?? "unknown", domains: m.domain ? [m.domain] : [] }));
    }
    const profile = device.profile;
    const preset = PRESETS.find((p) => p.id === "unified-vs-team");
    if (!profile || !preset) return [];
    return resolvePreset(preset, catalog.entries, profile).modelIds.flatMap((id) => {
      const e = catalog.byId(id);
      return e ? [{ id, role: e.role, domains: e.domains }] : [];
    });
  });
  /** The models the views offer: the recording's, or those of the catalog that run here. */
  const offered = memoOn(sources, (): TeamCandidate[] => {
    const recording = engines.recording;
    if (recording) return candidates();
    const profile = device.profile;
    if (!profile) return [];
    return catalog.entries
      .filter((e) => e.chatCapable && catalog.fit.get(e.id)?.status !== "wont-run")
      .map((e) => ({ id: e.id, role: e.role, domains: e.domains }));
  });
  const defaultFallback = () => {
    const recording = engines.recording;
    const profile = device.profile;
    return recording
      ? (candidates().find((c) => c.role === "generalist")?.id ?? recordingModel(recording))
      : profile
        ? defaultChatModel(catalog.entries, profile)
        : null;
  };
  const team = memoOn(withChoice, () =>
    chatTeam(candidates(), defaultFallback(), choice.choice, offered()),
  );
  const nameOf = (id: string) =>
    engines.recording?.models.find((m) => m.id === id)?.label ?? catalog.byId(id)?.name ?? id;
  const memoryMB = (id: string) =>
    engines.recording?.models.find((m) => m.id === id)?.vramMB ?? catalog.byId(id)?.vramMB ?? 0;
  const prompts = domainPromptsChoice();
  const recorded = (id: string) => engines.recording?.models.some((m) => m.id === id) ?? false;
  const prompted = (): TeamConfig | null => {
    const t = team();
    return t && !recorded(PROMPTED_MODEL_ID) ? { mapping: {}, fallback: t.fallback } : null;
  };
  let routed: { inner: Engine; key: string; engine: TeamEngine | null } | null = null;
  return {
    team,
    members: () => {
      const t = team();
      return t ? [...new Set([...Object.values(t.mapping), t.fallback])] : [];
    },
    nameOf,
    memoryMB,
    editor: () => {
      const t = team();
      if (!t || engines.recording?.models.some((m) => m.id === TEAM_MODEL_ID)) return null;
      return {
        offered: offered().map((c) => ({ ...c, name: nameOf(c.id) })),
        defaults: defaultMapping(candidates().filter((c) => c.id !== t.fallback)),
        fallback: t.fallback,
        choice,
      };
    },
    prompted,
    engine: async (inner) => {
      // The domain prompts as kept on this device, once read.
      await prompts.ready;
      const t = team();
      // Without a specialist there is nothing to route; a recording of the team answers for it.
      const routedTeam =
        t && Object.keys(t.mapping).length > 0 && !recorded(TEAM_MODEL_ID) ? t : null;
      const p = prompted();
      if (!routedTeam && !p) return null;
      const key = JSON.stringify([routedTeam, p, p ? prompts.prompts : null]);
      if (routed?.inner !== inner || routed.key !== key) {
        const budgetMB = device.profile?.memoryBudgetMB ?? Infinity;
        const { createTeamEngine } = await import("./chat-team");
        const base = routedTeam ? createTeamEngine(inner, routedTeam, memoryMB, budgetMB) : null;
        const engine = p
          ? createTeamEngine(base ?? inner, p, memoryMB, budgetMB, {
              id: PROMPTED_MODEL_ID,
              prompts: prompts.prompts,
            })
          : base;
        routed = { inner, key, engine };
      }
      return routed.engine;
    },
  };
}
