/** Jump to a model in the catalog: filter to it, open its details, scroll the catalog into view. */
import type { ModelsState } from "../../state/models/models.svelte";

export function showModel(models: ModelsState, id: string): void {
  models.reveal(id);
  document.getElementById("models-catalog")?.scrollIntoView({ block: "start" });
}
