/**
 * The answer in flight: load the model, stream the answer into the conversation and stop on
 * request. Streamed text reaches `$state` through a batcher (one update per animation frame in the
 * app); each flush is checkpointed (write-ahead), and every `checkpointMs` as well.
 */
import { PolymathError, toPolymathError } from "../../core/errors";
import type { ChatRequest } from "../../core/engine/types";
import { buildChatRequest } from "../../core/runs/chat/request";
import type { RoutingEngine } from "../../core/routing/routing-engine";
import type { ChatConversation, ChatDeps, ChatMessage, ChatPhase, TextBatcher } from "./types";

/** What the chat does around an answer (saving belongs to it, not to the answer). */
export interface AnswerHooks {
  /** Save the conversation with its prompt, before the model loads. */
  savePrompt(): Promise<void>;
  /** Save the conversation with the finished (or stopped) answer. */
  saveAnswer(): Promise<void>;
  /** Save what has streamed so far. */
  checkpoint(): void;
}

const immediate = (flush: (text: string) => void): TextBatcher => ({
  push: flush,
  drain: () => {},
});

export class ChatAnswer {
  #deps: ChatDeps;
  #newId: () => string;
  #abort: AbortController | null = null;
  #running: Promise<void> | null = null;
  #batchers: TextBatcher[] = [];

  phase = $state<ChatPhase>("idle");
  /** The assistant message being streamed. */
  streamingId = $state<string | null>(null);
  loadError = $state<PolymathError | null>(null);
  /** The answer's model when `loadError` happened. */
  loadErrorModel = $state<string | null>(null);

  constructor(deps: ChatDeps, newId: () => string) {
    this.#deps = deps;
    this.#newId = newId;
  }

  /**
   * Answer the conversation's last prompt with `modelId` (or, for this answer only, with
   * `member`, the user's pick among the routed team's members); resolves when it is saved.
   */
  async run(
    conv: ChatConversation,
    modelId: string,
    member: string | undefined,
    hooks: AnswerHooks,
  ): Promise<void> {
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
    const running = this.#answer(conv, modelId, member, abort.signal, hooks);
    this.#running = running;
    await running;
  }

  /** Stop loading or generating; the partial answer is kept, marked "stopped". */
  stop(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    if (this.phase === "loading") this.#deps.engine.cancelLoad();
  }

  /** Stop, and wait until the answer in flight (if any) has ended. */
  async settle(): Promise<void> {
    this.stop();
    await this.#running;
  }

  /** Hand over the streamed text the batchers still hold. */
  drain(): void {
    for (const b of this.#batchers) b.drain();
  }

  async #answer(
    conv: ChatConversation,
    modelId: string,
    member: string | undefined,
    signal: AbortSignal,
    hooks: AnswerHooks,
  ): Promise<void> {
    let checkpoint: ReturnType<typeof setInterval> | undefined;
    // The conversation stays with its model; only this answer may come from a chosen member.
    const answerer = member ?? modelId;
    try {
      conv.modelId = modelId;
      await hooks.savePrompt();
      if (signal.aborted) return;
      try {
        await this.#deps.engine.load([answerer]);
      } catch (e) {
        if (!signal.aborted) {
          this.loadError = toPolymathError(e);
          this.loadErrorModel = answerer;
        }
        return;
      }
      if (signal.aborted) return;
      const request = buildChatRequest($state.snapshot(conv) as ChatConversation, answerer);
      const replayed = this.#deps.engine.traitsOf(answerer).replayed;
      const replayOf = replayed ? (this.#deps.replayLabel?.() ?? null) : null;
      conv.messages.push({
        id: this.#newId(),
        role: "assistant",
        content: "",
        reasoning: "",
        modelId: answerer,
        ...(replayOf ? { replayOf } : {}),
        ...(answerer !== modelId ? { chosenMember: true } : {}),
      });
      // The proxied copy: writes to it update the view.
      const message = conv.messages[conv.messages.length - 1] as ChatMessage;
      this.streamingId = message.id;
      this.phase = "streaming";
      const every = this.#deps.checkpointMs ?? 0;
      if (every > 0) checkpoint = setInterval(() => hooks.checkpoint(), every);
      await this.#stream(request, message, signal, hooks);
      this.streamingId = null;
      await hooks.saveAnswer();
    } finally {
      if (checkpoint !== undefined) clearInterval(checkpoint);
      this.#batchers = [];
      this.phase = "idle";
      this.streamingId = null;
      this.#abort = null;
      this.#running = null;
    }
  }

  /** Stream the answer into `message`; ends with the engine's final text, or the error. */
  async #stream(
    request: ChatRequest,
    message: ChatMessage,
    signal: AbortSignal,
    hooks: AnswerHooks,
  ): Promise<void> {
    const make = this.#deps.batcher ?? immediate;
    // Write-ahead: every flush of streamed text asks for a checkpoint (the save queue coalesces
    // them), so a reload or a closed tab keeps what had arrived.
    const text = make((t) => {
      message.content += t;
      hooks.checkpoint();
    });
    const thinking = make((t) => {
      message.reasoning = (message.reasoning ?? "") + t;
      hooks.checkpoint();
    });
    this.#batchers = [text, thinking];
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
      // The routed team's engine (or the prompt-specialized generalist's) says who answered and
      // why (its code loads only when used).
      const r = "routeOf" in engine ? (engine as RoutingEngine).routeOf(request.modelId) : null;
      if (r) {
        message.route = {
          member: r.member,
          label: r.label,
          confidence: r.confidence,
          reason: r.reason,
          routingMs: r.routingMs,
          ...(r.followUp ? { followUp: true } : {}),
          ...(r.prompt !== undefined ? { prompt: r.prompt } : {}),
          switched: r.switched,
        };
      }
    } catch (e) {
      text.drain();
      thinking.drain();
      const error = toPolymathError(e);
      message.finishReason = error.code === "aborted" || signal.aborted ? "abort" : "error";
      if (message.finishReason === "error") message.error = error.toJSON();
    }
  }
}
