/**
 * Saving a chat's conversation to the library, in order through the app's one save queue. A
 * failed save keeps everything in memory and says so in `error`; the next save that works clears it.
 */
import { type PolymathError, toPolymathError } from "../../core/errors";
import { SaveQueue } from "../../core/runs/save-queue";
import type { ConversationLibrary } from "./chat-library.svelte";
import type { ChatConversation, ChatMessage } from "./types";

export class ChatSaver {
  #library: ConversationLibrary;
  #now: () => number;

  /** Why the last save failed; null once one works. */
  error = $state<PolymathError | null>(null);

  readonly #queue = new SaveQueue<ChatConversation>((snapshot) => this.#write(snapshot));

  constructor(library: ConversationLibrary, now: () => number) {
    this.#library = library;
    this.#now = now;
  }

  /** Stamp the live conversation with the time and save a snapshot of it, after earlier saves. */
  save(conv: ChatConversation): Promise<void> {
    conv.updatedAt = this.#now();
    return this.#queue.save($state.snapshot(conv) as ChatConversation);
  }

  /**
   * Save what there is while `streamingId` streams, that answer marked "stopped" in the stored copy
   * only (dropped while still empty); the live conversation is left as it is.
   */
  checkpoint(conv: ChatConversation, streamingId: string | null): Promise<void> {
    return this.#queue.checkpoint(() => {
      const live = $state.snapshot(conv) as ChatConversation;
      // A new object: the snapshot is not always a copy (server-side compiles return the value).
      const messages = live.messages.flatMap((m): ChatMessage[] => {
        if (m.id !== streamingId) return [m];
        if (!m.content && !m.reasoning) return [];
        return [{ ...m, finishReason: m.finishReason ?? "abort" }];
      });
      return { ...live, messages, updatedAt: this.#now() };
    });
  }

  async #write(snapshot: ChatConversation): Promise<void> {
    try {
      await (await this.#library.store()).save(snapshot);
      this.#library.noteSaved(snapshot);
      this.error = null;
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }
}
