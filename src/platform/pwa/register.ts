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
}

/** Start the service worker; the returned function activates a waiting update and reloads. */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  if (!("serviceWorker" in navigator)) return async () => location.reload();
  return registerSW({
    // Registered after the window load event, so it never competes with the first paint.
    immediate: false,
    onNeedRefresh: () => events.onUpdateWaiting(),
    onOfflineReady: () => events.onOfflineReady(),
  });
}
