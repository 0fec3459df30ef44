/**
 * The composition root's Compare part (loaded with the Compare view): the comparison session,
 * its setup, history and arena, wired to the shared runtimes, device, catalog and storage. A
 * model in the loaded recording is replayed, the others run live, so columns may mix the two.
 */
import { version } from "../../../package.json";
import { createVoteStore } from "../../core/report/votes";
import {
  compareCandidates,
  describeModel,
  mixedCandidates,
  recordingModelOf,
} from "../../core/runs/compare/candidates";
import { columnBudgetMB, columnVramMB, comparisonSource } from "../../core/runs/compare/sources";
import {
  describePrompted,
  describeTeam,
  withPromptedCandidate,
  withTeamCandidate,
} from "../../core/runs/compare/team-column";
import { isRoutedModelId, PROMPTED_MODEL_ID, TEAM_MODEL_ID } from "../../core/routing/labels";
import { createConversationStore } from "../../core/storage/conversations";
import { createDocEvents } from "../../platform/doc-events";
import { downloadText } from "../../platform/download";
import { FrameBatcher } from "../../platform/frame-batcher";
import { store } from "../../platform/stores";
import type { App, CompareViewState } from "../app.svelte";
import { ArenaState } from "../compare/arena.svelte";
import { CompareSession } from "../compare/compare.svelte";
import { CompareHistory } from "../compare/history.svelte";
import { CompareSetup } from "../compare/setup.svelte";
import { EmbedDialogState } from "../compare/embed-dialog.svelte";
import { appTeam, domainPromptsChoice } from "./team-root";

export async function createCompareView(app: App): Promise<CompareViewState> {
  const [catalog, consent, replayFile] = await Promise.all([
    app.catalog(),
    app.consent(),
    app.replayFile(),
  ]);
  const { device, engines, nav } = app;
  // The routed team can be a column: the router picks its member per prompt, the turn's plan
  // loads that member within the budget (beside the generalist's column when both fit). So can the
  // prompt-specialized generalist: the team's fallback, told the routed label's domain prompt.
  const routedTeam = appTeam(app, catalog);
  const own = (id: string) => describeModel(id, catalog.entries, engines.recording);
  const describe = (id: string) => {
    const recorded = engines.recording?.models.some((m) => m.id === id);
    const team = id === TEAM_MODEL_ID && !recorded ? routedTeam.team() : null;
    const prompted = id === PROMPTED_MODEL_ID && !recorded ? routedTeam.prompted() : null;
    return team
      ? describeTeam(team, own)
      : prompted
        ? describePrompted(prompted.fallback, own)
        : own(id);
  };
  /** The models a routed column may load: the team's members, the prompted generalist's one. */
  const membersOf = (id: string): string[] =>
    id === TEAM_MODEL_ID
      ? routedTeam.members()
      : id === PROMPTED_MODEL_ID
        ? [routedTeam.prompted()?.fallback ?? id]
        : [id];
  const loads = (ids: readonly string[]) => [...new Set(ids.flatMap(membersOf))];
  const replayed = (id: string): boolean => {
    if (!isRoutedModelId(id) || engines.traitsOf(id).replayed) return engines.traitsOf(id).replayed;
    const members = membersOf(id).filter((m) => m !== id);
    return members.length > 0 && members.every(replayed);
  };
  const runtimeOf = (id: string) =>
    engines.runtimeOf(isRoutedModelId(id) ? (routedTeam.team()?.fallback ?? id) : id);
  // Live CPU models share the CPU's budget; with any GPU model the GPU's budget plans the turn.
  const liveBudgetMB = (models: readonly string[]): number | undefined => {
    const profile = device.profile;
    if (!profile) return undefined;
    const memory = models.filter((id) => !replayed(id)).map((id) => engines.traitsOf(id).memory);
    return memory.includes("cpu") && !memory.includes("gpu")
      ? profile.cpu.memoryBudgetMB
      : profile.memoryBudgetMB;
  };
  const votes = store("votes").then((s) => createVoteStore(s.store));
  const events = createDocEvents();

  const setup = new CompareSetup({
    candidates: () =>
      withPromptedCandidate(
        withTeamCandidate(
          mixedCandidates(catalog.entries, catalog.fit, engines.recording),
          routedTeam.team(),
        ),
        routedTeam.prompted(),
      ),
    recorded: () =>
      engines.recording ? compareCandidates(catalog.entries, catalog.fit, engines.recording) : [],
    confirmDownload: (ids) => consent.ask(loads(ids)),
  });
  const history = new CompareHistory({
    open: () => store("comparisons"),
    app: { name: "polymath", version },
    describe: (id) => recordingModelOf(describe(id)),
    deleted: (id) => events.publish({ kind: "comparison", id, rev: 0 }),
  });
  const arena = new ArenaState({ votes: () => votes });
  const session = new CompareSession({
    engine: {
      get recording() {
        return engines.recording;
      },
      engine: async (models) => {
        const inner = await engines.engine();
        const team = models?.some(isRoutedModelId) ? await routedTeam.engine(inner) : null;
        return team ?? inner;
      },
      sync: () => engines.sync(),
    },
    comparisons: () => history.store(),
    budgetMB: (models) =>
      columnBudgetMB(models, replayed, {
        replay: engines.recording?.device?.memoryBudgetMB,
        device: liveBudgetMB(models),
      }),
    vramMB: (id, models) => columnVramMB(id, models, replayed, describe(id).vramMB ?? 0),
    source: (models) =>
      comparisonSource(models, replayed, {
        recording: engines.recording,
        webllmVersion: catalog.webllmVersion,
        device: device.profile,
        runtimeOf,
      }),
    recordVote: (vote) => arena.record(vote),
    // The routed team may load any of its members: the question covers them all.
    confirmDownload: (ids) => consent.ask(loads(ids)),
    saveConversation: async (conversation) =>
      void (await createConversationStore((await store("conversations")).store).save(conversation)),
    batcher: (flush) => new FrameBatcher(flush),
    checkpointMs: 2000,
    onCreated: (id) => {
      void history.refresh();
      nav.go("compare", id);
    },
    saved: (id, rev) => events.publish({ kind: "comparison", id, rev }),
  });
  // Another tab saved or deleted a comparison: the history follows, an open one updates.
  events.subscribe((e) => {
    if (e.kind !== "comparison") return;
    void history.refresh();
    void session.changedElsewhere(e.id, e.rev);
  });
  // A page closed mid-turn keeps the prompt and what each column had sent.
  addEventListener("pagehide", () => void session.persistNow());
  const embedDialog = new EmbedDialogState({
    // embed.html sits beside index.html (relative base), wherever the app is served from.
    page: new URL("embed.html", location.href).href,
    encode: async (recording) =>
      (await import("../../core/share/share-link")).encodeShare(recording),
    copy: (text) => navigator.clipboard.writeText(text),
    download: (name, text) => downloadText(name, text, "application/json"),
  });
  app.made = { ...app.made, compare: session };
  return {
    session,
    setup,
    history,
    arena,
    catalog,
    describe,
    consent,
    replayFile,
    embedDialog,
    teamEditor: routedTeam.editor,
    domainPrompts: domainPromptsChoice(),
  };
}
