/**
 * The composition root's Chat part (loaded with the Chat view): the chat session and the list of
 * saved conversations, wired to the shared runtimes, device, catalog, storage and navigation.
 */
import { catalogOptions, recordingOptions } from "../../core/catalog/model-options";
import { defaultChatModel } from "../../core/runs/chat/models";
import { withPromptedOption, withTeamOption } from "../../core/runs/chat/team";
import { isRoutedModelId, PROMPTED_MODEL_ID, TEAM_MODEL_ID } from "../../core/routing/labels";
import type { ChatEngine } from "../chat/types";
import { createDocEvents } from "../../platform/doc-events";
import { FrameBatcher } from "../../platform/frame-batcher";
import { settingsStore, store } from "../../platform/stores";
import type { App, ChatViewState } from "../app.svelte";
import { appTeam, domainPromptsChoice } from "./team-root";
import { ConversationLibrary } from "../chat/chat-library.svelte";
import { ChatState } from "../chat/chat.svelte";

export async function createChatView(app: App): Promise<ChatViewState> {
  const [catalog, consent, replayFile] = await Promise.all([
    app.catalog(),
    app.consent(),
    app.replayFile(),
  ]);
  const { device, engines, nav } = app;
  const library = new ConversationLibrary(() => store("conversations"), createDocEvents());
  const defaultModel = () => {
    const profile = device.profile;
    return profile ? defaultChatModel(catalog.entries, profile) : null;
  };
  // The routed team ("Auto"): its members load as prompts need them, within the memory budget.
  // The prompt-specialized generalist is the team's fallback, told the routed domain prompt.
  const routedTeam = appTeam(app, catalog);
  const team = routedTeam.team;
  const nameOf = routedTeam.nameOf;
  /** Who answers for `id`: a routed choice's fallback generalist (its runtime), else itself. */
  const answerer = (id: string) => (isRoutedModelId(id) ? (team()?.fallback ?? id) : id);
  /** The models a choice may load: the team's members, the prompted generalist's one model. */
  const mayLoad = (id: string): string[] =>
    id === TEAM_MODEL_ID
      ? routedTeam.members()
      : id === PROMPTED_MODEL_ID
        ? routedTeam.prompted()
          ? [routedTeam.prompted()!.fallback]
          : []
        : [id];
  const chatEngine: ChatEngine = {
    get recording() {
      return engines.recording;
    },
    get progress() {
      return engines.progress;
    },
    traitsOf: (id) => engines.traitsOf(answerer(id)),
    load: async (ids) => {
      const direct = ids.filter((id) => !isRoutedModelId(id));
      if (direct.length > 0) await engines.load(direct);
    },
    engine: async () => {
      const inner = await engines.engine();
      return (await routedTeam.engine(inner)) ?? inner;
    },
    cancelLoad: () => engines.cancelLoad(),
  };
  const chat = new ChatState({
    engine: chatEngine,
    library,
    defaultModel,
    // The catalog's own fit (every entry, this device): unknown models and an unprobed device run.
    runsHere: (modelId) => catalog.fit.get(modelId)?.status !== "wont-run",
    // While a recording is replayed the chat answers from it, so it offers its models.
    modelOptions: () => {
      const recording = engines.recording;
      const groups = recording
        ? recordingOptions(recording.models)
        : catalogOptions(catalog.entries, catalog.fit);
      return withTeamOption(
        withPromptedOption(groups, routedTeam.prompted(), nameOf),
        team(),
        nameOf,
      );
    },
    replayLabel: () => replayFile.label,
    defaults: async () => {
      const s = await (await settingsStore()).load();
      return { params: s.defaultParams, showReasoning: s.showReasoning };
    },
    batcher: (flush) => new FrameBatcher(flush),
    checkpointMs: 2000,
    // The routed team may load any of its members: the question covers them all.
    confirmDownload: (modelId) => {
      const members = mayLoad(modelId);
      return consent.ask(members.length > 0 ? members : [modelId]);
    },
    teamMembers: () => routedTeam.members().map((id) => ({ id, name: nameOf(id) })),
    onCreated: (id) => nav.go("chat", id),
  });
  // A page closed mid-answer keeps the prompt and what had arrived.
  addEventListener("pagehide", () => void chat.persistNow());
  app.made = { ...app.made, chat };
  return {
    chat,
    library,
    catalog,
    consent,
    replayFile,
    teamEditor: routedTeam.editor,
    domainPrompts: domainPromptsChoice(),
    modelName: nameOf,
  };
}
