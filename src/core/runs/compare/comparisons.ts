/**
 * Comparison history repository. Holds past side-by-side comparisons (prompts, every model's answer
 * with usage and its streamed chunks with their times, blind-vote state, where the answers came
 * from) as versioned documents, schema version 1, with an index of summaries for the history list
 * (see storage/collection.ts for the key layout).
 */
import type { Domain } from "../../domains";
import type { RecordedChunk, RecordingDevice } from "../../engine/replay/recording";
import type { RuntimeId } from "../../engine/runtime";
import type { ChatResult, EngineKind, SamplingParams } from "../../engine/types";
import type { VoteOutcome } from "../../report/vote-types";
import { createCollection, type Revised, type SaveOptions } from "../../storage/collection";
import type { MessageRoute } from "../../storage/conversation-schema";
import type { KeyValueStore } from "../../storage/kv-store";
import type { DocumentSchema } from "../../storage/versioned";

export const COMPARISON_SCHEMA_VERSION = 1;

/** One model's answer: the engine's result as it came back (text, reasoning, usage, finish, error). */
export interface StoredAnswer extends ChatResult {
  /** The streamed pieces with ms since the request started, so the answer can be exported as a recording. */
  chunks?: RecordedChunk[];
}

export interface ComparisonTurn {
  prompt: string;
  /** Task domain of the prompt ("code", "math"…), as chosen or guessed when it was sent. */
  domain?: Domain;
  /** By model id; a model that was skipped or cancelled before answering has no entry. */
  answers: Record<string, StoredAnswer>;
  /** Why a model has no answer on this turn (skipped, failed to load, stopped), by model id. */
  notes?: Record<string, string>;
  /** For the routed team's column: which member answered this turn's prompt and why, by column. */
  routes?: Record<string, MessageRoute>;
}

export interface BlindState {
  /** Whether model names are shown yet. */
  revealed: boolean;
  /** The user's verdict between the first two models, once cast. */
  vote?: { a: string; b: string; outcome: VoteOutcome };
}

/** Where the answers came from, so an exported recording tells the truth about them. */
export interface ComparisonSource {
  /** "mixed": some columns replayed (`replayedModels`), the others live. */
  engine: EngineKind;
  /** The columns whose answers were replayed, in a mixed comparison. */
  replayedModels?: string[];
  /** The runtime that served each live column ("webllm" on WebGPU, "wllama" on the CPU). */
  runtimes?: Record<string, RuntimeId>;
  webllmVersion?: string;
  /** True when the answers were replayed from a synthetic test fixture, not produced by a model. */
  fixture?: boolean;
  /** The replayed recording's note, when there was one. */
  note?: string;
  device?: RecordingDevice;
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
  source?: ComparisonSource;
}

export interface ComparisonSummary {
  id: string;
  createdAt: number;
  title: string;
  models: string[];
  turnCount: number;
  /** A blind comparison not yet voted on: lists must not name its models. */
  hidden?: boolean;
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
  getRevised(id: string): Promise<Revised<StoredComparison> | undefined>;
  /**
   * Create or replace; resolves with the new revision. `storage-full` leaves the previous
   * version; `conflict` when `baseRev` is stale (another tab saved it since).
   */
  save(comparison: StoredComparison, options?: SaveOptions): Promise<number>;
  delete(id: string): Promise<void>;
}

/** A short history title from the first prompt: its first line, at most `max` characters. */
export function titleFromPrompt(prompt: string, max = 60): string {
  const line = prompt.trim().split("\n")[0]?.trim() ?? "";
  if (line === "") return "Untitled comparison";
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
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
      ...(c.blind && !c.blind.revealed ? { hidden: true } : {}),
    }),
    order: (s) => s.createdAt,
  });
}
