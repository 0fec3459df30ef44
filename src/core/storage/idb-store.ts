/**
 * KeyValueStore over IndexedDB through idb-keyval: one database with one object store per
 * repository (idb-keyval creates the object store only when the database is first created, so
 * repositories never share a database). What each database holds and its schema version are
 * documented by the repository that uses it (conversations.ts, settings.ts, votes.ts…).
 */
import {
  clear,
  createStore,
  del,
  entries,
  get,
  keys,
  promisifyRequest,
  set,
  setMany,
} from "idb-keyval";
import type { KeyValueStore } from "./kv-store";
import { toStorageError } from "./storage-errors";

/** A store backed by IndexedDB database `dbName`, object store `storeName`. */
export function createIdbStore(dbName: string, storeName = "keyval"): KeyValueStore {
  const store = createStore(dbName, storeName);
  const write = async (what: string, op: () => Promise<void>): Promise<void> => {
    try {
      await op();
    } catch (e) {
      throw toStorageError(e, what);
    }
  };
  return {
    kind: "indexeddb",
    get: <T>(key: string) => get<T>(key, store),
    set: (key, value) => write("your data", () => set(key, value, store)),
    setMany: (items) => write("your data", () => setMany(items, store)),
    writeIf: async (key, decide) => {
      let written = false;
      await write("your data", () =>
        store("readwrite", (os) => {
          // Every request is made from a request callback: the transaction stays open throughout.
          const read = os.get(key);
          read.onsuccess = () => {
            const items = decide(read.result);
            if (!items) return;
            written = true;
            for (const [k, value] of items) os.put(value, k);
          };
          return promisifyRequest(os.transaction);
        }),
      );
      return written;
    },
    del: (key) => write("your data", () => del(key, store)),
    keys: async () => (await keys(store)).map(String),
    entries: async <T>() =>
      (await entries<IDBValidKey, T>(store)).map(([k, v]) => [String(k), v] as [string, T]),
    clear: () => write("your data", () => clear(store)),
  };
}
