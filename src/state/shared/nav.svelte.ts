/**
 * Hash navigation: the current route, kept in sync with `location.hash` once started. (The word
 * "router" is kept for the prompt router.)
 */
import { parseHash, toHash, type Route, type ViewId } from "../../core/routes";

export class Nav {
  route = $state<Route>(parseHash(location.hash));

  /** Follow `location.hash` from now on. */
  start(): void {
    addEventListener("hashchange", () => {
      this.route = parseHash(location.hash);
    });
  }

  /** Navigate to a view; pushes a history entry so Back works. */
  go(view: ViewId, ...params: string[]): void {
    location.hash = toHash(view, ...params);
  }
}
