import { parseHash, toHash, type Route, type ViewId } from "../../core/routes";

/** The current hash route, kept in sync with `location.hash`. One instance for the app. */
export class Router {
  route = $state<Route>(parseHash(location.hash));

  constructor() {
    addEventListener("hashchange", () => {
      this.route = parseHash(location.hash);
    });
  }

  /** Navigate to a view; pushes a history entry so Back works. */
  go(view: ViewId, ...params: string[]): void {
    location.hash = toHash(view, ...params);
  }
}

export const router = new Router();
