/**
 * One chat session: the open conversation, the model answering it and the answer in flight. The
 * answer itself streams in `ChatAnswer`; saving is `ChatSaver`'s. The conversation is saved with
 * the user's prompt, after each answer, every few seconds while one streams, and, best effort,
 * when the page is hidden. A failed save keeps everything in memory and says so in `saveError`.
 */
import { TEAM_MODEL_ID } from "../../core/routing/labels";
import { newId } from "../../core/ids";
import { PolymathError, toPolymathError } from "../../core/errors";
import type { LoadProgress, SamplingParams } from "../../core/engine/types";
import type { Recording } from "../../core/engine/replay/recording";
import { matchEntry, recordedPrompts } from "../../core/engine/replay/replay-match";
import { ChatAnswer } from "./chat-answer.svelte";
import { addPrompt, dropLastAnswer, rewritePrompt, withParam } from "../../core/runs/chat/edits";
import { answeringModel, replayedFrom } from "../../core/runs/chat/models";
import { buildChatRequest } from "../../core/runs/chat/request";
import { checkParams, paramsMessage, type NumericParam } from "../../core/runs/check-params";
import { ChatSaver } from "./chat-saver.svelte";
import { blankConversation } from "../../core/runs/chat/conversation";
import type { ChatConversation, ChatDeps } from "./types";

export type * from "./types";

export class ChatState {
  #deps: ChatDeps;
  #now: () => number;
  #newId: () => string;
  #defaultParams: SamplingParams = {};
  #ticket = 0;
  #answer: ChatAnswer;
  #saver: ChatSaver;

