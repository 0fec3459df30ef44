/**
 * A collection of versioned documents with an index of summaries, so lists never load every
 * document. Keys: `doc:<id>` → Versioned<T>, `index` → Versioned<S[]> (schema = the document
 * schema version). The index is derived data: when it is missing or from another schema version it
 * is rebuilt from the documents. Each save writes the document and the index in one transaction.
 */
import type { KeyValueStore } from "./kv-store";
import { guardWrite } from "./storage-errors";
import { readDocument, wrapDocument, type DocumentSchema, type Versioned } from "./versioned";

export interface CollectionOptions<T extends { id: string }, S extends { id: string }> {
  store: KeyValueStore;
  schema: DocumentSchema<T>;
  summarize: (doc: T) => S;
  /** Lists are sorted by this, largest first (e.g. updatedAt). */
  order: (summary: S) => number;
}

export interface Collection<T, S> {
  /** Summaries, largest `order` first. */
  list(): Promise<S[]>;
  get(id: string): Promise<T | undefined>;
  /** Create or replace. Throws `storage-full` and leaves the previous version when out of space. */
  save(doc: T): Promise<void>;
  delete(id: string): Promise<void>;
}

const INDEX_KEY = "index";
const docKey = (id: string) => `doc:${id}`;

/** A document collection over `options.store`. */
export function createCollection<T extends { id: string }, S extends { id: string }>(
  options: CollectionOptions<T, S>,
): Collection<T, S> {
  const { store, schema, summarize, order } = options;
  // Index updates are read-modify-write; chaining them keeps concurrent saves from losing entries.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <R>(op: () => Promise<R>): Promise<R> => {
    const next = queue.then(op, op);
    queue = next.catch(() => undefined);
    return next;
  };
  const sorted = (items: S[]) => [...items].sort((x, y) => order(y) - order(x));

  async function rebuildIndex(): Promise<S[]> {
    const summaries: S[] = [];
    for (const [key, value] of await store.entries<unknown>()) {
      if (!key.startsWith("doc:")) continue;
      try {
        summaries.push(summarize(readDocument(schema, value)));
      } catch {
        // A document this version cannot read (newer schema, damaged) stays stored but unlisted.
      }
    }
    const index = sorted(summaries);
    // Best effort: a failed write here only means the index is rebuilt again next time.
    const wrapped: Versioned<S[]> = { schema: schema.version, data: index };
    await store.set(INDEX_KEY, wrapped).catch(() => undefined);
    return index;
  }

  async function readIndex(): Promise<S[]> {
    const raw = await store.get<Versioned<S[]>>(INDEX_KEY);
    if (!raw || raw.schema !== schema.version || !Array.isArray(raw.data)) return rebuildIndex();
    return raw.data;
  }

  return {
    list: async () => sorted(await readIndex()),
    get: async (id) => {
      const raw = await store.get<unknown>(docKey(id));
      return raw === undefined ? undefined : readDocument(schema, raw);
    },
    save: (doc) =>
      serial(async () => {
        const index = (await readIndex()).filter((s) => s.id !== doc.id);
        index.push(summarize(doc));
        const wrappedIndex: Versioned<S[]> = { schema: schema.version, data: sorted(index) };
        await guardWrite(`"${schema.name}"`, () =>
          store.setMany([
            [docKey(doc.id), wrapDocument(schema, doc)],
            [INDEX_KEY, wrappedIndex],
          ]),
        );
      }),
    delete: (id) =>
      serial(async () => {
        const index = (await readIndex()).filter((s) => s.id !== id);
        const wrappedIndex: Versioned<S[]> = { schema: schema.version, data: index };
        // Index first: if the second write fails the document is merely orphaned, never half-listed.
        await guardWrite(`"${schema.name}" list`, () => store.set(INDEX_KEY, wrappedIndex));
        await guardWrite(`"${schema.name}"`, () => store.del(docKey(id)));
      }),
  };
}
