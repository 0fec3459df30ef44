/**
 * Open a repository's store: IndexedDB when the browser allows it, otherwise an in-memory store and
 * a `storage-unavailable` error the UI shows as a notice ("nothing will be kept after reload").
 */
import { PolymathError } from "../errors";
import { createIdbStore } from "./idb-store";
import type { KeyValueStore } from "./kv-store";
import { createMemoryStore } from "./memory-store";

/** IndexedDB database names, one per repository. */
export const DB_NAMES = {
  conversations: "polymath-conversations",
  comparisons: "polymath-comparisons",
  settings: "polymath-settings",
  votes: "polymath-votes",
  customModels: "polymath-custom-models",
  suites: "polymath-suites",
  benchRuns: "polymath-bench-runs",
  remoteEndpoints: "polymath-remote-endpoints",
} as const;

export interface OpenedStore {
  store: KeyValueStore;
  /** False when data will be lost on reload. */
  persistent: boolean;
  /** Why storage is not persistent, for the UI. */
  error?: PolymathError;
}

/** Open `dbName`, probing it with a read; fall back to memory if IndexedDB is missing or blocked. */
export async function openStore(
  dbName: string,
  create: (name: string) => KeyValueStore = createIdbStore,
): Promise<OpenedStore> {
  try {
    const store = create(dbName);
    await store.get("__probe__");
    return { store, persistent: true };
  } catch (e) {
    const error = new PolymathError(
      "storage-unavailable",
      "This browser window does not allow saving data; nothing will be kept after you close it.",
      { cause: e, details: { database: dbName } },
    );
    return { store: createMemoryStore(), persistent: false, error };
  }
}
