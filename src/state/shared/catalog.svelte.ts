/**
 * The model catalog as the views see it: web-llm's prebuilt models plus the user's custom ones,
 * each with its fit on this device. Loaded by the views that need it, not by the entry chunk.
 */
import { modelList, webllmVersion, modelVersion } from "virtual:webllm-model-list";
import { buildCatalog } from "../../core/catalog/build-catalog";
import type { CustomModel } from "../../core/catalog/custom";
import { assessFit } from "../../core/catalog/fit";
import type { CatalogEntry, FitAssessment } from "../../core/catalog/types";
import { app } from "../app.svelte";

export class CatalogState {
  readonly webllmVersion = webllmVersion;
  readonly modelVersion = modelVersion;
  custom = $state.raw<CustomModel[]>([]);
  entries = $derived<CatalogEntry[]>(buildCatalog(modelList, this.custom));
  /** Fit of every entry on this device; empty until the device is probed. */
  fit = $derived<Map<string, FitAssessment>>(this.#assess());
  /** Resolves once the user's custom models are in `custom` and the engine has its config. */
  readonly ready: Promise<void> = import("../models/setup").then((m) => m.startModelSetup(this));

  #assess(): Map<string, FitAssessment> {
    const profile = app.device.profile;
    // A fresh map per derivation, never mutated afterwards: no reactive map needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const map = new Map<string, FitAssessment>();
    if (!profile) return map;
    for (const entry of this.entries) map.set(entry.id, assessFit(entry, profile));
    return map;
  }

  byId(id: string): CatalogEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }
}

export const catalog = new CatalogState();
