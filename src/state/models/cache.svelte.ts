/**
 * Which models the runtime has in its cache, and deleting them. The list comes in one call for
 * the whole catalog; storage figures are re-read after each change.
 */
import { SvelteSet } from "svelte/reactivity";
import type { ModelCache } from "../../core/engine/model-cache";
import { toPolymathError, type PolymathError } from "../../core/errors";

export class CachedModels {
  readonly cached = new SvelteSet<string>();
  /** True once a scan finished (before that, "not cached" only means "not known yet"). */
  scanned = $state(false);
  scanning = $state(false);
  /** A model id being deleted, "all", or null. */
  deleting = $state<string | null>(null);
  error = $state<PolymathError | null>(null);

  #worker: () => Promise<ModelCache>;
  #changed: () => Promise<void>;

  /** `changed` runs after deletes (re-read storage usage). */
  constructor(worker: () => Promise<ModelCache>, changed: () => Promise<void> = async () => {}) {
    this.#worker = worker;
    this.#changed = changed;
  }

  /** Ask the engine which of `modelIds` are cached. */
  async scan(modelIds: string[]): Promise<void> {
    this.scanning = true;
    try {
      const ids = await (await this.#worker()).cachedModelIds(modelIds);
      this.cached.clear();
      for (const id of ids) this.cached.add(id);
      this.error = null;
      this.scanned = true;
    } catch (e) {
      this.error = toPolymathError(e);
    } finally {
      this.scanning = false;
    }
  }

  markCached(modelId: string): void {
    this.cached.add(modelId);
  }

  /** Delete one model's weights, config and library. */
  async remove(modelId: string): Promise<void> {
    await this.#deleteAll([modelId], modelId);
  }

  /** Delete every cached model; keeps going past a failure and reports the first. */
  async removeAll(): Promise<void> {
    await this.#deleteAll([...this.cached], "all");
  }

  async #deleteAll(modelIds: string[], label: string): Promise<void> {
    this.deleting = label;
    this.error = null;
    try {
      const worker = await this.#worker();
      for (const id of modelIds) {
        try {
          await worker.deleteModel(id);
          this.cached.delete(id);
        } catch (e) {
          this.error ??= toPolymathError(e);
        }
      }
    } catch (e) {
      this.error = toPolymathError(e);
    } finally {
      this.deleting = null;
      await this.#changed().catch(() => {});
    }
  }
}
