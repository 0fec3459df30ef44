/**
 * Catalog browsing as pure functions: which entries match the filters, and how they group by
 * family. Kept apart from the view state so the rules are tested without a DOM.
 */
import type { CatalogEntry, FitAssessment, FitStatus, ModelDomain, ModelRole } from "./types";

/** "runs" = fits or tight. */
export type FitFilter = "all" | "runs" | FitStatus;

export interface CatalogFilter {
  /** Words that must all appear in the id, name, family, note or domains. */
  text: string;
  role: ModelRole | "all";
  domain: ModelDomain | "all";
  family: string;
  fit: FitFilter;
  cachedOnly: boolean;
}

export const EMPTY_FILTER: Readonly<CatalogFilter> = Object.freeze({
  text: "",
  role: "all",
  domain: "all",
  family: "all",
  fit: "all",
  cachedOnly: false,
});

export interface FamilyGroup {
  family: string;
  entries: CatalogEntry[];
}

/** The entries that pass every filter, in catalog order. */
export function filterEntries(
  entries: readonly CatalogEntry[],
  filter: CatalogFilter,
  fit: ReadonlyMap<string, FitAssessment>,
  cached: ReadonlySet<string>,
): CatalogEntry[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (filter.role !== "all" && entry.role !== filter.role) return false;
    if (filter.domain !== "all" && !entry.domains.includes(filter.domain)) return false;
    if (filter.family !== "all" && entry.family !== filter.family) return false;
    if (filter.cachedOnly && !cached.has(entry.id)) return false;
    if (filter.fit !== "all") {
      const status = fit.get(entry.id)?.status;
      if (status === undefined) return false;
      if (filter.fit === "runs" ? status === "wont-run" : status !== filter.fit) return false;
    }
    if (words.length === 0) return true;
    const haystack = [entry.id, entry.name, entry.family, entry.note, ...entry.domains]
      .join(" ")
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Entries grouped by family (alphabetical), each group by model, size and quantization. */
export function groupByFamily(entries: readonly CatalogEntry[]): FamilyGroup[] {
  const groups = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.family);
    if (list) list.push(entry);
    else groups.set(entry.family, [entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([family, list]) => ({ family, entries: list.sort(compareEntries) }));
}

function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  return (
    (a.paramsB ?? Infinity) - (b.paramsB ?? Infinity) ||
    compareText(a.key, b.key) ||
    compareText(a.id, b.id)
  );
}

/** The families, domains and roles present, for the filter menus. */
export function filterOptions(entries: readonly CatalogEntry[]): {
  families: string[];
  domains: ModelDomain[];
  roles: ModelRole[];
} {
  const families = new Set<string>();
  const domains = new Set<ModelDomain>();
  const roles = new Set<ModelRole>();
  for (const e of entries) {
    families.add(e.family);
    roles.add(e.role);
    for (const d of e.domains) domains.add(d);
  }
  const sorted = <T extends string>(set: Set<T>) => [...set].sort(compareText);
  return { families: sorted(families), domains: sorted(domains), roles: sorted(roles) };
}

/**
 * Alphabetical, ignoring case, then by code point. Not `localeCompare`: the page's first use of
 * a collator loads the engine's locale data (about 25 ms, a long task on a phone as the Models
 * view opens), and model names and ids are plain ASCII.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when any filter differs from the empty one. */
export function isFiltered(filter: CatalogFilter): boolean {
  return (Object.keys(EMPTY_FILTER) as (keyof CatalogFilter)[]).some((k) =>
    k === "text" ? filter.text.trim() !== "" : filter[k] !== EMPTY_FILTER[k],
  );
}
