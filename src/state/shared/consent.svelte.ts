/**
 * Asking before a download: whoever is about to load models asks here first; the dialog shows
 * what would be downloaded and how big it is, and Cancel downloads nothing. Models the user has
 * agreed to download (or that are cached) are not asked about again in this visit.
 */
import { downloadPlan, type DownloadPlan } from "../../core/runs/download-plan";

export interface ConsentDeps {
  /** Those of `ids` already in the browser's cache. */
  cached: (ids: readonly string[]) => Promise<string[]>;
  /** True for a model whose runtime downloads files. */
  downloads: (id: string) => boolean;
  /** A model's name and estimated download, MB. */
  describe: (id: string) => { name: string; mb: number | null };
}

export class DownloadConsent {
  /** The download waiting for the user's answer. */
  pending = $state.raw<DownloadPlan | null>(null);
  #deps: ConsentDeps;
  #resolve: ((ok: boolean) => void) | null = null;
  // Bookkeeping, not state: nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #agreed = new Set<string>();

  constructor(deps: ConsentDeps) {
    this.#deps = deps;
  }

  /** Resolves true when `ids` may load: nothing new to download, or the user agreed. */
  async ask(ids: readonly string[]): Promise<boolean> {
    const unasked = ids.filter((id) => this.#deps.downloads(id) && !this.#agreed.has(id));
    if (unasked.length === 0) return true;
    // Not knowing what is cached means asking about all of it, never skipping the question.
    const cached = await this.#deps.cached(unasked).catch(() => []);
    for (const id of cached) this.#agreed.add(id);
    const plan = downloadPlan(unasked, { ...this.#deps, cached });
    if (plan.items.length === 0) return true;
    this.#resolve?.(false);
    this.pending = plan;
    const ok = await new Promise<boolean>((resolve) => (this.#resolve = resolve));
    if (ok) for (const item of plan.items) this.#agreed.add(item.id);
    return ok;
  }

  /** The user's answer to the pending question. */
  answer(ok: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    this.pending = null;
    resolve?.(ok);
  }
}
