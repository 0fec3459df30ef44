/**
 * The shapes the chat state works with: what it needs from the app (engine, batcher, defaults)
 * and the conversation as it keeps it.
 */
import type { Recording } from "../../core/engine/replay/recording";
import type { ModelOptionGroup } from "../../core/catalog/model-options";
import type { RuntimeTraits } from "../../core/engine/runtime";
import type { Engine, LoadProgress, SamplingParams } from "../../core/engine/types";
import type { ChatConversation, ChatMessage } from "../../core/runs/chat/conversation";
export type { ChatConversation, ChatMessage };
import type { ConversationLibrary } from "./chat-library.svelte";

/** The part of `EngineState` the chat uses. */
export interface ChatEngine {
  /** The recording being replayed: while there is one, the chat answers from it. */
  readonly recording: Recording | null;
  /** What serving a model means (replayed answers, a download, device memory). */
  traitsOf(modelId: string): RuntimeTraits;
  readonly progress: Record<string, LoadProgress>;
  load(modelIds: string[]): Promise<void>;
  engine(): Promise<Engine>;
  cancelLoad(): void;
}

/** Gathers streamed text and hands it over later (FrameBatcher in the app). */
export interface TextBatcher {
  push(text: string): void;
  drain(): void;
}

export interface ChatDefaults {
  params: SamplingParams;
  showReasoning: boolean;
}

export interface ChatDeps {
  engine: ChatEngine;
  library: ConversationLibrary;
  /** The model a new chat uses on this device; may read reactive state. Null while unknown. */
  defaultModel?: () => string | null;
  /** False for a model known not to run on this device (never preselected); true when unsure. */
  runsHere?: (modelId: string) => boolean;
  /** The models the picker offers (may read reactive state): the recording's, or the catalog's. */
  modelOptions?: () => ModelOptionGroup[];
  /** Describes the recording being replayed ("file.json (test fixture)"); null when live. */
  replayLabel?: () => string | null;
  defaults?: () => Promise<ChatDefaults>;
  batcher?: (flush: (text: string) => void) => TextBatcher;
  /**
   * Save the answer in flight this often (ms; 0 never). A closing page cannot wait for the
   * repository's read-then-write, so these checkpoints are what survives a closed tab.
   */
  checkpointMs?: number;
  /**
   * Asked before an answer would download `modelId` (the app shows its size and waits for the
   * user); false means nothing is loaded and the prompt is not sent.
   */
  confirmDownload?: (modelId: string) => Promise<boolean>;
  /** The routed team's members (may read reactive state): what an answer can be sent to instead. */
  teamMembers?: () => { id: string; name: string }[];
  /** Called once when a new conversation is first saved (the app routes to it). */
  onCreated?: (id: string) => void;
  now?: () => number;
  newId?: () => string;
}

export type ChatPhase = "idle" | "loading" | "streaming";
