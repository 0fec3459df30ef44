/**
 * The composition root's Chat part (loaded with the Chat view): the chat session and the list of
 * saved conversations, wired to the shared runtimes, device, catalog, storage and navigation.
 */
import { assessFit } from "../../core/catalog/fit";
import { catalogOptions, recordingOptions } from "../../core/catalog/model-options";
import { defaultChatModel, recordingModel } from "../../core/runs/chat/models";
import { PRESETS } from "../../core/catalog/presets";
import { resolvePreset } from "../../core/catalog/resolve-preset";
import { chatTeam, withTeamOption, type TeamCandidate } from "../../core/runs/chat/team";
import type { Engine } from "../../core/engine/types";
import { TEAM_MODEL_ID } from "../../core/routing/labels";
import type { TeamEngine } from "../../core/routing/team-engine";
import type { ChatEngine } from "../chat/types";
import { createDocEvents } from "../../platform/doc-events";
import { FrameBatcher } from "../../platform/frame-batcher";
import { settingsStore, store } from "../../platform/stores";
import type { App, ChatViewState } from "../app.svelte";
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
  // The routed team ("Auto"): the recording's or the catalog's specialists, the default generalist
  // as fallback; its members load as prompts need them, within the device's memory budget.
  const candidates = (): TeamCandidate[] => {
    const recording = engines.recording;
    if (recording) {
      return recording.models
        .filter((m) => recording.entries.some((e) => e.modelId === m.id))
        .map((m) => ({ id: m.id, role: m.role ?? "unknown", domains: m.domain ? [m.domain] : [] }));
    }
    // Live: the "unified vs team" preset's specialists, in this device's variants.
    const profile = device.profile;
    const preset = PRESETS.find((p) => p.id === "unified-vs-team");
    if (!profile || !preset) return [];
    return resolvePreset(preset, catalog.entries, profile).modelIds.flatMap((id) => {
      const e = catalog.byId(id);
      return e ? [{ id, role: e.role, domains: e.domains }] : [];
    });
  };
  const team = () => {
    const recording = engines.recording;
    const fallback = recording
      ? (candidates().find((c) => c.role === "generalist")?.id ?? recordingModel(recording))
      : defaultModel();
    return chatTeam(candidates(), fallback);
  };
  const nameOf = (id: string) =>
    engines.recording?.models.find((m) => m.id === id)?.label ?? catalog.byId(id)?.name ?? id;
  const memoryMB = (id: string) =>
    engines.recording?.models.find((m) => m.id === id)?.vramMB ?? catalog.byId(id)?.vramMB ?? 0;
  let routed: { inner: Engine; key: string; engine: TeamEngine } | null = null;
  const chatEngine: ChatEngine = {
    get recording() {
      return engines.recording;
    },
    get progress() {
      return engines.progress;
    },
    traitsOf: (id) => engines.traitsOf(id === TEAM_MODEL_ID ? (team()?.fallback ?? id) : id),
    load: async (ids) => {
      const direct = ids.filter((id) => id !== TEAM_MODEL_ID);
      if (direct.length > 0) await engines.load(direct);
    },
    engine: async () => {
      const inner = await engines.engine();
      const t = team();
      if (!t) return inner;
      const key = JSON.stringify(t);
      if (routed?.inner !== inner || routed.key !== key) {
        const budgetMB = device.profile?.memoryBudgetMB ?? Infinity;
        const { createTeamEngine } = await import("./chat-team");
        routed = { inner, key, engine: createTeamEngine(inner, t, memoryMB, budgetMB) };
      }
      return routed.engine;
    },
    cancelLoad: () => engines.cancelLoad(),
  };
  const chat = new ChatState({
    engine: chatEngine,
    library,
    defaultModel,
    runsHere: (modelId) => {
      const profile = device.profile;
      const entry = catalog.byId(modelId);
      return !profile || !entry || assessFit(entry, profile).status !== "wont-run";
    },
    // While a recording is replayed the chat answers from it, so it offers its models.
    modelOptions: () => {
      const recording = engines.recording;
      const groups = recording
        ? recordingOptions(recording.models)
        : catalogOptions(catalog.entries, catalog.fit);
      return withTeamOption(groups, team(), nameOf);
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
      const t = modelId === TEAM_MODEL_ID ? team() : null;
      const ids = t ? [...new Set([...Object.values(t.mapping), t.fallback])] : [modelId];
      return consent.ask(ids);
    },
    onCreated: (id) => nav.go("chat", id),
  });
  // A page closed mid-answer keeps the prompt and what had arrived.
  addEventListener("pagehide", () => void chat.persistNow());
  app.made = { ...app.made, chat };
  return { chat, library, catalog, consent, replayFile };
}
