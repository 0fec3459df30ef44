/**
 * Hash routes: `#/device`, `#/chat/abc123`. Hash routing keeps the static build working from any
 * sub-path and lets deep links survive a reload without server rewrites.
 */
export const VIEWS = ["chat", "compare", "bench", "models", "device"] as const;
export type ViewId = (typeof VIEWS)[number];

export interface Route {
  view: ViewId;
  /** Path segments after the view (`#/chat/abc` → ["abc"]). */
  params: string[];
}

export const DEFAULT_VIEW: ViewId = "chat";

/** Parse `location.hash` into a route; unknown views fall back to the default. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, "").split(/[?#]/)[0] ?? "";
  const [head, ...rest] = path.split("/").filter(Boolean).map(decodeURIComponent);
  const view = (VIEWS as readonly string[]).includes(head ?? "") ? (head as ViewId) : DEFAULT_VIEW;
  return { view, params: view === head ? rest : [] };
}

/** Build the hash for a route. */
export function toHash(view: ViewId, ...params: string[]): string {
  return "#/" + [view, ...params].map(encodeURIComponent).join("/");
}
