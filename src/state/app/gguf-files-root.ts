/**
 * The GGUF models' files on this device (`GgufModels`), one per catalog: the Models view lists,
 * sizes and deletes them from the page, and the CPU runtime loads from the same, so a file list
 * read once serves both. It does not pull in wllama.
 */
import { GgufModels } from "../../platform/gguf-store/gguf-models";
import type { CatalogState } from "../shared/catalog.svelte";

const made = new WeakMap<CatalogState, GgufModels>();

export function ggufFiles(catalog: CatalogState): GgufModels {
  let files = made.get(catalog);
  if (!files) {
    files = new GgufModels((id) => catalog.byId(id)?.gguf ?? undefined);
    made.set(catalog, files);
  }
  return files;
}
