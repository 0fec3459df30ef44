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

  constructor(open: () => Promise<OpenedStore>) {
    this.#open = open;
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

  /** Reflect a conversation just saved without reading the list again. */
  noteSaved(conversation: Conversation): void {
    const summary = summarizeConversation(conversation);
    this.summaries = [summary, ...this.summaries.filter((s) => s.id !== summary.id)].sort(
      (a, b) => b.updatedAt - a.updatedAt,
    );
  }

  /** Rename; returns the stored conversation, or null after an error (kept in `error`). */
  async rename(id: string, title: string): Promise<Conversation | null> {
    try {
      const renamed = await (await this.store()).rename(id, title);
      this.noteSaved(renamed);
      this.error = null;
      return renamed;
    } catch (e) {
      this.error = toPolymathError(e);
      return null;
    }
  }

  /** Delete; false after an error (kept in `error`). */
  async remove(id: string): Promise<boolean> {
    try {
      await (await this.store()).delete(id);
      this.summaries = this.summaries.filter((s) => s.id !== id);
      this.error = null;
      return true;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    }
  }
}
