/**
 * Comparison history repository. Holds past side-by-side comparisons (prompts, every model's answer
 * with usage, blind-vote state) as versioned documents, schema version 1, with an index of
 * summaries for the history list (see storage/collection.ts for the key layout).
 */
import type { ChatResult, SamplingParams } from "../engine/types";
import type { VoteOutcome } from "../report/vote-types";
import { createCollection } from "../storage/collection";
import type { KeyValueStore } from "../storage/kv-store";
import type { DocumentSchema } from "../storage/versioned";

export const COMPARISON_SCHEMA_VERSION = 1;

/** One model's answer: the engine's result as it came back (text, reasoning, usage, finish, error). */
export type StoredAnswer = ChatResult;

export interface ComparisonTurn {
  prompt: string;
  /** By model id; a model that was skipped or cancelled before answering has no entry. */
  answers: Record<string, StoredAnswer>;
}

export interface BlindState {
  /** Whether model names are shown yet. */
  revealed: boolean;
  /** The user's verdict between the first two models, once cast. */
  vote?: { a: string; b: string; outcome: VoteOutcome };
}

export interface StoredComparison {
  id: string;
  /** ms since the epoch. */
  createdAt: number;
  title: string;
  systemPrompt: string;
  params: SamplingParams;
  models: string[];
  turns: ComparisonTurn[];
  blind?: BlindState;
}

export interface ComparisonSummary {
  id: string;
  createdAt: number;
  title: string;
  models: string[];
  turnCount: number;
}

function isComparison(d: unknown): d is StoredComparison {
  const c = d as StoredComparison;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.id === "string" &&
    Array.isArray(c.models) &&
    Array.isArray(c.turns)
  );
}

const schema: DocumentSchema<StoredComparison> = {
  name: "comparison",
  version: COMPARISON_SCHEMA_VERSION,
  migrations: {},
  validate: isComparison,
};

export interface ComparisonStore {
  /** Summaries, newest first. */
  list(): Promise<ComparisonSummary[]>;
  get(id: string): Promise<StoredComparison | undefined>;
  /** Create or replace; `storage-full` leaves the previous version. */
  save(comparison: StoredComparison): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A comparison history store over `store`. */
export function createComparisonStore(store: KeyValueStore): ComparisonStore {
  return createCollection({
    store,
    schema,
    summarize: (c) => ({
      id: c.id,
      createdAt: c.createdAt,
      title: c.title,
      models: [...c.models],
      turnCount: c.turns.length,
    }),
    order: (s) => s.createdAt,
  });
}
