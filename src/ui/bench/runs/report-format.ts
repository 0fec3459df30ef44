/** Numbers as the bench report shows them. */
export const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : "–");
export const gb = (bytes: number): string =>
  bytes > 0 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : "–";
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** A short duration: µs below a tenth of a millisecond. */
export const msTime = (ms: number): string =>
  !Number.isFinite(ms) ? "–" : ms < 0.1 ? `${Math.round(ms * 1000)} µs` : `${ms.toFixed(2)} ms`;
