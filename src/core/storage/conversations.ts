/**
 * Conversation repository. Holds chat conversations (messages, model, sampling settings, measured
 * usage per answer) as versioned documents, schema version 2 (see conversation-schema.ts), plus an
 * index of summaries so the sidebar list loads without reading every message.
 */
import { PolymathError } from "../errors";
import { createCollection, type Revised, type SaveOptions } from "./collection";
import {
  conversationSchema,
  summarizeConversation,
  type Conversation,
  type ConversationSummary,
} from "./conversation-schema";
import type { KeyValueStore } from "./kv-store";

export interface ConversationStore {
  /** Summaries, most recently updated first. */
  list(): Promise<ConversationSummary[]>;
  get(id: string): Promise<Conversation | undefined>;
  getRevised(id: string): Promise<Revised<Conversation> | undefined>;
  /**
   * Create or update; stores `conversation` as given (the caller sets updatedAt) and resolves with
   * the new revision; `conflict` when `baseRev` is stale (another tab saved it since).
   */
  save(conversation: Conversation, options?: SaveOptions): Promise<number>;
  /** Change the title and bump updatedAt; throws `not-found` for an unknown id. */
  rename(id: string, title: string): Promise<Conversation>;
  delete(id: string): Promise<void>;
}

/** A conversation store over `store`; `now` is injectable for tests. */
export function createConversationStore(
  store: KeyValueStore,
  now: () => number = Date.now,
): ConversationStore {
  const docs = createCollection({
    store,
    schema: conversationSchema,
    summarize: summarizeConversation,
    order: (s) => s.updatedAt,
  });
  return {
    list: () => docs.list(),
    get: (id) => docs.get(id),
    getRevised: (id) => docs.getRevised(id),
    save: (c, options) => docs.save(c, options),
    rename: async (id, title) => {
      const current = await docs.get(id);
      if (!current) {
        throw new PolymathError("not-found", "That conversation no longer exists.", {
          advice: "It may have been deleted in another tab; pick another one from the list.",
          details: { id },
        });
      }
      const renamed = { ...current, title: title.trim() || current.title, updatedAt: now() };
      await docs.save(renamed);
      return renamed;
    },
    delete: (id) => docs.delete(id),
  };
}
