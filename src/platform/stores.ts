/**
 * The app's IndexedDB stores, created once. Each store's own module documents what it holds
 * and its schema version.
 */
import { createStore, get, set } from "idb-keyval";

export interface Settings {
  memoryBudgetMB?: number;
}

const settingsDb = createStore("polymath-settings", "kv");

export const settingsStore = {
  async get(): Promise<Settings> {
    return ((await get("settings", settingsDb)) as Settings | undefined) ?? {};
  },
  async update(patch: Partial<Settings>): Promise<void> {
    const current = await this.get();
    await set("settings", { ...current, ...patch }, settingsDb);
  },
};
