/**
 * The storage interface every repository is written against (house rule 2): IndexedDB through
 * idb-keyval in the app, a Map in tests and where IndexedDB is blocked. Values must survive
 * structured clone (plain objects, arrays, numbers, strings, booleans, null).
 */

export interface KeyValueStore {
  /** Which implementation this is; the UI says so when it is `memory` (nothing survives a reload). */
  readonly kind: "indexeddb" | "memory";
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Write several keys in one transaction: all land or none do. */
  setMany(entries: [string, unknown][]): Promise<void>;
  /**
   * In one transaction: read `key`, and write what `decide` returns for its value, or nothing when
   * it returns null (a compare-and-set across tabs). Resolves with whether anything was written.
   */
  writeIf(key: string, decide: (current: unknown) => [string, unknown][] | null): Promise<boolean>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  entries<T>(): Promise<[string, T][]>;
  clear(): Promise<void>;
}
