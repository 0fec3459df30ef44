/**
 * Exact download sizes, read on demand through the runtime's reader and kept in memory.
 */
import type { CatalogEntry } from "../../core/catalog/types";
import { toPolymathError, type PolymathError } from "../../core/errors";

export type SizeInfo =
  | { status: "checking" }
  | { status: "exact"; bytes: number }
  | { status: "unavailable"; error: PolymathError };

export class ModelSizes {
  sizes = $state<Record<string, SizeInfo>>({});
  #read: (entry: CatalogEntry) => Promise<number>;

  constructor(read: (entry: CatalogEntry) => Promise<number>) {
    this.#read = read;
  }

  /** Exact bytes when the manifest was read. */
  bytes(modelId: string): number | undefined {
    const info = this.sizes[modelId];
    return info?.status === "exact" ? info.bytes : undefined;
  }

  /** Read the size once (again after a failure); resolves when done, never rejects. */
  async check(entry: CatalogEntry): Promise<void> {
    const current = this.sizes[entry.id]?.status;
    if (current === "exact" || current === "checking") return;
    this.sizes[entry.id] = { status: "checking" };
    try {
      this.sizes[entry.id] = { status: "exact", bytes: await this.#read(entry) };
    } catch (e) {
      this.sizes[entry.id] = { status: "unavailable", error: toPolymathError(e) };
    }
  }
}
