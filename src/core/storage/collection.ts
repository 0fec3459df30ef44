/**
 * A collection of versioned documents with an index of summaries, so lists never load every
 * document. Keys: `doc:<id>` → Versioned<T>, `index` → Versioned<S[]> (schema = the document
 * schema version). The index is derived data: when it is missing or from another schema version it
 * is rebuilt from the documents. Each save writes the document and the index in one transaction.
 *
 * Every document carries a revision (`rev` in its envelope, counted from 1). A save may name the
 * revision it was made from (`baseRev`): when another tab saved since, the save is refused with a
 * `conflict` error inside the same transaction, so two tabs never silently overwrite each other.
 */
import { PolymathError } from "../errors";
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

export interface Revised<T> {
  doc: T;
  /** The stored revision (0 for a document saved before revisions existed). */
  rev: number;
}

export interface SaveOptions {
  /**
   * The revision the document was read at (0: a new one). When the stored revision differs, the
   * save is refused with `conflict`. Without it the save replaces whatever is stored.
   */
  baseRev?: number;
}

export interface Collection<T, S> {
  /** Summaries, largest `order` first. */
  list(): Promise<S[]>;
  get(id: string): Promise<T | undefined>;
  /** The document with its revision. */
  getRevised(id: string): Promise<Revised<T> | undefined>;
  /**
   * Create or replace; resolves with the new revision. Throws `storage-full` and leaves the
   * previous version when out of space, `conflict` when `baseRev` is stale.
   */
  save(doc: T, options?: SaveOptions): Promise<number>;
  delete(id: string): Promise<void>;
}

/** The revision of a stored envelope (0 when absent or unreadable). */
export function storedRev(raw: unknown): number {
  const rev = (raw as Versioned<unknown> | undefined)?.rev;
  return typeof rev === "number" && Number.isInteger(rev) && rev > 0 ? rev : 0;
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
    getRevised: async (id) => {
      const raw = await store.get<unknown>(docKey(id));
      return raw === undefined
        ? undefined
        : { doc: readDocument(schema, raw), rev: storedRev(raw) };
    },
    save: (doc, options = {}) =>
      serial(async () => {
        const key = docKey(doc.id);
        const index = (await readIndex()).filter((s) => s.id !== doc.id);
        index.push(summarize(doc));
        const wrappedIndex: Versioned<S[]> = { schema: schema.version, data: sorted(index) };
        // The revision is read and checked in the write's own transaction (atomic across tabs).
        let found = 0;
        const written = await guardWrite(`"${schema.name}"`, () =>
          store.writeIf(key, (raw) => {
            found = storedRev(raw);
            if (options.baseRev !== undefined && found !== options.baseRev) return null;
            return [
              [key, { ...wrapDocument(schema, doc), rev: found + 1 }],
              [INDEX_KEY, wrappedIndex],
            ];
          }),
        );
        if (!written) throw conflictError(schema.name, doc.id, options.baseRev ?? 0, found);
        return found + 1;
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

function conflictError(name: string, id: string, baseRev: number, found: number): PolymathError {
  return new PolymathError(
    "conflict",
    `This ${name} was changed in another tab since it was opened here, so it was not saved over.`,
    { details: { id, baseRev, storedRev: found } },
  );
}
