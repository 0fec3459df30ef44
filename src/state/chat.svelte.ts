/**
 * One chat session: the open conversation, the model answering it and the answer in flight.
 * Streamed text reaches `$state` through a batcher (one update per animation frame in the app). The
 * conversation is saved with the user's prompt, after each answer, every few seconds while one
 * streams, and, best effort, when the page is hidden. A failed save keeps everything in memory and
 * says so in `saveError`.
 */
import { PolymathError, toPolymathError } from "../core/errors";
import type { Recording } from "../core/engine/recording";
import type { Engine, LoadProgress, SamplingParams } from "../core/engine/types";
import type { Conversation, ConversationMessage } from "../core/storage/conversation-schema";
import type { ConversationLibrary } from "./chat-library.svelte";
import { recordingModel } from "./chat-models";
import { buildChatRequest, titleFromPrompt } from "./chat-request";

/** The part of `EngineState` the chat uses. */
export interface ChatEngine {
  readonly mode: "webllm" | "replay";
  readonly recording: Recording | null;
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

/** A message as the chat keeps it (`replayOf` marks answers played from a recording). */
export type ChatMessage = ConversationMessage;
export type ChatConversation = Omit<Conversation, "messages"> & { messages: ChatMessage[] };

export interface ChatDeps {
  engine: ChatEngine;
  library: ConversationLibrary;
  /** The model a new chat uses on this device; may read reactive state. Null while unknown. */
  defaultModel?: () => string | null;
  /** Describes the recording being replayed ("file.json (test fixture)"); null when live. */
  replayLabel?: () => string | null;
  defaults?: () => Promise<ChatDefaults>;
  batcher?: (flush: (text: string) => void) => TextBatcher;
  /**
   * Save the answer in flight this often (ms; 0 never). A closing page cannot wait for the
   * repository's read-then-write, so these checkpoints are what survives a closed tab.
   */
  checkpointMs?: number;
  /** Called once when a new conversation is first saved (the app routes to it). */
  onCreated?: (id: string) => void;
  now?: () => number;
  newId?: () => string;
}

export type ChatPhase = "idle" | "loading" | "streaming";

const immediate = (flush: (text: string) => void): TextBatcher => ({
  push: flush,
  drain: () => {},
});

function randomId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
}

export class ChatState {
  #deps: ChatDeps;
  #now: () => number;
  #newId: () => string;
  #defaultParams: SamplingParams = {};
  #abort: AbortController | null = null;
  #running: Promise<void> | null = null;
  #batchers: TextBatcher[] = [];
  #ticket = 0;

