/**
 * The app's comparison session, history and arena, wired to the shared engine, device, catalog,
 * storage and router. Lives as long as the page, so a comparison keeps streaming while another
 * view is open. Loaded with the Compare view.
 */
import { version } from "../../package.json";
import { deviceSummary } from "../core/engine/replay/recording-builder";
import type { ComparisonSource } from "../core/runs/compare/comparisons";
import { createVoteStore, type VoteStore } from "../core/report/votes";
import { createConversationStore } from "../core/storage/conversations";
import { FrameBatcher } from "../platform/frame-batcher";
import { store } from "../platform/stores";
import { app } from "./app.svelte";
import { ArenaState } from "./compare/arena.svelte";
import { catalog } from "./shared/catalog.svelte";
import { CompareHistory } from "./compare/history.svelte";
import { describeModel, recordingModelOf } from "../core/runs/compare/candidates";
import { CompareSetup } from "./compare/setup.svelte";
import { CompareSession } from "./compare/compare.svelte";
import { router } from "./shared/nav.svelte";

const APP = { name: "polymath", version };

/** A model as the current engine knows it (the recording's annotations in replay). */
export function describe(id: string) {
  return describeModel(
    id,
    catalog.entries,
    app.engine.mode === "replay" ? app.engine.recording : null,
  );
}

let votes: Promise<VoteStore> | null = null;
const voteStore = () => (votes ??= store("votes").then((s) => createVoteStore(s.store)));

export const compareSetup = new CompareSetup();

export const compareHistory = new CompareHistory({
  open: () => store("comparisons"),
  app: APP,
  describe: (id) => recordingModelOf(describe(id)),
});

export const arena = new ArenaState({ votes: voteStore });

function source(): ComparisonSource {
  const recording = app.engine.mode === "replay" ? app.engine.recording : null;
  if (recording) {
    return {
      engine: "replay",
      ...(recording.fixture ? { fixture: true } : {}),
      ...(recording.note ? { note: recording.note } : {}),
      ...(recording.device ? { device: recording.device } : {}),
      ...(recording.engine.webllmVersion ? { webllmVersion: recording.engine.webllmVersion } : {}),
    };
  }
  const profile = app.device.profile;
  return {
    engine: "webllm",
    webllmVersion: catalog.webllmVersion,
    ...(profile ? { device: deviceSummary(profile) } : {}),
  };
}

export const compare = new CompareSession({
  engine: app.engine,
  comparisons: () => compareHistory.store(),
  // A replay uses no GPU memory: plan as the recording device did, or all at once.
  budgetMB: () =>
    app.engine.mode === "replay"
      ? (app.engine.recording?.device?.memoryBudgetMB ?? Infinity)
      : (app.device.profile?.memoryBudgetMB ?? Infinity),
  vramMB: (id) => describe(id).vramMB ?? 0,
  source,
  recordVote: (vote) => arena.record(vote),
  saveConversation: async (conversation) =>
    createConversationStore((await store("conversations")).store).save(conversation),
  batcher: (flush) => new FrameBatcher(flush),
  checkpointMs: 2000,
  onCreated: (id) => {
    void compareHistory.refresh();
    router.go("compare", id);
  },
});

// A page closed mid-turn keeps the prompt and what each column had sent.
addEventListener("pagehide", () => void compare.persistNow());
