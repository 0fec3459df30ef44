/**
 * The offline app as the page sees it: whether the network is there, whether the shell is cached,
 * and whether a new version waits. An update never interrupts work: asked to reload while a
 * generation or a bench runs, it waits until the page is idle (`settle()` is called whenever the
 * busy state changes) and reloads then. The same holds when the update was accepted in another
 * tab: the new version then controls every tab at once, and each one reloads only when its own
 * work is done.
 */

export interface PwaEvents {
  /** A new version is installed and waits for the page's word to take over. */
  onUpdateWaiting(): void;
  /** Everything the shell needs is cached: the app now starts offline. */
  onOfflineReady(): void;
  /** The new version now controls this page (from this tab or another): it must reload. */
  onNeedReload(): void;
}

export interface PwaDeps {
  /** Register the service worker; the result activates a waiting update (it does not reload). */
  register(events: PwaEvents): Promise<() => Promise<void>>;
  /** Reload the page, to run the version that now controls it. */
  reload(): void;
  /** True while something must not be interrupted (a generation, a model load, a bench run). */
  busy(): boolean;
  /** The browser's network state (shared with the views). */
  network: { readonly online: boolean };
}

export class PwaState {
  #deps: PwaDeps;
  #update: (() => Promise<void>) | null = null;
  /** The waiting version was told to take over. */
  #activating = false;
  /** The new version controls the page, which still runs the old code. */
  #controlled = false;
  /** The shell is cached: the app starts without the network. */
  offlineReady = $state(false);
  /** A new version is installed and waits. */
  updateWaiting = $state(false);
  /** The update was asked for (here or in another tab) while busy: it happens when work ends. */
  reloadPending = $state(false);
  /** True once the page reloads into the new version. */
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
      onNeedReload: () => this.#needReload(),
    });
  }

  /** "Reload to update": now when idle, else as soon as the running work ends. */
  async requestUpdate(): Promise<void> {
    if (!this.updateWaiting) return;
    this.reloadPending = true;
    await this.settle();
  }

  /**
   * Go ahead with a pending update if nothing runs any more; call it when the busy state changes.
   * The waiting version is activated first; the reload follows once it controls the page.
   */
  async settle(): Promise<void> {
    if (!this.reloadPending || this.applied || this.#deps.busy()) return;
    if (this.#controlled) {
      this.applied = true;
      this.#deps.reload();
      return;
    }
    if (this.#activating || !this.#update) return;
    this.#activating = true;
    await this.#update();
  }

  /** Not now: keep the waiting version for the next visit. */
  dismiss(): void {
    this.updateWaiting = false;
    this.reloadPending = false;
  }

  #needReload(): void {
    // Even a dismissed update must load now: the new worker serves this page's files already.
    this.#controlled = true;
    this.updateWaiting = true;
    this.reloadPending = true;
    void this.settle();
  }
}
