/**
 * The composition root's CPU part (loaded when a GGUF model is first used or its cache asked):
 * the wllama runtime, told where each catalog model's GGUF comes from and its context.
 */
import { WllamaAppRuntime } from "../../platform/wllama/wllama-runtime";
import type { CatalogState } from "../shared/catalog.svelte";
import type { CpuRuntime } from "../shared/engines.svelte";

export function startCpuRuntime(catalog: CatalogState): CpuRuntime {
  return new WllamaAppRuntime({
    sourceOf: (id) => catalog.byId(id)?.gguf ?? undefined,
    contextOf: (id) => catalog.byId(id)?.contextWindow ?? undefined,
  });
}
