/**
 * The offline app as the page sees it: whether the network is there, whether the shell is cached,
 * and whether a new version waits. An update never interrupts work: asked to reload while a
 * generation or a bench runs, it waits until the page is idle (`settle()` is called whenever the
 * busy state changes) and reloads then.
 */

export interface PwaDeps {
  /** Register the service worker; the result activates a waiting update (and reloads). */
  register(events: {
    onUpdateWaiting(): void;
    onOfflineReady(): void;
  }): Promise<() => Promise<void>>;
  /** True while something must not be interrupted (a generation, a model load, a bench run). */
  busy(): boolean;
  /** The browser's network state (shared with the views). */
  network: { readonly online: boolean };
}

export class PwaState {
  #deps: PwaDeps;
  #update: (() => Promise<void>) | null = null;
  /** The shell is cached: the app starts without the network. */
  offlineReady = $state(false);
  /** A new version is installed and waits. */
  updateWaiting = $state(false);
  /** The user asked to update while busy: it happens when the work ends. */
  reloadPending = $state(false);
  /** True once the update was applied (the page is about to reload). */
  applied = $state(false);

  constructor(deps: PwaDeps) {
    this.#deps = deps;
  }

  get online(): boolean {
    return this.#deps.network.online;
  }

  /** Register the service worker. */
  async start(): Promise<void> {
    this.#update = await this.#deps.register({
      onUpdateWaiting: () => (this.updateWaiting = true),
      onOfflineReady: () => (this.offlineReady = true),
    });
  }

  /** "Reload to update": now when idle, else as soon as the running work ends. */
  async requestUpdate(): Promise<void> {
    if (!this.updateWaiting) return;
    this.reloadPending = true;
    await this.settle();
  }

  /** Apply a pending update if nothing runs any more; call it when the busy state changes. */
  async settle(): Promise<void> {
    if (!this.reloadPending || this.applied || this.#deps.busy() || !this.#update) return;
    this.applied = true;
    await this.#update();
  }

  /** Not now: keep the waiting version for the next visit. */
  dismiss(): void {
    this.updateWaiting = false;
    this.reloadPending = false;
  }
}
