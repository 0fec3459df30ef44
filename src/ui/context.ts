/**
 * The state components read, handed down the tree as Svelte contexts: the app (navigation,
 * theme, device, runtimes, replay) from the root, and each view's state from the view's root
 * component. Components never create state; the composition root (`state/app.svelte.ts`) does.
 */
import { createContext } from "svelte";
import type { App, ModelsViewState } from "../state/app.svelte";
import type { BenchState } from "../state/bench/bench.svelte";
import type { CatalogState } from "../state/shared/catalog.svelte";

export const [getApp, setApp] = createContext<App>();
export const [getCatalog, setCatalog] = createContext<CatalogState>();
export const [getModels, setModels] = createContext<ModelsViewState["models"]>();
export const [getBench, setBench] = createContext<BenchState>();
