/**
 * Saving a chat's conversation to the library, in order through the app's one save queue, each
 * save made from the revision this tab last saw: when another tab saved the conversation since,
 * the save is refused (`conflict`) and nothing is overwritten. A failed save keeps everything in
 * memory and says so in `error`; the next save that works clears it.
 */
import { type PolymathError, toPolymathError } from "../../core/errors";
import { SaveQueue } from "../../core/runs/save-queue";
import type { ConversationLibrary } from "./chat-library.svelte";
import type { ChatConversation, ChatMessage } from "./types";

export class ChatSaver {
  #library: ConversationLibrary;
  #now: () => number;
  /** The stored revision this tab last read or wrote, by conversation id. */
  // Bookkeeping for saves, not state: nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #revs = new Map<string, number>();

  /** Why the last save failed; null once one works. */
  error = $state<PolymathError | null>(null);

  readonly #queue = new SaveQueue<{ snapshot: ChatConversation; force: boolean }>((w) =>
    this.#write(w.snapshot, w.force),
  );

  constructor(library: ConversationLibrary, now: () => number) {
    this.#library = library;
    this.#now = now;
  }

  /** The stored revision of `id` as this tab knows it (0: never saved). */
  rev(id: string): number {
    return this.#revs.get(id) ?? 0;
  }

  /** Remember the revision a conversation was read at. */
  track(id: string, rev: number): void {
    this.#revs.set(id, rev);
  }

  /** Stamp the live conversation with the time and save a snapshot of it, after earlier saves. */
  save(conv: ChatConversation): Promise<void> {
    conv.updatedAt = this.#now();
    return this.#queue.save({ snapshot: $state.snapshot(conv) as ChatConversation, force: false });
  }

  /** Save this tab's version over whatever another tab saved (the user chose to keep it). */
  saveOver(conv: ChatConversation): Promise<void> {
    conv.updatedAt = this.#now();
    return this.#queue.save({ snapshot: $state.snapshot(conv) as ChatConversation, force: true });
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
      return { snapshot: { ...live, messages, updatedAt: this.#now() }, force: false };
    });
  }

  /** Resolves once every save asked for so far has finished. */
  settled(): Promise<void> {
    return this.#queue.settled();
  }

  async #write(snapshot: ChatConversation, force: boolean): Promise<void> {
    try {
      const store = await this.#library.store();
      const rev = await store.save(snapshot, force ? {} : { baseRev: this.rev(snapshot.id) });
      this.#revs.set(snapshot.id, rev);
      this.#library.noteSaved(snapshot, rev);
      this.error = null;
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }
}
