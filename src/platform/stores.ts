/**
 * The app's repositories, each opened once on first use over its own IndexedDB database (or
 * memory, with a notice, where the browser forbids storage). What each holds and its schema
 * version is documented in its module under src/core/storage, src/core/runs and src/core/report.
 */
import { DB_NAMES, openStore, type OpenedStore } from "../core/storage/open-store";
import { createSettingsStore, type Settings, type SettingsStore } from "../core/storage/settings";

const opened = new Map<string, Promise<OpenedStore>>();

/** Open (once) the store of one repository. */
export function store(name: keyof typeof DB_NAMES): Promise<OpenedStore> {
  let p = opened.get(name);
  if (!p) {
    p = openStore(DB_NAMES[name]);
    opened.set(name, p);
  }
  return p;
}

let settings: Promise<SettingsStore> | null = null;

/** The settings repository. */
export function settingsStore(): Promise<SettingsStore> {
  settings ??= store("settings").then((s) => createSettingsStore(s.store));
  return settings;
}

/**
 * Change settings and keep them; rejects (with why) when they cannot outlive this visit: storage
 * blocked (kept in memory only) or full. The caller applies the change for now either way.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const opened = await store("settings");
  await (await settingsStore()).update(patch);
  if (!opened.persistent && opened.error) throw opened.error;
}
