/**
 * The composition root's CPU part (loaded when a GGUF model is first used or its cache asked):
 * the wllama runtime over the GGUF models' files (`gguf-files-root`), told each model's context.
 */
import { WllamaAppRuntime } from "../../platform/wllama/wllama-runtime";
import type { CatalogState } from "../shared/catalog.svelte";
import type { CpuRuntime } from "../shared/engines.svelte";

export async function startCpuRuntime(catalog: CatalogState): Promise<CpuRuntime> {
  // Its own chunk, shared with the Models view (kept off the entry's list of this chunk's files).
  const { ggufFiles } = await import("./gguf-files-root");
  return new WllamaAppRuntime({
    contextOf: (id) => catalog.byId(id)?.contextWindow ?? undefined,
    files: ggufFiles(catalog),
  });
}
