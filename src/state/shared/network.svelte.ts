/**
 * Whether the browser says it has a network (`navigator.onLine` and its online/offline events),
 * shared by every view, so a button that needs the network (a model download) says so while
 * offline instead of failing silently. `online` true means only "not known to be offline":
 * a captive portal or a blocked host still fails, with its own error.
 */

export interface NetworkDeps {
  online(): boolean;
  /** Call `listener` on every change of the network state. */
  subscribe(listener: () => void): void;
}

export class NetworkState {
  online = $state(true);
  #deps: NetworkDeps;

  constructor(deps: NetworkDeps) {
    this.#deps = deps;
  }

  /** Read the state now and follow its changes. */
  start(): void {
    this.online = this.#deps.online();
    this.#deps.subscribe(() => (this.online = this.#deps.online()));
  }
}
