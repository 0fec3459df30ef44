/**
 * The composition root's Chat part (loaded with the Chat view): the chat session and the list of
 * saved conversations, wired to the shared runtimes, device, catalog, storage and navigation.
 */
import { assessFit } from "../../core/catalog/fit";
import { catalogOptions, recordingOptions } from "../../core/catalog/model-options";
import { defaultChatModel } from "../../core/runs/chat/models";
import { createDocEvents } from "../../platform/doc-events";
import { FrameBatcher } from "../../platform/frame-batcher";
import { settingsStore, store } from "../../platform/stores";
import type { App, ChatViewState } from "../app.svelte";
import { ConversationLibrary } from "../chat/chat-library.svelte";
import { ChatState } from "../chat/chat.svelte";

export async function createChatView(app: App): Promise<ChatViewState> {
  const catalog = await app.catalog();
  const { device, engines, nav, replayFile } = app;
  const library = new ConversationLibrary(() => store("conversations"), createDocEvents());
  const chat = new ChatState({
    engine: engines,
    library,
    defaultModel: () => {
      const profile = device.profile;
      return profile ? defaultChatModel(catalog.entries, profile) : null;
    },
    runsHere: (modelId) => {
      const profile = device.profile;
      const entry = catalog.byId(modelId);
      return !profile || !entry || assessFit(entry, profile).status !== "wont-run";
    },
    // While a recording is replayed the chat answers from it, so it offers its models.
    modelOptions: () => {
      const recording = engines.recording;
      return recording
        ? recordingOptions(recording.models)
        : catalogOptions(catalog.entries, catalog.fit);
    },
    replayLabel: () => replayFile.label,
    defaults: async () => {
      const s = await (await settingsStore()).load();
      return { params: s.defaultParams, showReasoning: s.showReasoning };
    },
    batcher: (flush) => new FrameBatcher(flush),
    checkpointMs: 2000,
    onCreated: (id) => nav.go("chat", id),
  });
  // A page closed mid-answer keeps the prompt and what had arrived.
  addEventListener("pagehide", () => void chat.persistNow());
  app.made = { ...app.made, chat };
  return { chat, library, catalog };
}
