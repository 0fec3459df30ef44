/**
 * In-memory KeyValueStore over a Map. Holds whatever the repository using it holds (each repository
 * documents its own schema version); nothing survives a reload. Used by tests and as the fallback
 * when IndexedDB is unavailable (some private windows), which the UI must tell the user.
 */
import type { KeyValueStore } from "./kv-store";

/** A fresh empty in-memory store. Values are deep-copied like IndexedDB's structured clone. */
export function createMemoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    kind: "memory",
    get: async <T>(key: string) => copy(map.get(key)) as T | undefined,
    set: async (key, value) => {
      map.set(key, copy(value));
    },
    setMany: async (entries) => {
      // Clone everything first so a value that cannot be cloned leaves the map untouched.
      const cloned = entries.map(([k, v]) => [k, copy(v)] as const);
      for (const [k, v] of cloned) map.set(k, v);
    },
    writeIf: async (key, decide) => {
      const entries = decide(copy(map.get(key)));
      if (!entries) return false;
      const cloned = entries.map(([k, v]) => [k, copy(v)] as const);
      for (const [k, v] of cloned) map.set(k, v);
      return true;
    },
    del: async (key) => {
      map.delete(key);
    },
    keys: async () => [...map.keys()],
    entries: async <T>() => [...map.entries()].map(([k, v]) => [k, copy(v) as T] as [string, T]),
    clear: async () => {
      map.clear();
    },
  };
}
