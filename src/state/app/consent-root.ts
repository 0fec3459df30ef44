/**
 * The composition root's download question, shared by Chat, Compare and the first screen: sizes
 * are the catalog's estimates (no request goes to a model host before the user agrees), and the
 * cache is asked through the runtime that downloads.
 */
import { estimateDownloadMB } from "../../core/catalog/size";
import type { App } from "../app.svelte";
import { DownloadConsent } from "../shared/consent.svelte";

export async function createConsent(app: App): Promise<DownloadConsent> {
  const catalog = await app.catalog();
  const { engines } = app;
  return new DownloadConsent({
    cached: async (ids) => (await engines.cache()).cachedModelIds([...ids]),
    downloads: (id) => engines.traitsOf(id).downloads,
    describe: (id) => {
      const entry = catalog.byId(id);
      return {
        name: entry?.name ?? id,
        mb: entry ? (estimateDownloadMB(entry)?.mb ?? null) : null,
      };
    },
  });
}
