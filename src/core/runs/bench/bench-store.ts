/**
 * Bench run repository. Keys: `run:<id>` → Versioned<BenchRun> (schema 1: configuration, status,
 * load costs, provenance) and `res:<id>:<model|suite|item>` → Versioned<BenchResult> (schema 1),
 * one key per answered item, so saving an item writes only that item however long the run is.
 * Deleting a run deletes its results first, then the run (a half-deleted run is never listed with
 * missing results: without its `run:` key it is not listed at all).
 */
import type { KeyValueStore } from "../../storage/kv-store";
import { guardWrite } from "../../storage/storage-errors";
import { readDocument, wrapDocument, type DocumentSchema } from "../../storage/versioned";
import { resultKey, type BenchResult, type BenchRun } from "./types";

export const BENCH_SCHEMA_VERSION = 1;

const runSchema: DocumentSchema<BenchRun> = {
  name: "bench run",
  version: BENCH_SCHEMA_VERSION,
  migrations: {},
  validate: (d): d is BenchRun =>
    typeof d === "object" && d !== null && typeof (d as BenchRun).id === "string",
};
const resultSchema: DocumentSchema<BenchResult> = {
  name: "bench result",
  version: BENCH_SCHEMA_VERSION,
  migrations: {},
  validate: (d): d is BenchResult =>
    typeof d === "object" && d !== null && typeof (d as BenchResult).itemId === "string",
};

const runKey = (id: string) => `run:${encodeURIComponent(id)}`;
const resultPrefix = (runId: string) => `res:${encodeURIComponent(runId)}:`;

export interface BenchStore {
  /** Every run, newest first (damaged or newer-schema ones are left out). */
  list(): Promise<BenchRun[]>;
  get(id: string): Promise<BenchRun | undefined>;
  saveRun(run: BenchRun): Promise<void>;
  saveResult(result: BenchResult): Promise<void>;
  /** A run's results, in no particular order. */
  results(runId: string): Promise<BenchResult[]>;
  delete(id: string): Promise<void>;
}

export function createBenchStore(store: KeyValueStore): BenchStore {
  const readAll = async <T>(prefix: string, schema: DocumentSchema<T>): Promise<T[]> => {
    const out: T[] = [];
    for (const [key, value] of await store.entries<unknown>()) {
      if (!key.startsWith(prefix)) continue;
      try {
        out.push(readDocument(schema, value));
      } catch {
        // Unreadable entries stay stored but do not break the rest.
      }
    }
    return out;
  };
  return {
    list: async () => (await readAll("run:", runSchema)).sort((a, b) => b.createdAt - a.createdAt),
    get: async (id) => {
      const raw = await store.get<unknown>(runKey(id));
      return raw === undefined ? undefined : readDocument(runSchema, raw);
    },
    saveRun: (run) =>
      guardWrite("the bench run", () => store.set(runKey(run.id), wrapDocument(runSchema, run))),
    saveResult: (r) =>
      guardWrite("a bench result", () =>
        store.set(
          resultPrefix(r.runId) + resultKey(r.modelId, r.suiteId, r.itemId),
          wrapDocument(resultSchema, r),
        ),
      ),
    results: (runId) => readAll(resultPrefix(runId), resultSchema),
    delete: async (id) => {
      const prefix = resultPrefix(id);
      for (const key of await store.keys()) {
        if (key.startsWith(prefix)) await guardWrite("a bench result", () => store.del(key));
      }
      await guardWrite("the bench run", () => store.del(runKey(id)));
    },
  };
}