  conversation = $state<ChatConversation>(blankConversation("", 0, ""));
  /** True once the conversation is in storage (it then has a route of its own). */
  saved = $state(false);
  openError = $state<PolymathError | null>(null);
  /** What another tab did to the open conversation, once this tab noticed. */
  elsewhere = $state<"updated" | "deleted" | null>(null);
  showReasoning = $state(false);
  /** The model new answers come from: the conversation's, else the default; a recorded one in replay. */
  modelId = $derived.by(() =>
    answeringModel(
      this.conversation.modelId,
      this.#deps.engine,
      this.#deps.defaultModel,
      this.#deps.runsHere,
    ),
  );
  busy = $derived(this.phase !== "idle");
  progress = $derived.by<LoadProgress | null>(
    () => this.#deps.engine.progress[this.modelId] ?? null,
  );
  /** Why the last prompt was not sent: the recording being replayed has no answer to it. */
  noMatch = $state<PolymathError | null>(null);
  /**
   * In replay, the prompts the recording answers for the answering model (suggestions): first
   * prompts until the conversation has an answer, then the recorded follow-ups.
   */
  recordedPrompts = $derived.by<string[]>(() => {
    const { recording } = this.#deps.engine;
    if (!recording) return [];
    // While an answer streams its text changes many times a second, and matching every recorded
    // follow-up against the whole conversation each time grew with its length: the suggestions
    // are worked out again when it ends (none can be sent before).
    if (this.busy) return this.#lastPrompts;
    const prompts = recordedPrompts(recording, this.modelId, this.followUp);
    // Only follow-ups that continue this very conversation: the others would be refused.
    this.#lastPrompts = this.followUp
      ? prompts.filter((p) => this.#answerable(recording, p))
      : prompts;
    return this.#lastPrompts;
  });
  #lastPrompts: string[] = [];
  /** The conversation has an answer: what comes next is a follow-up. */
  followUp = $derived(this.conversation.messages.some((m) => m.role === "assistant"));
  /** Settings fields whose text is not a number (the last good value must not be used). */
  #unreadable = $state<NumericParam[]>([]);
  /** Why the settings cannot be used; a run is refused while there is one. */
  settingsError = $derived(paramsMessage(checkParams(this.conversation.params, this.#unreadable)));
  /** What the model picker offers. */
  modelOptions = $derived.by(() => this.#deps.modelOptions?.() ?? []);
  /** The answering model's answers are played from a recording, not generated here. */
  replayed = $derived.by(() => this.#deps.engine.traitsOf(this.modelId).replayed);
  /**
   * The recording this conversation's answers were replayed from, while no recording is loaded:
   * it cannot go on as it did until that file is loaded again.
   */
  replayedFrom = $derived.by<string | null>(() =>
    this.#deps.engine.recording ? null : replayedFrom(this.conversation.messages),
  );
  /** Resolves when the stored defaults have been applied. */
  readonly ready: Promise<void>;

  constructor(deps: ChatDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#newId = deps.newId ?? newId;
    this.#answer = new ChatAnswer(deps, this.#newId);
    this.#saver = new ChatSaver(deps.library, this.#now);
    deps.library.onChangedElsewhere((id, rev) => void this.#changedElsewhere(id, rev));
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

  get phase() {
    return this.#answer.phase;
  }
  /** The assistant message being streamed. */
  get streamingId() {
    return this.#answer.streamingId;
  }
  get loadError() {
    return this.#answer.loadError;
  }
  /** The answer's model when `loadError` happened. */
  get loadErrorModel() {
    return this.#answer.loadErrorModel;
  }
  get saveError() {
    return this.#saver.error;
  }

  /**
   * Send a prompt and stream the answer. False when it was not sent: another answer runs, the
   * settings are invalid, the recording has no answer to it, or the user declined the download.
   */
  async send(text: string): Promise<boolean> {
    const content = text.trim();
    if (!content || this.busy || this.settingsError) return false;
    if (this.#refusedByReplay([...this.conversation.messages], content)) return false;
    if (!(await this.#mayLoad())) return false;
    addPrompt(this.conversation, this.#newId(), content);
    await this.#run();
    return true;
  }

  /**
   * Answer the last prompt again (replacing the last answer, if any). With the routed team,
   * `member` (one of `teamMembers`) answers this once instead of the router's choice; the next
   * prompts are routed again.
   */
  async regenerate(member?: string): Promise<void> {
    if (member !== undefined && !this.teamMembers.some((m) => m.id === member)) return;
    if (this.busy || this.settingsError || !(await this.#mayLoad())) return;
    if (dropLastAnswer(this.conversation.messages)) await this.#run(member);
  }

  /** The members an answer of the routed team can be sent to instead (none for one model). */
  get teamMembers(): { id: string; name: string }[] {
    return this.modelId === TEAM_MODEL_ID ? (this.#deps.teamMembers?.() ?? []) : [];
  }

  /** Replace a prompt, drop everything after it and answer it anew. */
  async editAndResend(messageId: string, text: string): Promise<void> {
    const content = text.trim();
    if (!content || this.busy || this.settingsError) return;
    const at = this.conversation.messages.findIndex((m) => m.id === messageId);
    if (at >= 0 && this.#refusedByReplay(this.conversation.messages.slice(0, at), content)) return;
    if (!(await this.#mayLoad())) return;
    if (rewritePrompt(this.conversation.messages, messageId, content)) await this.#run();
  }

  /** The user saw and accepted what answering would download (or nothing would be). */
  async #mayLoad(): Promise<boolean> {
    const ask = this.#deps.confirmDownload;
    return !ask || !this.modelId || ((await ask(this.modelId)) && !this.busy);
  }

  /** Stop loading or generating; the partial answer is kept, marked "stopped". */
  stop(): void {
    this.#answer.stop();
  }

  /** Use `modelId` for the next answers of this conversation. */
  setModel(modelId: string): void {
    this.conversation.modelId = modelId;
    this.#answer.loadError = null;
    this.noMatch = null;
  }

  setSystemPrompt(text: string): void {
    this.conversation.systemPrompt = text;
  }

  /**
   * Set one sampling setting; `undefined` (an emptied field) means the model's default, NaN (text
   * that is not a number) blocks runs until the field is fixed.
   */
  setParam<K extends keyof SamplingParams>(key: K, value: SamplingParams[K] | undefined): void {
    const numeric = (["temperature", "top_p", "max_tokens", "seed"] as const).find(
      (k) => k === key,
    );
    if (numeric) {
      const unreadable = typeof value === "number" && Number.isNaN(value);
      this.#unreadable = [
        ...this.#unreadable.filter((k) => k !== numeric),
        ...(unreadable ? [numeric] : []),
      ];
      if (unreadable) return;
    }
    this.conversation.params = withParam(this.conversation.params, key, value);
  }

  /** Open a saved conversation, or (no id) a new empty one. Stops an answer in flight first. */
  async open(id?: string): Promise<void> {
    const ticket = ++this.#ticket;
    if (id !== undefined && id === this.conversation.id) return;
    if (id === undefined && !this.saved && this.conversation.messages.length === 0) return;
    await this.#settle();
    if (ticket !== this.#ticket) return;
    this.openError = null;
    this.#answer.loadError = null;
    this.noMatch = null;
    if (id === undefined) {
      this.#startDraft();
      return;
    }
    try {
      const revised = await (await this.#deps.library.store()).getRevised(id);
      if (ticket !== this.#ticket) return;
      const found = revised?.doc;
      if (!revised || !found) {
        this.openError = new PolymathError("not-found", "That conversation does not exist.", {
          advice: "It may have been deleted; pick another one from the list or start a new one.",
          details: { id },
        });
        this.#startDraft();
        return;
      }
      this.#saver.track(id, revised.rev);
      this.#unreadable = [];
      this.conversation = found;
      this.saved = true;
    } catch (e) {
      if (ticket === this.#ticket) this.openError = toPolymathError(e);
    }
  }

  async rename(id: string, title: string): Promise<void> {
    const result = await this.#deps.library.rename(id, title);
    if (result && id === this.conversation.id) {
      const renamed = result.conversation;
      this.#saver.track(id, result.rev);
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
    this.#answer.drain();
    return this.#saver.checkpoint(this.conversation, this.streamingId);
  }

  /** After a conflict: show the version another tab saved (this tab's changes are dropped). */
  async loadSaved(): Promise<void> {
    if (this.busy || !this.saved) return;
    const id = this.conversation.id;
    const revised = await (await this.#deps.library.store()).getRevised(id);
    if (!revised) return;
    this.#saver.track(id, revised.rev);
    this.conversation = revised.doc;
    this.#saver.error = null;
    this.elsewhere = null;
  }

  /** After a conflict: save this tab's version over the other tab's. */
  async keepMine(): Promise<void> {
    if (this.busy) return;
    this.elsewhere = null;
    await this.#saver.saveOver(this.conversation);
  }

  /** True while the last save was refused because another tab saved first. */
  get conflict(): boolean {
    return this.#saver.error?.code === "conflict";
  }

  /** Drop the save error (the conversation stays in memory). */
  dismissSaveError(): void {
    this.#saver.error = null;
  }

  /** The recording has an answer to `prompt` asked next in this conversation. */
  #answerable(recording: Recording, prompt: string): boolean {
    const messages = [
      ...this.conversation.messages,
      { id: "", role: "user" as const, content: prompt },
    ];
    try {
      matchEntry(recording, buildChatRequest({ ...this.conversation, messages }, this.modelId));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * In replay, check that the recording answers `prompt` after `before` (sets `noMatch` when not),
   * so an unanswerable prompt is neither added nor saved and the next one is asked cleanly.
   */
  #refusedByReplay(before: ChatConversation["messages"], prompt: string): boolean {
    this.noMatch = null;
    const { recording } = this.#deps.engine;
    if (!recording || !this.modelId) return false;
    const messages = [...before, { id: "", role: "user" as const, content: prompt }];
    const request = buildChatRequest({ ...this.conversation, messages }, this.modelId);
    try {
      matchEntry(recording, request);
      return false;
    } catch (e) {
      const error = toPolymathError(e);
      if (error.code !== "replay-no-match") return false; // the engine reports the rest itself
      this.noMatch = error;
      return true;
    }
  }

  /**
   * Another tab saved or deleted conversation `id`. When it is open here and idle, show the newer
   * version at once; while an answer streams, its save will find the conflict and ask.
   */
  async #changedElsewhere(id: string, rev: number): Promise<void> {
    if (!this.saved || id !== this.conversation.id) return;
    if (rev === 0) {
      this.elsewhere = "deleted";
      return;
    }
    if (rev <= this.#saver.rev(id) || this.busy) return;
    const revised = await (await this.#deps.library.store()).getRevised(id);
    if (!revised || revised.rev <= this.#saver.rev(id) || this.busy) return;
    if (id !== this.conversation.id) return;
    this.#saver.track(id, revised.rev);
    this.conversation = revised.doc;
    this.elsewhere = "updated";
  }

  #draft(modelId: string): ChatConversation {
    const c = blankConversation(this.#newId(), this.#now(), modelId);
    c.params = { ...this.#defaultParams };
    return c;
  }

  #startDraft(): void {
    this.#unreadable = [];
    this.conversation = this.#draft(this.conversation.modelId);
    this.saved = false;
  }

  async #settle(): Promise<void> {
    await this.#answer.settle();
  }

  async #run(member?: string): Promise<void> {
    const conv = this.conversation;
    await this.#answer.run(conv, this.modelId, member, {
      savePrompt: async () => {
        await this.#saver.save(conv);
        if (!this.saved && !this.saveError && conv === this.conversation) {
          this.saved = true;
          this.#deps.onCreated?.(conv.id);
        }
      },
      saveAnswer: () => this.#saver.save(conv),
      checkpoint: () => void this.persistNow(),
    });
  }
}
