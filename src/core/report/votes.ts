/**
 * Vote repository. Holds the pairwise votes cast in blind comparisons as one versioned document
 * under key `votes`: `{ schema: 1, data: Vote[] }` (Vote in vote-types.ts). One document keeps each
 * write atomic: a failed add leaves the earlier votes as they were.
 */
import type { KeyValueStore } from "../storage/kv-store";
import { guardWrite } from "../storage/storage-errors";
import { readDocument, wrapDocument, type DocumentSchema } from "../storage/versioned";
import { toCsv } from "./csv";
import { answersOf, type Vote } from "./vote-types";

export const VOTES_SCHEMA_VERSION = 1;
export const VOTES_JSON_FORMAT = "polymath-votes";

const KEY = "votes";
const schema: DocumentSchema<Vote[]> = {
  name: "vote list",
  version: VOTES_SCHEMA_VERSION,
  migrations: {},
  validate: (d): d is Vote[] => Array.isArray(d),
};

export interface VoteStore {
  /** All votes, oldest first. */
  list(): Promise<Vote[]>;
  add(vote: Vote): Promise<void>;
  /** Delete every vote. */
  reset(): Promise<void>;
}

/** A vote store over `store`. */
export function createVoteStore(store: KeyValueStore): VoteStore {
  const list = async (): Promise<Vote[]> => {
    const raw = await store.get<unknown>(KEY);
    return raw === undefined ? [] : readDocument(schema, raw);
  };
  // Adds are read-modify-write; chaining them keeps two quick votes from overwriting each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    list,
    add: (vote) => {
      const next = queue.then(async () => {
        const all = [...(await list()), vote].sort((x, y) => x.at - y.at);
        await guardWrite("your vote", () => store.set(KEY, wrapDocument(schema, all)));
      });
      queue = next.catch(() => undefined);
      return next;
    },
    reset: () => guardWrite("votes", () => store.del(KEY)),
  };
}

/** Votes as versioned JSON for download. */
export function votesToJson(votes: readonly Vote[], exportedAt = new Date()): string {
  return JSON.stringify(
    {
      format: VOTES_JSON_FORMAT,
      schema: VOTES_SCHEMA_VERSION,
      exportedAt: exportedAt.toISOString(),
      data: votes,
    },
    null,
    2,
  );
}

/** Votes as CSV: at (ISO time), a, b, outcome, domain, answers (live, replayed or fixture). */
export function votesToCsv(votes: readonly Vote[]): string {
  return toCsv(
    ["at", "a", "b", "outcome", "domain", "answers"],
    votes.map((v) => [new Date(v.at).toISOString(), v.a, v.b, v.outcome, v.domain, answersOf(v)]),
  );
}
