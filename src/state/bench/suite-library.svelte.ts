/**
 * The suites the Bench view lists: the built-in ones (code, their own chunk, loaded with the list)
 * and the imported ones (IndexedDB, see src/core/storage/suites.ts). Adding saves a whole suite
 * or nothing.
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import { serializePolymathSuite } from "../../core/scoring/importers/polymath-suite";
import type { Suite } from "../../core/scoring/types";
import {
  sameItems,
  summarizeSuite,
  uniqueSuiteId,
  uniqueSuiteName,
  type StoredSuite,
  type SuiteStore,
  type SuiteSummary,
} from "../../core/storage/suites";
import { fileStem } from "../../core/report/results-export";

export interface OpenedSuiteStore {
  store: SuiteStore;
  /** Why nothing will survive a reload (private window), when it will not. */
  error?: PolymathError;
}

/** What an import did: added a suite, or found one with exactly the same items already listed. */
export interface AddOutcome {
  summary: SuiteSummary;
  /** True when nothing was added because `summary` already holds these items. */
  existing: boolean;
}

/** The built-in suites, fetched on first use (their items are most of the Bench view's code). */
const loadBuiltIns = (): Promise<readonly Suite[]> =>
  import("../../core/scoring/suites/index").then((m) => m.builtInSuites);

export class SuiteLibrary {
  /** Known after the first `load`. */
  builtIn = $state.raw<readonly SuiteSummary[]>([]);
  imported = $state<SuiteSummary[]>([]);
  loaded = $state(false);
  /** Storage is not persistent: shown as a notice. */
  storageNotice = $state<PolymathError | null>(null);
  /** A failed list or delete. */
  error = $state<PolymathError | null>(null);
  all = $derived<SuiteSummary[]>([...this.builtIn, ...this.imported]);
  readonly #open: () => Promise<OpenedSuiteStore>;
  readonly #now: () => number;
  readonly #loadBuiltIns: () => Promise<readonly Suite[]>;
  #store: Promise<SuiteStore> | null = null;
  #builtIns: Promise<readonly Suite[]> | null = null;

  /** `builtIns`: the suites themselves (listed at once), or how to fetch them on first load. */
  constructor(
    open: () => Promise<OpenedSuiteStore>,
    now: () => number = Date.now,
    builtIns: readonly Suite[] | (() => Promise<readonly Suite[]>) = loadBuiltIns,
  ) {
    this.#open = open;
    this.#now = now;
    if (typeof builtIns === "function") this.#loadBuiltIns = builtIns;
    else {
      this.#loadBuiltIns = () => Promise.resolve(builtIns);
      this.builtIn = builtIns.map(summarizeSuite);
    }
  }

  /** Read the built-in suites and the imported suites' list, side by side (again after changes). */
  async load(): Promise<void> {
    const builtIn = this.#suites().then((suites) => {
      if (this.builtIn.length === 0) this.builtIn = suites.map(summarizeSuite);
    });
    try {
      const [imported] = await Promise.all([this.#storeOnce().then((s) => s.list()), builtIn]);
      this.imported = imported;
      this.error = null;
    } catch (e) {
      await builtIn.catch(() => undefined);
      this.error = toPolymathError(e);
    } finally {
      this.loaded = true;
    }
  }

  summary(id: string): SuiteSummary | undefined {
    return this.all.find((s) => s.id === id);
  }

  isBuiltIn(id: string): boolean {
    return this.builtIn.some((s) => s.id === id);
  }

  /** The whole suite, built-in or imported; undefined when there is none with this id. */
  async get(id: string): Promise<Suite | undefined> {
    const builtIn = (await this.#suites()).find((s) => s.id === id);
    if (builtIn) return builtIn;
    return (await this.#storeOnce()).get(id);
  }

  /**
   * Save an imported suite under a free id and a name no other suite has, unless a listed suite
   * holds exactly the same items; throws (`storage-full`…) having saved nothing.
   */
  async add(suite: Suite, format: string): Promise<AddOutcome> {
    const store = await this.#storeOnce();
    const builtIns = (await this.#suites()).map(summarizeSuite);
    const listed = [...builtIns, ...(await store.list())];
    const same = await this.#withSameItems(suite, listed, store);
    if (same) return { summary: same, existing: true };
    const id = uniqueSuiteId(
      suite.id,
      listed.map((s) => s.id),
    );
    const name = uniqueSuiteName(
      suite.name,
      listed.map((s) => s.name),
    );
    const stored: StoredSuite = { ...suite, id, name, importedAt: this.#now(), format };
    await store.save(stored);
    await this.load();
    return { summary: summarizeSuite(stored), existing: false };
  }

  async #withSameItems(
    suite: Suite,
    listed: readonly SuiteSummary[],
    store: SuiteStore,
  ): Promise<SuiteSummary | undefined> {
    // Only suites of the same size are read whole.
    for (const candidate of listed.filter((s) => s.itemCount === suite.items.length)) {
      const whole =
        (await this.#suites()).find((s) => s.id === candidate.id) ??
        (await store.get(candidate.id));
      if (whole && sameItems(whole, suite)) return candidate;
    }
    return undefined;
  }

  /** Delete an imported suite. */
  async remove(id: string): Promise<void> {
    if (this.isBuiltIn(id)) return;
    try {
      await (await this.#storeOnce()).remove(id);
      await this.load();
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  /** The suite as a Polymath suite file: its name and text. */
  exportFile(suite: Suite): { fileName: string; text: string } {
    return { fileName: `${fileStem(suite.name)}.jsonl`, text: serializePolymathSuite(suite) };
  }

  #suites(): Promise<readonly Suite[]> {
    this.#builtIns ??= this.#loadBuiltIns();
    return this.#builtIns;
  }

  #storeOnce(): Promise<SuiteStore> {
    this.#store ??= this.#open().then((opened) => {
      this.storageNotice = opened.error ?? null;
      return opened.store;
    });
    return this.#store;
  }
}
