/**
 * What running some models would download, and the sentence a person confirms before it starts:
 * no model download begins without the user having seen its size.
 */
import { formatMB } from "../format";

export interface DownloadItem {
  id: string;
  name: string;
  /** Estimated download in MB; null when the catalog cannot estimate it. */
  mb: number | null;
}

export interface DownloadPlan {
  /** The models that would be downloaded, in the order asked. */
  items: DownloadItem[];
  /** Sum of the known sizes, MB. */
  totalMB: number;
  /** How many items have no size estimate. */
  unknown: number;
}

export interface DownloadPlanDeps {
  /** True for a model whose runtime downloads files (not a replayed one). */
  downloads: (id: string) => boolean;
  /** Models already in the browser's cache. */
  cached: readonly string[];
  /** Name and estimated size of a model. */
  describe: (id: string) => { name: string; mb: number | null };
}

/** The downloads that running `ids` needs: models that download and are not cached yet. */
export function downloadPlan(ids: readonly string[], deps: DownloadPlanDeps): DownloadPlan {
  const items: DownloadItem[] = [];
  for (const id of ids) {
    if (items.some((i) => i.id === id) || !deps.downloads(id) || deps.cached.includes(id)) continue;
    items.push({ id, ...deps.describe(id) });
  }
  const totalMB = items.reduce((sum, i) => sum + (i.mb ?? 0), 0);
  return { items, totalMB, unknown: items.filter((i) => i.mb === null).length };
}

/** "≈ 2.1 GB in all (estimate)", naming what could not be estimated. */
export function downloadTotal(plan: DownloadPlan): string {
  if (plan.items.length === 0) return "nothing to download";
  const known = plan.items.length - plan.unknown;
  if (known === 0) return "size unknown";
  const more = plan.unknown ? ` plus ${plan.unknown} of unknown size` : "";
  return `≈ ${formatMB(plan.totalMB)} in all (estimate)${more}`;
}

/** One line per model: "Qwen3-1.7B · q4f16 — ≈ 1.04 GB". */
export function downloadLines(plan: DownloadPlan): string[] {
  return plan.items.map(
    (i) => `${i.name} — ${i.mb === null ? "size unknown" : `≈ ${formatMB(i.mb)}`}`,
  );
}
