/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (built by vite-plugin-pwa, see scripts/vite/pwa.ts). Loaded as its
 * own chunk after the first paint, so Workbox's window code never weighs on the entry. In dev no
 * worker is built and this does nothing.
 */
import { registerSW } from "virtual:pwa-register";

export interface ServiceWorkerEvents {
  /** A new version is installed and waits for the page's word to take over. */
  onUpdateWaiting(): void;
  /** Everything the shell needs is cached: the app now starts offline. */
  onOfflineReady(): void;
  /**
   * The new version took control of this page and the old code still runs. Workbox reports this
   * in every open tab that saw the waiting version, not only the one that accepted it; without
   * this callback vite-plugin-pwa would call `location.reload()` in each of them, in the middle of
   * whatever they run. The page decides when to reload instead.
   */
  onNeedReload(): void;
}

/**
 * Start the service worker; the returned function activates a waiting update, after which
 * `onNeedReload` reports that it controls the page (the library itself never reloads).
 */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  if (!("serviceWorker" in navigator)) return async () => {};
  return registerSW({
    // Registered after the window load event, so it never competes with the first paint.
    immediate: false,
    onNeedRefresh: () => events.onUpdateWaiting(),
    onOfflineReady: () => events.onOfflineReady(),
    onNeedReload: () => events.onNeedReload(),
  });
}