  conversation = $state<ChatConversation>(blank("", 0, ""));
  /** True once the conversation is in storage (it then has a route of its own). */
  saved = $state(false);
  phase = $state<ChatPhase>("idle");
  /** The assistant message being streamed. */
  streamingId = $state<string | null>(null);
  loadError = $state<PolymathError | null>(null);
  /** The answer's model when `loadError` happened. */
  loadErrorModel = $state<string | null>(null);
  saveError = $state<PolymathError | null>(null);
  openError = $state<PolymathError | null>(null);
  showReasoning = $state(false);
  /** The model new answers come from: the conversation's, else the default; a recorded one in replay. */
  modelId = $derived.by(() => this.#effectiveModel());
  busy = $derived(this.phase !== "idle");
  progress = $derived.by<LoadProgress | null>(
    () => this.#deps.engine.progress[this.modelId] ?? null,
  );
  /** Resolves when the stored defaults have been applied. */
  readonly ready: Promise<void>;

  constructor(deps: ChatDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#newId = deps.newId ?? randomId;
    this.conversation = this.#draft("");
    this.ready = (deps.defaults?.() ?? Promise.resolve(null)).then(
      (d) => {
        if (!d) return;
        this.#defaultParams = { ...d.params };
        this.showReasoning = d.showReasoning;
        if (!this.saved && this.conversation.messages.length === 0) {
          this.conversation.params = { ...d.params };
        }
      },
      () => undefined,
    );
  }

  /** Send a prompt and stream the answer. Ignored while another answer runs. */
  async send(text: string): Promise<void> {
    const content = text.trim();
    if (!content || this.busy) return;
    const c = this.conversation;
    if (!c.messages.some((m) => m.role === "user")) c.title = titleFromPrompt(content);
    c.messages.push({ id: this.#newId(), role: "user", content });
    await this.#run();
  }

  /** Answer the last prompt again (replacing the last answer, if any). */
  async regenerate(): Promise<void> {
    if (this.busy) return;
    const { messages } = this.conversation;
    if (messages.at(-1)?.role === "assistant") messages.pop();
    if (messages.at(-1)?.role !== "user") return;
    await this.#run();
  }

  /** Replace a prompt, drop everything after it and answer it anew. */
  async editAndResend(messageId: string, text: string): Promise<void> {
    const content = text.trim();
    if (!content || this.busy) return;
    const { messages } = this.conversation;
    const i = messages.findIndex((m) => m.id === messageId && m.role === "user");
    const message = messages[i];
    if (!message) return;
    message.content = content;
    messages.splice(i + 1);
    await this.#run();
  }

  /** Stop loading or generating; the partial answer is kept, marked "stopped". */
  stop(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    if (this.phase === "loading") this.#deps.engine.cancelLoad();
  }

  /** Use `modelId` for the next answers of this conversation. */
  setModel(modelId: string): void {
    this.conversation.modelId = modelId;
    this.loadError = null;
  }

  setSystemPrompt(text: string): void {
    this.conversation.systemPrompt = text;
  }

  /** Set one sampling setting; `undefined` (an emptied field) means the model's default. */
  setParam<K extends keyof SamplingParams>(key: K, value: SamplingParams[K] | undefined): void {
    const params = { ...this.conversation.params };
    if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
      delete params[key];
    } else {
      params[key] = value;
    }
    this.conversation.params = params;
  }

  /** Open a saved conversation, or (no id) a new empty one. Stops an answer in flight first. */
  async open(id?: string): Promise<void> {
    const ticket = ++this.#ticket;
    if (id !== undefined && id === this.conversation.id) return;
    if (id === undefined && !this.saved && this.conversation.messages.length === 0) return;
    await this.#settle();
    if (ticket !== this.#ticket) return;
    this.openError = null;
    this.loadError = null;
    if (id === undefined) {
      this.#startDraft();
      return;
    }
    try {
      const found = await (await this.#deps.library.store()).get(id);
      if (ticket !== this.#ticket) return;
      if (!found) {
        this.openError = new PolymathError("not-found", "That conversation does not exist.", {
          advice: "It may have been deleted; pick another one from the list or start a new one.",
          details: { id },
        });
        this.#startDraft();
        return;
      }
      this.conversation = found;
      this.saved = true;
    } catch (e) {
      if (ticket === this.#ticket) this.openError = toPolymathError(e);
    }
  }

  async rename(id: string, title: string): Promise<void> {
    const renamed = await this.#deps.library.rename(id, title);
    if (renamed && id === this.conversation.id) {
      this.conversation.title = renamed.title;
      this.conversation.updatedAt = renamed.updatedAt;
    }
  }

  /** Delete a conversation; true when it was the open one (a new empty one replaces it). */
  async remove(id: string): Promise<boolean> {
    const current = id === this.conversation.id;
    if (current) await this.#settle();
    const removed = await this.#deps.library.remove(id);
    if (removed && current) this.#startDraft();
    return removed && current;
  }

  /**
   * Save now what there is, the partial answer marked "stopped" in the stored copy (for checkpoints
   * and `pagehide`; on a closing page the write may not finish, so it is best effort).
   */
  persistNow(): Promise<void> {
    if (!this.saved && this.conversation.messages.length === 0) return Promise.resolve();
    for (const b of this.#batchers) b.drain();
    const live = $state.snapshot(this.conversation) as ChatConversation;
    // A new object: the snapshot is not always a copy (server-side compiles return the value).
    const messages = live.messages.flatMap((m): ChatMessage[] => {
      if (m.id !== this.streamingId) return [m];
      if (!m.content && !m.reasoning) return [];
      return [{ ...m, finishReason: m.finishReason ?? "abort" }];
    });
    const snapshot: ChatConversation = { ...live, messages, updatedAt: this.#now() };
    return this.#write(snapshot);
  }

  /** Drop the save error (the conversation stays in memory). */
  dismissSaveError(): void {
    this.saveError = null;
  }

  #effectiveModel(): string {
    const chosen = this.conversation.modelId;
    const { mode, recording } = this.#deps.engine;
    if (mode === "replay" && recording) {
      return recording.models.some((m) => m.id === chosen)
        ? chosen
        : (recordingModel(recording) ?? "");
    }
    return chosen || (this.#deps.defaultModel?.() ?? "");
  }

  #draft(modelId: string): ChatConversation {
    const c = blank(this.#newId(), this.#now(), modelId);
    c.params = { ...this.#defaultParams };
    return c;
  }

  #startDraft(): void {
    this.conversation = this.#draft(this.conversation.modelId);
    this.saved = false;
  }

  async #settle(): Promise<void> {
    this.stop();
    await this.#running;
  }

  async #run(): Promise<void> {
    const modelId = this.modelId;
    this.loadError = null;
    if (!modelId) {
      this.loadError = new PolymathError("model-not-found", "No model is picked yet.", {
        advice: "Wait for the device check to finish, or pick a model in the list.",
      });
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.phase = "loading";
    const running = this.#answer(this.conversation, modelId, abort.signal);
    this.#running = running;
    await running;
  }

  async #answer(conv: ChatConversation, modelId: string, signal: AbortSignal): Promise<void> {
    let checkpoint: ReturnType<typeof setInterval> | undefined;
    try {
      conv.modelId = modelId;
      await this.#save(conv);
      if (!this.saved && !this.saveError && conv === this.conversation) {
        this.saved = true;
        this.#deps.onCreated?.(conv.id);
      }
      if (signal.aborted) return;
      try {
        await this.#deps.engine.load([modelId]);
      } catch (e) {
        if (!signal.aborted) {
          this.loadError = toPolymathError(e);
          this.loadErrorModel = modelId;
        }
        return;
      }
      if (signal.aborted) return;
      const request = buildChatRequest($state.snapshot(conv) as ChatConversation, modelId);
      const replayOf = this.#deps.replayLabel?.() ?? null;
      conv.messages.push({
        id: this.#newId(),
        role: "assistant",
        content: "",
        reasoning: "",
        modelId,
        ...(replayOf ? { replayOf } : {}),
      });
      // The proxied copy: writes to it update the view.
      const message = conv.messages[conv.messages.length - 1] as ChatMessage;
      this.streamingId = message.id;
      this.phase = "streaming";
      const make = this.#deps.batcher ?? immediate;
      const text = make((t) => (message.content += t));
      const thinking = make((t) => (message.reasoning = (message.reasoning ?? "") + t));
      this.#batchers = [text, thinking];
      const every = this.#deps.checkpointMs ?? 0;
      if (every > 0) checkpoint = setInterval(() => void this.persistNow(), every);
      try {
        const engine = await this.#deps.engine.engine();
        const result = await engine.chat(request, {
          signal,
          onChunk: (chunk) => (chunk.reasoning ? thinking : text).push(chunk.delta),
        });
        text.drain();
        thinking.drain();
        message.content = result.text;
        message.reasoning = result.reasoning;
        message.usage = result.usage;
        message.finishReason = signal.aborted ? "abort" : result.finishReason;
        if (result.error) message.error = result.error;
      } catch (e) {
        text.drain();
        thinking.drain();
        const error = toPolymathError(e);
        message.finishReason = error.code === "aborted" || signal.aborted ? "abort" : "error";
        if (message.finishReason === "error") message.error = error.toJSON();
      }
      this.streamingId = null;
      await this.#save(conv);
    } finally {
      if (checkpoint !== undefined) clearInterval(checkpoint);
      this.#batchers = [];
      this.phase = "idle";
      this.streamingId = null;
      this.#abort = null;
      this.#running = null;
    }
  }

  async #save(conv: ChatConversation): Promise<void> {
    conv.updatedAt = this.#now();
    await this.#write($state.snapshot(conv) as ChatConversation);
  }

  async #write(snapshot: ChatConversation): Promise<void> {
    try {
      await (await this.#deps.library.store()).save(snapshot);
      this.#deps.library.noteSaved(snapshot);
      this.saveError = null;
    } catch (e) {
      this.saveError = toPolymathError(e);
    }
  }
}

function blank(id: string, now: number, modelId: string): ChatConversation {
  return {
    id,
    title: "New chat",
    createdAt: now,
    updatedAt: now,
    modelId,
    systemPrompt: "",
    params: {},
    messages: [],
  };
}
