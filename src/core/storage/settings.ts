/**
 * Settings repository. Holds the user's preferences as one versioned document under key
 * `settings`, schema version 1. Stored values that are missing or of the wrong type fall back to
 * the defaults below, so adding a setting never needs a migration.
 */
import { CACHE_BACKENDS, type CacheBackend } from "../engine/model-cache";
import type { SamplingParams } from "../engine/types";
import type { DomainPrompts } from "../routing/domain-prompts";
import type { TeamChoice } from "../routing/team";
import type { KeyValueStore } from "./kv-store";
import { guardWrite } from "./storage-errors";
import { readDocument, wrapDocument, type DocumentSchema } from "./versioned";

export const SETTINGS_SCHEMA_VERSION = 1;

export type Theme = "system" | "light" | "dark";
/** Where web-llm keeps downloaded weights: the Cache API (default), IndexedDB or OPFS. */
export type { CacheBackend };

export interface Settings {
  /** GPU memory budget in MB; null = use the estimate from the device profile. */
  memoryBudgetMB: number | null;
  theme: Theme;
  cacheBackend: CacheBackend;
  /** Sampling settings new chats and comparisons start with. */
  defaultParams: SamplingParams;
  /** Hide model names in comparisons until the user votes. */
  blindComparisons: boolean;
  /** Show thinking text of reasoning models unfolded. */
  showReasoning: boolean;
  /** The routed team Chat and Compare offer as "Auto": the user's fallback and mapping. */
  team: TeamChoice;
  /**
   * The prompt-specialized generalist's domain prompts as edited (null: Polymath's defaults). Only
   * an object is checked here (the settings load with the page); its reader checks each prompt.
   */
  domainPrompts: DomainPrompts | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  memoryBudgetMB: null,
  theme: "system",
  cacheBackend: "cache",
  defaultParams: { temperature: 0.7, top_p: 0.95, max_tokens: 1024 },
  blindComparisons: false,
  showReasoning: false,
  team: { fallback: null, mapping: {} },
  domainPrompts: null,
});

const KEY = "settings";
const schema: DocumentSchema<Partial<Settings>> = {
  name: "settings",
  version: SETTINGS_SCHEMA_VERSION,
  migrations: {},
};

const isOneOf =
  <T extends string>(...options: T[]) =>
  (v: unknown): v is T =>
    options.includes(v as T);

const checks: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  memoryBudgetMB: (v): v is number | null =>
    v === null || (typeof v === "number" && Number.isFinite(v) && v > 0),
  theme: isOneOf("system", "light", "dark"),
  cacheBackend: isOneOf(...CACHE_BACKENDS),
  defaultParams: (v): v is SamplingParams =>
    typeof v === "object" && v !== null && !Array.isArray(v),
  blindComparisons: (v): v is boolean => typeof v === "boolean",
  showReasoning: (v): v is boolean => typeof v === "boolean",
  team: isTeamChoice,
  domainPrompts: (v): v is DomainPrompts | null =>
    v === null || (typeof v === "object" && !Array.isArray(v)),
};

/**
 * A team choice of the right shape: a fallback id or null, and a member id or null per key (a key
 * that is no router label is never read: the team applies only its labels).
 */
function isTeamChoice(v: unknown): v is TeamChoice {
  const isRecord = (x: unknown): x is Record<string, unknown> =>
    typeof x === "object" && x !== null && !Array.isArray(x);
  if (!isRecord(v) || !isRecord(v.mapping)) return false;
  if (v.fallback !== null && typeof v.fallback !== "string") return false;
  return Object.values(v.mapping).every((m) => m === null || typeof m === "string");
}

/** Defaults overlaid with every stored value that passes its type check. */
export function mergeSettings(stored: unknown): Settings {
  const result: Settings = structuredClone(DEFAULT_SETTINGS) as Settings;
  if (typeof stored !== "object" || stored === null) return result;
  const record = result as unknown as Record<string, unknown>;
  for (const key of Object.keys(checks) as (keyof Settings)[]) {
    const value = (stored as Record<string, unknown>)[key];
    if (checks[key](value)) record[key] = value;
  }
  return result;
}

export interface SettingsStore {
  load(): Promise<Settings>;
  /** Merge `patch` into the stored settings; returns the result. */
  update(patch: Partial<Settings>): Promise<Settings>;
  reset(): Promise<Settings>;
}

/** A settings store over `store`. */
export function createSettingsStore(store: KeyValueStore): SettingsStore {
  const load = async (): Promise<Settings> => {
    const raw = await store.get<unknown>(KEY);
    return raw === undefined ? mergeSettings(undefined) : mergeSettings(readDocument(schema, raw));
  };
  return {
    load,
    update: async (patch) => {
      const next = mergeSettings({ ...(await load()), ...patch });
      await guardWrite("settings", () => store.set(KEY, wrapDocument(schema, next)));
      return next;
    },
    reset: async () => {
      await guardWrite("settings", () => store.del(KEY));
      return mergeSettings(undefined);
    },
  };
}
