/**
 * The URLs web-llm fetches for a model, built exactly as web-llm 0.2.86 does (`cleanModelUrl` and
 * `resolveModelPackageResourceURLs` in node_modules/@mlc-ai/web-llm/lib/index.js): the model URL
 * gets a trailing slash, then `resolve/main/` unless it already has `/resolve/<revision>/`; the
 * files sit beside it. A package manifest may only name `tensor-cache.json`, so the URL holds for
 * records with `model_manifest` too.
 */

/** web-llm's normalised model folder URL. */
export function cleanModelUrl(modelUrl: string): string {
  let url = modelUrl.endsWith("/") ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += "resolve/main/";
  return new URL(url).href;
}

/** The weight manifest (shard list with sizes) web-llm reads first. */
export function tensorCacheUrl(modelUrl: string): string {
  return new URL("tensor-cache.json", cleanModelUrl(modelUrl)).href;
}

/** The model's chat config, the first file web-llm fetches when loading. */
export function chatConfigUrl(modelUrl: string): string {
  return new URL("mlc-chat-config.json", cleanModelUrl(modelUrl)).href;
}
