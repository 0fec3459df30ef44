/**
 * Imported suites repository: the benchmark suites the user imported (HumanEval-X, GSM8K, IFEval,
 * MMLU CSV, Polymath suite files), one versioned document per suite, schema version 1
 * (`StoredSuite`: a `Suite` from src/core/scoring/types.ts plus when and from which format it was
 * imported), and an index of summaries so the list loads without reading every item. Built-in
 * suites are code, not stored here. A suite is saved whole or not at all.
 */
import { PolymathError } from "../errors";
import type { Domain, ItemKind, Suite } from "../scoring/types";
import { createCollection } from "./collection";
import type { KeyValueStore } from "./kv-store";
import type { DocumentSchema } from "./versioned";

export const SUITES_SCHEMA_VERSION = 1;

export interface StoredSuite extends Suite {
  /** Epoch ms. */
  importedAt: number;
  /** The importer that read it ("humaneval", "gsm8k", …). */
  format: string;
}

/** What a suite list shows, for built-in and imported suites alike. */
export interface SuiteSummary {
  id: string;
  name: string;
  description: string;
  source: string;
  itemCount: number;
  /** Distinct domains and kinds, in first-seen order. */
  domains: Domain[];
  kinds: ItemKind[];
  /** Code items carrying a reference or a wrong solution (the self-test can check them). */
  withReferences: number;
  /** Imported suites only. */
  importedAt?: number;
  format?: string;
}

/** A list entry for `suite`: counts, domains and kinds. */
export function summarizeSuite(suite: Suite | StoredSuite): SuiteSummary {
  const domains = [...new Set(suite.items.map((i) => i.domain))];
  const kinds = [...new Set(suite.items.map((i) => i.kind))];
  const withReferences = suite.items.filter(
    (i) => i.kind === "code" && (i.reference !== undefined || i.wrong !== undefined),
  ).length;
  const summary: SuiteSummary = {
    id: suite.id,
    name: suite.name,
    description: suite.description,
    source: suite.source,
    itemCount: suite.items.length,
    domains,
    kinds,
    withReferences,
  };
  if ("importedAt" in suite) {
    summary.importedAt = suite.importedAt;
    summary.format = suite.format;
  }
  return summary;
}

/** `id`, or `id-2`, `id-3`… when it is taken (a re-import never overwrites another suite). */
export function uniqueSuiteId(id: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(id)) return id;
  let n = 2;
  while (used.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/** `name`, or `name (2)`, `name (3)`… when another suite has it, so lists can tell them apart. */
export function uniqueSuiteName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(name)) return name;
  let n = 2;
  while (used.has(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

/** True when two suites hold the same items in the same order (names, ids and sources aside). */
export function sameItems(a: Pick<Suite, "items">, b: Pick<Suite, "items">): boolean {
  return a.items.length === b.items.length && canonical(a.items) === canonical(b.items);
}

// JSON with sorted keys: a suite read back from storage may list an item's fields in another order.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

function isStoredSuite(data: unknown): data is StoredSuite {
  if (!isRecord(data)) return false;
  const { id, name, items, importedAt, format } = data;
  if (typeof id !== "string" || typeof name !== "string" || !Array.isArray(items)) return false;
  if (typeof importedAt !== "number" || typeof format !== "string") return false;
  return items.every(
    (i) =>
      isRecord(i) &&
      typeof i.id === "string" &&
      typeof i.kind === "string" &&
      typeof i.prompt === "string",
  );
}

const schema: DocumentSchema<StoredSuite> = {
  name: "imported suite",
  version: SUITES_SCHEMA_VERSION,
  migrations: {},
  validate: isStoredSuite,
};

export interface SuiteStore {
  /** Summaries, most recently imported first. */
  list(): Promise<SuiteSummary[]>;
  get(id: string): Promise<StoredSuite | undefined>;
  /** Save a whole suite; `storage-full` (nothing saved) when the browser is out of space. */
  save(suite: StoredSuite): Promise<void>;
  remove(id: string): Promise<void>;
}

/** An imported-suite store over `store`. */
export function createSuiteStore(store: KeyValueStore): SuiteStore {
  const docs = createCollection({
    store,
    schema,
    summarize: summarizeSuite,
    order: (s) => s.importedAt ?? 0,
  });
  return {
    list: () => docs.list(),
    get: (id) => docs.get(id),
    save: async (suite) => {
      try {
        await docs.save(suite);
      } catch (e) {
        if (!(e instanceof PolymathError) || e.code !== "storage-full") throw e;
        throw new PolymathError(
          "storage-full",
          `Could not save the suite "${suite.name}" (${suite.items.length} items): the browser's storage for this site is full.`,
          {
            cause: e,
            advice:
              "Nothing was imported and your other suites are unchanged. Delete imported suites you no longer need, or a cached model in the Models view, then import again.",
          },
        );
      }
    },
    remove: (id) => docs.delete(id),
  };
}
