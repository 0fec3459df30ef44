/**
 * The composition root's offline part, loaded after the first paint: the service worker and the
 * update prompt, which waits while anything runs (a model load, a chat or compare turn, a bench
 * run or scoring) so an update never interrupts it.
 */
import type { App } from "../app.svelte";
import { NetworkState } from "../shared/network.svelte";
import { PwaState } from "../shared/pwa.svelte";

/** True while the app does work an update must not interrupt. */
export function appBusy(app: App): boolean {
  const { chat, compare, bench } = app.made;
  return (
    app.engines.busy ||
    (chat?.busy ?? false) ||
    (compare?.running ?? false) ||
    (bench?.runs?.running ?? false) ||
    (bench?.scoring.running ?? false)
  );
}

/**
 * The offline state, started at once (the worker registers after the window's load event), and
 * the network state the views read (`app.made.network`) to say what needs the network.
 */
export function createPwa(app: App): PwaState {
  const network = new NetworkState({
    online: () => navigator.onLine,
    subscribe: (listener) => {
      addEventListener("online", listener);
      addEventListener("offline", listener);
    },
  });
  network.start();
  app.made = { ...app.made, network };
  const pwa = new PwaState({
    register: async (events) =>
      (await import("../../platform/pwa/register")).registerServiceWorker(events),
    reload: () => location.reload(),
    busy: () => appBusy(app),
    network,
  });
  void pwa.start();
  return pwa;
}
