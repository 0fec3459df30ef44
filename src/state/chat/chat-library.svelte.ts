/**
 * The list of saved conversations (the Chat sidebar) over the conversation repository. Opens the
 * store on first use; says when the browser keeps nothing (`persistent: false`).
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import { createConversationStore, type ConversationStore } from "../../core/storage/conversations";
import {
  summarizeConversation,
  type Conversation,
  type ConversationSummary,
} from "../../core/storage/conversation-schema";
import type { OpenedStore } from "../../core/storage/open-store";
import type { DocEvents } from "../../platform/doc-events";

export class ConversationLibrary {
  /** Most recently updated first. */
  summaries = $state<ConversationSummary[]>([]);
  /** False when conversations will not survive a reload (storage blocked). */
  persistent = $state(true);
  /** Why storage is not persistent. */
  notice = $state<PolymathError | null>(null);
  /** The last failed list, rename or delete. */
  error = $state<PolymathError | null>(null);
  loaded = $state(false);

  #open: () => Promise<OpenedStore>;
  #store: Promise<ConversationStore> | null = null;
  #events: DocEvents | undefined;
  // Callbacks, not state: nothing renders from this set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #listeners = new Set<(id: string, rev: number) => void>();

  /** `events` tells other tabs of saves and deletes, and hears theirs. */
  constructor(open: () => Promise<OpenedStore>, events?: DocEvents) {
    this.#open = open;
    this.#events = events;
    events?.subscribe((e) => {
      if (e.kind !== "conversation") return;
      void this.refresh();
      for (const listener of this.#listeners) listener(e.id, e.rev);
    });
  }

  /** Hear that another tab saved (rev > 0) or deleted (rev 0) a conversation. */
  onChangedElsewhere(listener: (id: string, rev: number) => void): void {
    this.#listeners.add(listener);
  }

  /** The repository, opened once. */
  store(): Promise<ConversationStore> {
    this.#store ??= this.#open().then((opened) => {
      this.persistent = opened.persistent;
      this.notice = opened.error ?? null;
      return createConversationStore(opened.store);
    });
    return this.#store;
  }

  async refresh(): Promise<void> {
    try {
      this.summaries = await (await this.store()).list();
      this.error = null;
    } catch (e) {
      this.error = toPolymathError(e);
    } finally {
      this.loaded = true;
    }
  }

  /** Reflect a conversation just saved (at `rev`) without reading the list again. */
  noteSaved(conversation: Conversation, rev?: number): void {
    if (rev !== undefined)
      this.#events?.publish({ kind: "conversation", id: conversation.id, rev });
    const summary = summarizeConversation(conversation);
    this.summaries = [summary, ...this.summaries.filter((s) => s.id !== summary.id)].sort(
      (a, b) => b.updatedAt - a.updatedAt,
    );
  }

  /** Rename; returns the stored conversation and its revision, or null after an error (in `error`). */
  async rename(
    id: string,
    title: string,
  ): Promise<{ conversation: Conversation; rev: number } | null> {
    try {
      const store = await this.store();
      const renamed = await store.rename(id, title);
      const rev = (await store.getRevised(id))?.rev ?? 0;
      this.noteSaved(renamed, rev);
      this.error = null;
      return { conversation: renamed, rev };
    } catch (e) {
      this.error = toPolymathError(e);
      return null;
    }
  }

  /** Delete; false after an error (kept in `error`). */
  async remove(id: string): Promise<boolean> {
    try {
      await (await this.store()).delete(id);
      this.#events?.publish({ kind: "conversation", id, rev: 0 });
      this.summaries = this.summaries.filter((s) => s.id !== id);
      this.error = null;
      return true;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    }
  }
}
