/**
 * Hash routes: `#/device`, `#/chat/abc123`. Hash routing keeps the static build working from any
 * sub-path and lets deep links survive a reload without server rewrites.
 */
export const VIEWS = ["chat", "compare", "bench", "models", "device"] as const;
export type ViewId = (typeof VIEWS)[number];

/**
 * A route's view: one of the views, "home" (the first screen, an empty hash), "shared" (a result
 * carried by a share link) or "not-found" for a hash that cannot be read.
 */
export type RouteView = ViewId | "home" | "shared" | "not-found";

export interface Route {
  view: RouteView;
  /** Path segments after the view (`#/chat/abc` → ["abc"]); for "not-found", the raw hash. */
  params: string[];
}

export const DEFAULT_VIEW: ViewId = "chat";

/**
 * Parse `location.hash` into a route; no view is the first screen, unknown views fall back to the
 * default, and a hash whose escapes are broken (`#/chat/%`) is the not-found route, never an
 * exception.
 */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, "").split(/[?#]/)[0] ?? "";
  let segments: string[];
  try {
    segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: "not-found", params: [hash] };
  }
  const [head, ...rest] = segments;
  if (head === undefined) return { view: "home", params: [] };
  // A share link (`#/shared/<payload>`, see core/share): a read-only result, not a view in the nav.
  if (head === "shared") return { view: "shared", params: rest };
  const view = (VIEWS as readonly string[]).includes(head ?? "") ? (head as ViewId) : DEFAULT_VIEW;
  return { view, params: view === head ? rest : [] };
}

/** Build the hash for a route. */
export function toHash(view: ViewId, ...params: string[]): string {
  return "#/" + [view, ...params].map(encodeURIComponent).join("/");
}
