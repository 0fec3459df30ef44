/**
 * The app's chat session, wired to the shared engine, catalog, storage and router. Lives as long
 * as the page, so an answer keeps streaming while another view is open. Loaded with the Chat view.
 */
import { FrameBatcher } from "../platform/frame-batcher";
import { settingsStore, store } from "../platform/stores";
import { assessFit } from "../core/catalog/fit";
import { app } from "./app.svelte";
import { catalog } from "./shared/catalog.svelte";
import { ConversationLibrary } from "./chat/chat-library.svelte";
import { defaultChatModel } from "../core/runs/chat/models";
import { ChatState } from "./chat/chat.svelte";
import { replayFile } from "./shared/replay-file.svelte";
import { router } from "./shared/nav.svelte";

export const chatLibrary = new ConversationLibrary(() => store("conversations"));

export const chat = new ChatState({
  engine: app.engine,
  library: chatLibrary,
  defaultModel: () => {
    const profile = app.device.profile;
    return profile ? defaultChatModel(catalog.entries, profile) : null;
  },
  runsHere: (modelId) => {
    const profile = app.device.profile;
    const entry = catalog.byId(modelId);
    return !profile || !entry || assessFit(entry, profile).status !== "wont-run";
  },
  replayLabel: () => replayFile.label,
  defaults: async () => {
    const s = await (await settingsStore()).load();
    return { params: s.defaultParams, showReasoning: s.showReasoning };
  },
  batcher: (flush) => new FrameBatcher(flush),
  checkpointMs: 2000,
  onCreated: (id) => router.go("chat", id),
});

// A page closed mid-answer keeps the prompt and what had arrived.
addEventListener("pagehide", () => void chat.persistNow());
