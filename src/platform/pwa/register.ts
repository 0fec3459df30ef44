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
   * The waiting version took control of this page, whose old code still runs. This happens in
   * every open tab at once, whichever tab accepted the update; the page decides when to reload.
   */
  onNeedReload(): void;
}

/**
 * Start the service worker; the returned function activates a waiting update, after which
 * `onNeedReload` reports that it controls the page (nothing reloads by itself).
 */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  if (!("serviceWorker" in navigator)) return async () => {};
  // The page's own watch rather than vite-plugin-pwa's: the library reports a takeover only to
  // pages that had a controller when they registered, so a tab opened on the first visit would
  // never reload into an update it accepted. A controller change before any update was waiting
  // is the first install claiming the page, which needs no reload.
  let waiting = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (waiting) events.onNeedReload();
  });
  return registerSW({
    // Registered after the window load event, so it never competes with the first paint.
    immediate: false,
    onNeedRefresh: () => {
      waiting = true;
      events.onUpdateWaiting();
    },
    onOfflineReady: () => events.onOfflineReady(),
    // Without this the library calls `location.reload()` in every tab that saw the waiting
    // version, in the middle of whatever it runs. The listener above reports it instead.
    onNeedReload: () => {},
  });
}
