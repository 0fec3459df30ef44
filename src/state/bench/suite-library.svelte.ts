/**
 * The suites the Bench view lists: the built-in ones (code, in this bundle) and the imported ones
 * (IndexedDB, see src/core/storage/suites.ts). Adding saves a whole suite or nothing.
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import { serializePolymathSuite } from "../../core/scoring/importers/polymath-suite";
import { builtInSuites } from "../../core/scoring/suites/index";
import type { Suite } from "../../core/scoring/types";
import {
  summarizeSuite,
  uniqueSuiteId,
  type StoredSuite,
  type SuiteStore,
  type SuiteSummary,
} from "../../core/storage/suites";
import { fileStem } from "./results-export";

export interface OpenedSuiteStore {
  store: SuiteStore;
  /** Why nothing will survive a reload (private window), when it will not. */
  error?: PolymathError;
}

export class SuiteLibrary {
  readonly builtIn: readonly SuiteSummary[] = builtInSuites.map(summarizeSuite);
  imported = $state<SuiteSummary[]>([]);
  loaded = $state(false);
  /** Storage is not persistent: shown as a notice. */
  storageNotice = $state<PolymathError | null>(null);
  /** A failed list or delete. */
  error = $state<PolymathError | null>(null);
  all = $derived<SuiteSummary[]>([...this.builtIn, ...this.imported]);
  readonly #open: () => Promise<OpenedSuiteStore>;
  readonly #now: () => number;
  #store: Promise<SuiteStore> | null = null;

  constructor(open: () => Promise<OpenedSuiteStore>, now: () => number = Date.now) {
    this.#open = open;
    this.#now = now;
  }

  /** Read the imported suites' list (once; again after each change). */
  async load(): Promise<void> {
    try {
      this.imported = await (await this.#storeOnce()).list();
      this.error = null;
    } catch (e) {
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
    const builtIn = builtInSuites.find((s) => s.id === id);
    if (builtIn) return builtIn;
    return (await this.#storeOnce()).get(id);
  }

  /** Save an imported suite under a free id; throws (`storage-full`…) having saved nothing. */
  async add(suite: Suite, format: string): Promise<SuiteSummary> {
    const store = await this.#storeOnce();
    const taken = [...this.builtIn, ...(await store.list())].map((s) => s.id);
    const id = uniqueSuiteId(suite.id, taken);
    const stored: StoredSuite = { ...suite, id, importedAt: this.#now(), format };
    await store.save(stored);
    await this.load();
    return summarizeSuite(stored);
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

  #storeOnce(): Promise<SuiteStore> {
    this.#store ??= this.#open().then((opened) => {
      this.storageNotice = opened.error ?? null;
      return opened.store;
    });
    return this.#store;
  }
}
